// Where a product is installed, a page at a time, linking to the assets. A section of the licence position page.
import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { type ColumnConfig } from '@backstage/ui';
import { type ListedInstallation } from '@itam/common';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { assetCell, Section, type AssetLink } from './positionSections';
import { WrappingCellText } from '../PagedTable/WrappingCellText';


type InstallationRow = ListedInstallation;

function installationColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<InstallationRow>[] {
  return [
    { id: 'asset', label: 'Asset', isRowHeader: true, cell: i => assetCell(i.assetId, tags, assetLink) },
    {
      id: 'software',
      label: 'Software as discovered',
      cell: i => (
        <WrappingCellText
          title={i.productName}
          description={[i.publisher, i.version].filter(Boolean).join(' · ') || undefined}
        />
      ),
    },
    { id: 'installed', label: 'Installed', cell: i => <WrappingCellText title={i.installDate ?? 'Not recorded'} /> },
    {
      id: 'lastUsed',
      label: 'Last used',
      cell: i => (
        <WrappingCellText title={i.lastUsed === undefined ? 'Not metered' : i.lastUsed === null ? 'Never used' : i.lastUsed} />
      ),
    },
    { id: 'source', label: 'Source', cell: i => <WrappingCellText title={i.source} description={`recorded ${i.recordedAt.slice(0, 10)}`} /> },
  ];
}

export function Installations(props: {
  items?: ListedInstallation[];
  loading: boolean;
  error?: Error;
  retry: () => void;
  tags: ReadonlyMap<string, string>;
  assetLink: AssetLink;
}) {
  const { items, loading, error, retry, tags, assetLink } = props;
  const columns = useMemo(() => installationColumns(tags, assetLink), [tags, assetLink]);
  let body;
  if (error) body = <ItamErrorPanel error={error} title="Could not load the installations" onRetry={retry} />;
  else if (loading && !items) body = <Progress />;
  else if (!items || items.length === 0) {
    body = <EmptyState missing="data" title="No installations of this product are recorded" />;
  } else {
    body = <PagedTable columnConfig={columns} data={items} />;
  }
  return <Section title="Installations">{body}</Section>;
}
