import type { ReactNode } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { WrappingCellText } from '../PagedTable/WrappingCellText';

// What the sections of a licence position page share: how an asset is shown, and the frame.

export type AssetLink = ((assetId: string) => string) | undefined;

/** An asset by its tag when known (its id otherwise), linking to its page. */
export function assetCell(assetId: string, tags: ReadonlyMap<string, string>, assetLink: AssetLink, description?: string) {
  return <WrappingCellText title={tags.get(assetId) ?? assetId} description={description} href={assetLink?.(assetId)} />;
}

export function Section(props: { title: string; subtitle?: string; children: ReactNode }) {
  // A named region, so each part can be found by its title (several show the same assets).
  return (
    <Card role="region" aria-label={props.title}>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h3" variant="title-small">
            {props.title}
          </Text>
          {props.subtitle && <Text color="secondary">{props.subtitle}</Text>}
        </Flex>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}
