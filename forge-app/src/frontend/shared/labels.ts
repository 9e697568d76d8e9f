import type { Criticality, LifecycleStage } from '@itam/common';
import type { AssetLicenceStatus, DateStatus, Health } from '../../common/types';

type Appearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export const HEALTH: Record<Health, { text: string; appearance: Appearance }> = {
  ok: { text: 'OK', appearance: 'success' },
  attention: { text: 'Needs attention', appearance: 'moved' },
  critical: { text: 'Critical', appearance: 'removed' },
};

export const LICENCE: Record<AssetLicenceStatus, { text: string; appearance: Appearance }> = {
  'under-licensed': { text: 'Under-licensed', appearance: 'removed' },
  incomplete: { text: 'Licensing incomplete', appearance: 'moved' },
  compliant: { text: 'Licensed', appearance: 'success' },
  none: { text: 'No managed software', appearance: 'default' },
  unknown: { text: 'Licence status unknown', appearance: 'default' },
};

const STAGE_APPEARANCE: Record<LifecycleStage, Appearance> = {
  planned: 'new',
  ordered: 'new',
  'in-stock': 'default',
  deployed: 'success',
  maintenance: 'inprogress',
  retired: 'moved',
  disposed: 'removed',
};

export const stageLabel = (stage: LifecycleStage) => ({ text: stage, appearance: STAGE_APPEARANCE[stage] });

/** A tier, flagged when the register counts it as critical (the panel data says so). */
export const tierLabel = (tier: Criticality, critical: boolean) => ({
  text: `Tier ${tier}`,
  appearance: (critical ? 'removed' : 'default') as Appearance,
});

const DATE_APPEARANCE: Record<DateStatus, Appearance> = {
  none: 'default',
  ok: 'success',
  'due-soon': 'moved',
  passed: 'removed',
};

export function warrantyLabel(w: { date?: string; status: DateStatus }) {
  const text = {
    none: 'No warranty recorded',
    ok: `Warranty until ${w.date}`,
    'due-soon': `Warranty ends ${w.date}`,
    passed: `Warranty ended ${w.date}`,
  }[w.status];
  return { text, appearance: DATE_APPEARANCE[w.status] };
}

export function endOfSupportLabel(e: { date?: string; status: DateStatus }) {
  const text = {
    none: 'No end-of-support date',
    ok: `Supported until ${e.date}`,
    'due-soon': `End of support soon (${e.date})`,
    passed: `Out of support since ${e.date}`,
  }[e.status];
  return { text, appearance: DATE_APPEARANCE[e.status] };
}

export function endOfLifeLabel(e: { date?: string; status: DateStatus }) {
  const text = {
    none: 'No end-of-life date',
    ok: `End of life ${e.date}`,
    'due-soon': `End of life soon (${e.date})`,
    passed: `Past end of life (${e.date})`,
  }[e.status];
  return { text, appearance: DATE_APPEARANCE[e.status] };
}
