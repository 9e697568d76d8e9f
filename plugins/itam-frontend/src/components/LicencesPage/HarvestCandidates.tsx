// Devices whose licence can be taken back, with the reason. A section of the licence position page.
import { useMemo } from 'react';
import { Text, type ColumnConfig } from '@backstage/ui';
import { type HarvestCandidate, type LicencePositionResponse } from '@itam/common';
import { PagedTable } from '../PagedTable/PagedTable';
import { assetCell, Section, type AssetLink } from './positionSections';
import { WrappingCellText } from '../PagedTable/WrappingCellText';


type HarvestRow = HarvestCandidate & { id: string };

function harvestColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<HarvestRow>[] {
  return [
    {
      id: 'asset',
      label: 'Asset',
      isRowHeader: true,
      cell: h => assetCell(h.deviceId, tags, assetLink, `installation ${h.installationId}`),
    },
    { id: 'lastUsed', label: 'Last used', cell: h => <WrappingCellText title={h.lastUsed ?? 'Never'} /> },
    {
      id: 'reason',
      label: 'Why',
      cell: h => (
        <WrappingCellText
          title={
            h.reason === 'never-used' || h.daysUnused === null
              ? 'Never used since installed'
              : `Unused for ${h.daysUnused} days`
          }
        />
      ),
    },
  ];
}

export function HarvestCandidates(props: { position: LicencePositionResponse; tags: ReadonlyMap<string, string>; assetLink: AssetLink }) {
  const { position, tags, assetLink } = props;
  const columns = useMemo(() => harvestColumns(tags, assetLink), [tags, assetLink]);
  const rows = position.harvestCandidates.map(h => ({ ...h, id: h.installationId }));
  return (
    <Section
      title="Harvest candidates"
      subtitle={`Installations unused for ${position.harvestAfterDays} days or more: removing them frees their rights.`}
    >
      {rows.length === 0 ? (
        <Text>No harvest candidates: every metered installation was used in the last {position.harvestAfterDays} days.</Text>
      ) : (
        <PagedTable columnConfig={columns} data={rows} />
      )}
    </Section>
  );
}
