import { Inline, Tag, Text, useProductContext } from '@forge/react';
import { fieldTags } from '../../domain/asset-field-value';

/**
 * The asset field as Jira shows it (issue view, request portal): the tags of the assets linked to
 * the issue, which the app keeps in step with the register's ticket links.
 */
export function AssetFieldView() {
  const context = useProductContext() as { extension?: { fieldValue?: unknown } } | undefined;
  const tags = fieldTags(context?.extension?.fieldValue);
  if (tags.length === 0) return <Text>No assets</Text>;
  return (
    <Inline space="space.050" shouldWrap>
      {tags.map(tag => (
        <Tag key={tag} text={tag} />
      ))}
    </Inline>
  );
}
