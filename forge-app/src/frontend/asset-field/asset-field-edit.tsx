import { view } from '@forge/bridge';
import { Select, Text, useProductContext } from '@forge/react';
import { CustomFieldEdit } from '@forge/react/jira';
import { useEffect, useState } from 'react';
import type { AssetSearchHit } from '../../common/types';
import { fieldTags } from '../../domain/asset-field-value';
import { call } from '../shared/api';

type Option = { label: string; value: string };

const optionOf = (hit: Pick<AssetSearchHit, 'tag' | 'name'>): Option => ({ label: `${hit.tag} ${hit.name}`, value: hit.tag });

/**
 * The asset field's editor, on create and transition screens, request forms and the issue view:
 * search the register by tag, name or serial number and pick assets. The value is the chosen
 * tags; when the issue is saved, the app links those assets in the register (and unlinks removed
 * ones), see src/services/sync-issue.ts.
 */
export function AssetFieldEdit() {
  const context = useProductContext() as { extension?: { fieldValue?: unknown } } | undefined;
  const [tags, setTags] = useState<string[]>();
  const [hits, setHits] = useState<Option[]>([]);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (context && tags === undefined) setTags(fieldTags(context.extension?.fieldValue));
  }, [context, tags]);

  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const result = await call('searchFieldAssets', { q });
    if (result.ok) {
      setHits(result.data.map(optionOf));
      setMessage(undefined);
    } else {
      setMessage(result.error.message);
    }
  };
  const current = tags ?? [];
  const selected = current.map(tag => hits.find(h => h.value === tag) ?? { label: tag, value: tag });
  const options = [...selected, ...hits.filter(h => !current.includes(h.value))];

  return (
    <CustomFieldEdit onSubmit={() => void view.submit(current)}>
      <Select
        inputId="itam-asset-field"
        isMulti
        isSearchable
        placeholder="Search assets by tag, name or serial number"
        options={options}
        value={selected}
        onInputChange={q => void search(String(q ?? ''))}
        onChange={value => setTags((Array.isArray(value) ? value : []).map(v => String((v as Option).value)))}
      />
      {message ? <Text>{message}</Text> : null}
    </CustomFieldEdit>
  );
}
