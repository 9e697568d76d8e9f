import {
  assetDepreciationPolicy,
  bookValueAt,
  DEPRECIATION_ATTRIBUTES,
  depreciationSchedule,
  ItamValidationError,
  type Asset,
  type BookValueAtDate,
  type DepreciationField,
  type DepreciationInput,
  type DepreciationSchedule,
} from '@itam/common';
import { fieldLabel } from '../../utils/labels';

/** How the asset depreciates, with the schedule and the book value today, or why it cannot. */
export type DepreciationPlan =
  | { kind: 'missing'; missing: string[] }
  | { kind: 'invalid'; problems: string[] }
  | {
      kind: 'ready';
      input: DepreciationInput & { currency: string };
      inServiceDate: string;
      /** Where the method and useful life came from: the asset's attributes or the defaults. */
      methodFromAttribute: boolean;
      lifeFromAttribute: boolean;
      /** The useful life in words, e.g. `4 years` or `3 years 6 months`. */
      lifeText: string;
      schedule: DepreciationSchedule;
      current: BookValueAtDate;
      /** The schedule row (`period`) that contains today, if the asset is in service. */
      currentPeriod?: number;
    };

const INPUT_FIELD_NAMES: Record<string, string> = {
  cost: fieldLabel('purchase.cost'),
  salvage: `Salvage value (${DEPRECIATION_ATTRIBUTES.salvage})`,
  life: 'Useful life',
  factor: `Declining-balance factor (${DEPRECIATION_ATTRIBUTES.factor})`,
  method: `Depreciation method (${DEPRECIATION_ATTRIBUTES.method})`,
};

function lifeInWords(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years > 0) parts.push(`${years} year${years === 1 ? '' : 's'}`);
  if (rest > 0) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** The words for what a policy lacks or holds wrongly. */
const FIELD_NAMES: Record<DepreciationField, string> = {
  'purchase.cost': fieldLabel('purchase.cost'),
  'purchase.date': fieldLabel('purchase.date'),
  usefulLife: `${fieldLabel('endOfLife')} (or a ${DEPRECIATION_ATTRIBUTES.usefulLifeYears} attribute)`,
  method: `Depreciation method (${DEPRECIATION_ATTRIBUTES.method})`,
  salvage: `Salvage value (${DEPRECIATION_ATTRIBUTES.salvage})`,
};

/**
 * Plans the asset's depreciation by common's policy (`assetDepreciationPolicy`: purchase as the
 * in-service date, useful life from `usefulLifeYears` or the end of life, straight-line unless
 * `depreciationMethod` says otherwise) and common's maths (SLN/DDB/SYD to the cent), with the
 * schedule by year and the book value today.
 */
export function planDepreciation(asset: Asset, today: string): DepreciationPlan {
  const policy = assetDepreciationPolicy(asset);
  if (policy.kind === 'missing') return { kind: 'missing', missing: policy.missing.map(f => FIELD_NAMES[f]) };
  if (policy.kind === 'invalid') return { kind: 'invalid', problems: policy.problems.map(p => p.message) };
  const { input, inServiceDate } = policy;
  try {
    const schedule = depreciationSchedule(input, { frequency: 'yearly', inServiceDate });
    const current = bookValueAt(input, { inServiceDate, date: today });
    const currentRow =
      current.status === 'in-service'
        ? schedule.rows.find(r => r.start! <= today && today <= r.end!)
        : undefined;
    return {
      kind: 'ready',
      input,
      inServiceDate,
      methodFromAttribute: policy.methodFromAttribute,
      lifeFromAttribute: policy.lifeFromAttribute,
      lifeText: lifeInWords(policy.lifeMonths),
      schedule,
      current,
      ...(currentRow ? { currentPeriod: currentRow.period } : {}),
    };
  } catch (e) {
    if (!(e instanceof ItamValidationError)) throw e;
    return {
      kind: 'invalid',
      problems: e.issues.map(i => `${INPUT_FIELD_NAMES[i.path] ?? i.path} ${i.message}.`),
    };
  }
}
