// How each consumer of a product was counted and which entitlement covered it. A section of the licence position page.
import { useMemo } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, Flex, Text, type ColumnConfig } from '@backstage/ui';
import {
  LICENCE_METRIC_INFO,
  type ConsumerExplanation,
  type ConsumerKind,
  type LicencePositionResponse,
} from '@itam/common';
import { CONSUMPTION_VIA_LABELS, DEMAND_RULE_LABELS, quantity, VERSION_MATCH_LABELS } from '../../utils/licences';
import { PagedTable } from '../PagedTable/PagedTable';
import { assetCell, Section, type AssetLink } from './positionSections';
import { WrappingCellText } from '../PagedTable/WrappingCellText';


type ConsumerRow = ConsumerExplanation & { id: string };

function consumerCell(c: ConsumerExplanation, tags: ReadonlyMap<string, string>, assetLink: AssetLink) {
  switch (c.consumerKind) {
    case 'device': {
      const vms = c.deviceIds && c.deviceIds.length > 0 ? `host of ${c.deviceIds.length} counted devices` : undefined;
      return assetCell(c.consumerId, tags, assetLink, vms ?? `${c.installationIds.length} installation(s)`);
    }
    case 'user':
      return (
        <Cell>
          <EntityRefLink entityRef={c.userRef ?? c.consumerId} />
        </Cell>
      );
    case 'concurrent':
      return (
        <WrappingCellText
          title="Concurrent use"
          description={c.peak !== undefined ? `peak of ${c.peak}${c.observedAt ? ` on ${c.observedAt}` : ''}` : undefined}
        />
      );
    default:
      return <WrappingCellText title="Vendor rounding" description={c.consumerId} />;
  }
}

function consumerColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<ConsumerRow>[] {
  return [
    { id: 'consumer', label: 'Consumer', isRowHeader: true, cell: c => consumerCell(c, tags, assetLink) },
    {
      id: 'rule',
      label: 'Counting rule',
      cell: c => <WrappingCellText title={DEMAND_RULE_LABELS[c.basis.rule]} description={c.basis.formula} />,
    },
    {
      id: 'demand',
      label: 'Required',
      cell: c => <WrappingCellText title={quantity(c.demand, LICENCE_METRIC_INFO[c.metric].unit)} />,
    },
    {
      id: 'covered',
      label: 'Covered by',
      cell: c => (
        <Cell>
          <Flex direction="column" gap="1">
            {c.consumed.length === 0 && <Text>Nothing</Text>}
            {c.consumed.map(u => (
              <Text key={`${u.entitlementId}:${u.via}:${u.match}`}>
                {quantity(u.amount, LICENCE_METRIC_INFO[c.metric].unit)} of {u.entitlementId} (
                {CONSUMPTION_VIA_LABELS[u.via]}, {VERSION_MATCH_LABELS[u.match]})
              </Text>
            ))}
          </Flex>
        </Cell>
      ),
    },
    {
      id: 'shortfall',
      label: 'Not covered',
      cell: c => (
        <WrappingCellText title={c.shortfall > 0 ? `Short ${quantity(c.shortfall, LICENCE_METRIC_INFO[c.metric].unit)}` : 'Covered'} />
      ),
    },
    {
      id: 'notes',
      label: 'Notes',
      cell: c => (
        <Cell>
          <Flex direction="column" gap="1">
            {c.notes.map(n => (
              <Text key={`${n.code}:${n.entitlementId ?? ''}`}>{n.message}</Text>
            ))}
          </Flex>
        </Cell>
      ),
    },
  ];
}

const EVIDENCE_WORDS: Record<ConsumerKind, string> = {
  device: 'installation(s) on devices',
  user: 'user assignment(s)',
  concurrent: 'concurrent-use peak(s)',
};

export function Explanation(props: { position: LicencePositionResponse; tags: ReadonlyMap<string, string>; assetLink: AssetLink }) {
  const { position, tags, assetLink } = props;
  const { consumers, ignoredEvidence } = position.explanation;
  const rows = consumers.map((c, i) => ({ ...c, id: `${c.consumerKind}:${c.consumerId}:${c.metric}:${i}` }));
  const columns = useMemo(() => consumerColumns(tags, assetLink), [tags, assetLink]);
  return (
    <Section title="How the requirement was counted" subtitle="Which evidence needed what, and which entitlements covered it.">
      <Flex direction="column" gap="3">
        {rows.length === 0 ? (
          <Text>No installation, assignment or concurrent use of this product was counted.</Text>
        ) : (
          <PagedTable columnConfig={columns} data={rows} />
        )}
        {ignoredEvidence.length > 0 && (
          <Flex direction="column" gap="1" role="list" aria-label="Evidence not counted">
            {ignoredEvidence.map(e => (
              <Text key={`${e.kind}:${e.reason}`} role="listitem">
                {e.count} {EVIDENCE_WORDS[e.kind]} not counted: {e.reason}
              </Text>
            ))}
          </Flex>
        )}
      </Flex>
    </Section>
  );
}
