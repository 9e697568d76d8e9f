import { useMemo, type ReactNode } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Card,
  CardBody,
  CardHeader,
  Cell,
  CellText,
  Flex,
  Link,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import {
  productDisplayName,
  LICENCE_METRIC_INFO,
  type ConsumerExplanation,
  type ConsumerKind,
  type EntitlementUsage,
  type HarvestCandidate,
  type LicencePositionResponse,
  type ListedInstallation,
  type MetricPosition,
  type StoredEntitlement,
  type TermStatus,
} from '@itam/common';
import { useItamRoutes } from '../../hooks';
import {
  useAssetTags,
  useLicencePosition,
  useProductEntitlements,
  useProductInstallations,
} from '../../hooks/useLicences';
import {
  CONSUMPTION_VIA_LABELS,
  DEMAND_RULE_LABELS,
  LICENCE_METRIC_LABELS,
  linePositionText,
  positionText,
  quantity,
  trueUpText,
  VERSION_MATCH_LABELS,
} from '../../utils/licences';
import { formatDateTime } from '../../utils/dateTime';
import { formatMoney } from '../../utils/money';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { LicenceStatusChip } from './LicenceStatusChip';

type AssetLink = ((assetId: string) => string) | undefined;

/** An asset by its tag when known (its id otherwise), linking to its page. */
function assetCell(assetId: string, tags: ReadonlyMap<string, string>, assetLink: AssetLink, description?: string) {
  return <CellText title={tags.get(assetId) ?? assetId} description={description} href={assetLink?.(assetId)} />;
}

function Section(props: { title: string; subtitle?: string; children: ReactNode }) {
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

/** The headline of a position: what is required and owned, and what follows. */
function headline(p: LicencePositionResponse): string {
  if (p.status === 'unreconciled') {
    return 'This product is not under management: its use is not reconciled against its rights.';
  }
  const where = positionText(p);
  if (p.required !== null && p.owned !== null && where) {
    return `${quantity(p.required, p.unit)} required, ${quantity(p.owned, p.unit)} owned: ${where.charAt(0).toLowerCase()}${where.slice(1)}.`;
  }
  return 'Its rights are counted in several metrics; see each metric below.';
}

type LineRow = MetricPosition & { id: string };

function lineColumns(currency: string | null): ColumnConfig<LineRow>[] {
  return [
    { id: 'metric', label: 'Metric', isRowHeader: true, cell: l => <CellText title={LICENCE_METRIC_LABELS[l.metric]} /> },
    { id: 'required', label: 'Required', cell: l => <CellText title={quantity(l.required, l.unit)} /> },
    {
      id: 'entitled',
      label: 'Entitled (own rights)',
      cell: l => <CellText title={l.unlimited ? 'Unlimited' : quantity(l.entitled, l.unit)} />,
    },
    {
      id: 'owned',
      label: 'Owned (effective)',
      cell: l => (
        <CellText
          title={quantity(l.owned, l.unit)}
          description={
            l.coveredByUnlimited > 0
              ? `${quantity(l.coveredByUnlimited, l.unit)} covered by a site or unlimited right`
              : undefined
          }
        />
      ),
    },
    { id: 'position', label: 'Shortfall / surplus', cell: l => <CellText title={linePositionText(l)} /> },
    {
      id: 'price',
      label: 'Unit price',
      cell: l => (
        <CellText
          title={l.unitCost === null ? 'No price recorded' : formatMoney(l.unitCost, currency)}
          description={l.priceEntitlementId ? `from ${l.priceEntitlementId}` : undefined}
        />
      ),
    },
    {
      id: 'trueUp',
      label: 'True-up cost',
      cell: l => (
        <CellText
          title={
            l.trueUpCost === null
              ? 'Not priced'
              : l.trueUpCost === 0
                ? 'None'
                : `${formatMoney(l.trueUpCost, currency)}`
          }
          description={
            l.trueUpCost && l.unitCost !== null
              ? `${l.shortfall} × ${formatMoney(l.unitCost, currency)}`
              : undefined
          }
        />
      ),
    },
  ];
}

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
        <CellText
          title="Concurrent use"
          description={c.peak !== undefined ? `peak of ${c.peak}${c.observedAt ? ` on ${c.observedAt}` : ''}` : undefined}
        />
      );
    default:
      return <CellText title="Vendor rounding" description={c.consumerId} />;
  }
}

function consumerColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<ConsumerRow>[] {
  return [
    { id: 'consumer', label: 'Consumer', isRowHeader: true, cell: c => consumerCell(c, tags, assetLink) },
    {
      id: 'rule',
      label: 'Counting rule',
      cell: c => <CellText title={DEMAND_RULE_LABELS[c.basis.rule]} description={c.basis.formula} />,
    },
    {
      id: 'demand',
      label: 'Required',
      cell: c => <CellText title={quantity(c.demand, LICENCE_METRIC_INFO[c.metric].unit)} />,
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
        <CellText title={c.shortfall > 0 ? `Short ${quantity(c.shortfall, LICENCE_METRIC_INFO[c.metric].unit)}` : 'Covered'} />
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

function Explanation(props: { position: LicencePositionResponse; tags: ReadonlyMap<string, string>; assetLink: AssetLink }) {
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

const TERM_STATUS_LABELS: Record<TermStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  'not-started': 'Not started',
};

type EntitlementRow = StoredEntitlement & { usage?: EntitlementUsage };

function entitlementColumns(): ColumnConfig<EntitlementRow>[] {
  return [
    {
      id: 'id',
      label: 'Entitlement',
      isRowHeader: true,
      cell: e => <CellText title={e.id} description={e.downgradeRights ? 'With downgrade rights' : undefined} />,
    },
    { id: 'metric', label: 'Metric', cell: e => <CellText title={LICENCE_METRIC_LABELS[e.metric]} /> },
    {
      id: 'quantity',
      label: 'Quantity',
      cell: e => {
        const unit = LICENCE_METRIC_INFO[e.metric].unit;
        const allocated = (e.allocations?.deviceIds?.length ?? 0) + (e.allocations?.userRefs?.length ?? 0);
        return (
          <CellText
            title={e.quantity === undefined ? 'Unlimited' : quantity(e.quantity, unit)}
            description={allocated > 0 ? `${allocated} allocated` : undefined}
          />
        );
      },
    },
    {
      id: 'term',
      label: 'Term',
      cell: e => (
        <CellText
          title={`${e.termStart ?? 'Since purchase'} to ${e.termEnd ?? 'perpetual'}`}
          description={e.usage ? TERM_STATUS_LABELS[e.usage.termStatus] : undefined}
        />
      ),
    },
    {
      id: 'price',
      label: 'Unit price',
      cell: e => (
        <CellText title={e.unitCost === undefined ? 'No price recorded' : formatMoney(e.unitCost, e.currency)} />
      ),
    },
    {
      id: 'used',
      label: 'Used',
      cell: e => {
        if (!e.usage) return <CellText title="Not counted" color="secondary" />;
        const unit = LICENCE_METRIC_INFO[e.metric].unit;
        return (
          <CellText
            title={`${quantity(e.usage.consumed, unit)} by ${e.usage.consumers} ${e.usage.consumers === 1 ? 'consumer' : 'consumers'}`}
            description={
              e.usage.lentToOtherVersions > 0
                ? `${quantity(e.usage.lentToOtherVersions, unit)} lent to older versions`
                : undefined
            }
          />
        );
      },
    },
    {
      id: 'remaining',
      label: 'Remaining',
      cell: e => {
        if (!e.usage) return <CellText title="Not counted" color="secondary" />;
        return (
          <CellText
            title={e.usage.remaining === null ? 'Unlimited' : quantity(e.usage.remaining, LICENCE_METRIC_INFO[e.metric].unit)}
          />
        );
      },
    },
  ];
}

function Entitlements(props: { productId: string; usage?: readonly EntitlementUsage[] }) {
  const { items, loading, error, retry } = useProductEntitlements(props.productId);
  const columns = useMemo(entitlementColumns, []);
  let body;
  if (error) body = <ItamErrorPanel error={error} title="Could not load the entitlements" onRetry={retry} />;
  else if (loading && !items) body = <Progress />;
  else if (!items || items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No entitlements are recorded for this product"
        description="Every use of it counts as a shortfall until the rights bought for it are recorded."
      />
    );
  } else {
    const usage = new Map(props.usage?.map(u => [u.entitlementId, u]));
    body = (
      <PagedTable columnConfig={columns} data={items.map(e => ({ ...e, usage: usage.get(e.id) }))} />
    );
  }
  return <Section title="Entitlements">{body}</Section>;
}

type InstallationRow = ListedInstallation;

function installationColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<InstallationRow>[] {
  return [
    { id: 'asset', label: 'Asset', isRowHeader: true, cell: i => assetCell(i.assetId, tags, assetLink) },
    {
      id: 'software',
      label: 'Software as discovered',
      cell: i => (
        <CellText
          title={i.productName}
          description={[i.publisher, i.version].filter(Boolean).join(' · ') || undefined}
        />
      ),
    },
    { id: 'installed', label: 'Installed', cell: i => <CellText title={i.installDate ?? 'Not recorded'} /> },
    {
      id: 'lastUsed',
      label: 'Last used',
      cell: i => (
        <CellText title={i.lastUsed === undefined ? 'Not metered' : i.lastUsed === null ? 'Never used' : i.lastUsed} />
      ),
    },
    { id: 'source', label: 'Source', cell: i => <CellText title={i.source} description={`recorded ${i.recordedAt.slice(0, 10)}`} /> },
  ];
}

function Installations(props: {
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

type HarvestRow = HarvestCandidate & { id: string };

function harvestColumns(tags: ReadonlyMap<string, string>, assetLink: AssetLink): ColumnConfig<HarvestRow>[] {
  return [
    {
      id: 'asset',
      label: 'Asset',
      isRowHeader: true,
      cell: h => assetCell(h.deviceId, tags, assetLink, `installation ${h.installationId}`),
    },
    { id: 'lastUsed', label: 'Last used', cell: h => <CellText title={h.lastUsed ?? 'Never'} /> },
    {
      id: 'reason',
      label: 'Why',
      cell: h => (
        <CellText
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

function HarvestCandidates(props: { position: LicencePositionResponse; tags: ReadonlyMap<string, string>; assetLink: AssetLink }) {
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

/**
 * One product's effective licence position: its status and the numbers per metric (required,
 * entitled, owned, shortfall or surplus, unit price and true-up cost in the entitlement's
 * currency), how each consumer's requirement was counted and which entitlement covered it, the
 * product's entitlements with their use, its installations (linking to the assets) and the
 * harvest candidates with the reason.
 */
export function LicencePositionPage(props: { productId: string }) {
  const { productId } = props;
  const { position, loading, error, retry } = useLicencePosition(productId);
  const installations = useProductInstallations(productId);
  const routes = useItamRoutes();
  const assetIds = useMemo(
    () => [
      ...(installations.items ?? []).map(i => i.assetId),
      ...(position?.explanation.consumers ?? []).filter(c => c.consumerKind === 'device').map(c => c.consumerId),
      ...(position?.harvestCandidates ?? []).map(h => h.deviceId),
    ],
    [installations.items, position],
  );
  const tags = useAssetTags(assetIds);
  const columns = useMemo(() => lineColumns(position?.trueUp.currency ?? null), [position]);
  const back = routes.licences && <Link href={routes.licences}>Back to licences</Link>;

  if (loading && !position) return <Progress />;
  if (error || !position) {
    return (
      <Flex direction="column" gap="3" align="start">
        {error && (
          <ItamErrorPanel error={error} title={`Could not load the licence position of ${productId}`} onRetry={retry} />
        )}
        {back}
      </Flex>
    );
  }

  const lines = position.lines.map(l => ({ ...l, id: l.metric }));
  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start">
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-medium">
            {position.publisher} {productDisplayName(position)}
          </Text>
          <Text color="secondary">
            Licence position as of {position.asOf}, computed {formatDateTime(position.computedAt)}
          </Text>
        </Flex>
        {back}
      </Flex>
      <Flex gap="2" align="center" aria-label="Licence status">
        <LicenceStatusChip status={position.status} />
        <Text>{headline(position)}</Text>
      </Flex>
      {position.status !== 'unreconciled' && (
        <Section title="Position" subtitle={`True-up cost: ${trueUpText(position)}`}>
          {lines.length === 0 ? (
            <Text>No rights and no use of this product were found.</Text>
          ) : (
            <PagedTable columnConfig={columns} data={lines} />
          )}
        </Section>
      )}
      {position.status !== 'unreconciled' && (
        <Explanation position={position} tags={tags} assetLink={routes.asset} />
      )}
      <Entitlements productId={productId} usage={position.explanation.entitlements} />
      <Installations {...installations} tags={tags} assetLink={routes.asset} />
      {position.status !== 'unreconciled' && (
        <HarvestCandidates position={position} tags={tags} assetLink={routes.asset} />
      )}
    </Flex>
  );
}
