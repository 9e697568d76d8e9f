import { Cell, Flex, Text } from '@backstage/ui';
import type { Asset } from '@itam/common';
import type { AssetInsight } from '../../hooks/useAssetInsights';
import { positionText } from '../../utils/licences';
import { formatMoney } from '../../utils/money';
import { planDepreciation } from '../AssetDepreciation/depreciationPlan';
import { highestSeverity } from '../../utils/risks';
import { LicenceStatusChip } from '../LicencesPage';
import { RiskSeverityChip } from '../RiskFindingsPage';
import { WrappingCellText } from '../PagedTable/WrappingCellText';

/** Where the licence and risk details of the entity's assets stand. */
export type InsightState = { insight?: AssetInsight; loading: boolean; failed: boolean };

function pendingCell(state: InsightState) {
  if (state.failed) return <WrappingCellText title="Unavailable" color="secondary" />;
  if (state.loading || !state.insight) return <WrappingCellText title="Loading…" color="secondary" />;
  return undefined;
}

/** The worst licence status of the managed software on the asset, with the products. */
export function LicenceCell(props: { state: InsightState }) {
  const pending = pendingCell(props.state);
  if (pending) return pending;
  const { status, products } = props.state.insight!.licences;
  if (status === 'none') return <WrappingCellText title="No managed software" color="secondary" />;
  const described = (p: (typeof products)[number]) => {
    const position = p.status === 'compliant' ? null : positionText(p);
    return position ? `${p.name} (${position})` : p.name;
  };
  return (
    <Cell>
      <Flex direction="column" gap="1" align="start">
        <LicenceStatusChip status={status} />
        <Text color="secondary">
          {products.map(described).join(', ')}
        </Text>
      </Flex>
    </Cell>
  );
}

/** How many risk findings the asset has and the highest severity among them. */
export function FindingsCell(props: { state: InsightState }) {
  const pending = pendingCell(props.state);
  if (pending) return pending;
  const findings = props.state.insight!.findings;
  const highest = highestSeverity(findings);
  if (!highest) return <WrappingCellText title="No open findings" color="secondary" />;
  return (
    <Cell>
      <Flex direction="column" gap="1" align="start">
        <RiskSeverityChip severity={highest} />
        <Text color="secondary">
          {findings.length} open {findings.length === 1 ? 'finding' : 'findings'}
        </Text>
      </Flex>
    </Cell>
  );
}

/**
 * The purchase cost in its own currency (never converted) with the purchase date, and the book
 * value today where the asset's depreciation can be worked out (as on its asset page).
 */
export function CostCell(props: { asset: Asset; today: string }) {
  const p = props.asset.purchase;
  if (p?.cost === undefined) return <WrappingCellText title="No cost recorded" color="secondary" />;
  const plan = planDepreciation(props.asset, props.today);
  const bookValue =
    plan.kind === 'ready' ? `book value ${formatMoney(plan.current.bookValue, plan.input.currency)}` : undefined;
  const bought = p.date ? `bought ${p.date}` : undefined;
  const description = [bought, bookValue].filter(Boolean).join(', ');
  return <WrappingCellText title={formatMoney(p.cost, p.currency)} {...(description ? { description } : {})} />;
}
