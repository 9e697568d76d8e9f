import {
  addMonthsToDate,
  bookValueAt,
  DEPRECIATION_METHODS,
  depreciationSchedule,
  ItamValidationError,
  minorUnitDigits,
  type Asset,
  type BookValueAtDate,
  type DepreciationInput,
  type DepreciationMethod,
  type DepreciationSchedule,
  parseIsoDay,
} from '@itam/common';
import { fieldLabel } from '../../utils/labels';

/**
 * The asset attributes that set how an asset depreciates. The asset model has purchase cost, date
 * and end of life but no depreciation fields, so these custom attributes refine the defaults.
 */
export const DEPRECIATION_ATTRIBUTES = {
  method: 'depreciationMethod',
  usefulLifeYears: 'usefulLifeYears',
  salvage: 'salvageValue',
  factor: 'decliningBalanceFactor',
} as const;

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

/** An attribute as a number: imports (CSV) store numbers as text. */
function numberAttribute(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return undefined;
}

/** A civil date's UTC day number (dates here are checked before). */
const dayNumber = (date: string): number => parseIsoDay(date) ?? Number.NaN;

/** `date` plus `months`, the day clamped to the month's length (as common's schedule counts). */
const addMonths = (date: string, months: number): string => addMonthsToDate(date, months) ?? date;

/** Whole months from `from` to `to`. */
function wholeMonths(from: string, to: string): number {
  const a = new Date(`${from}T00:00:00Z`);
  const b = new Date(`${to}T00:00:00Z`);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  while (months > 0 && dayNumber(addMonths(from, months)) > dayNumber(to)) months--;
  return months;
}

function lifeInWords(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years > 0) parts.push(`${years} year${years === 1 ? '' : 's'}`);
  if (rest > 0) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * Plans the asset's depreciation from its purchase (cost, currency, date as the in-service date)
 * and either the `usefulLifeYears` attribute or the span from purchase to end of life. The method
 * is straight-line unless the `depreciationMethod` attribute names another; salvage is 0 unless
 * `salvageValue` is set. The maths is common's (SLN/DDB/SYD to the cent).
 */
export function planDepreciation(asset: Asset, today: string): DepreciationPlan {
  const { purchase, endOfLife, attributes } = asset;
  const lifeYearsAttribute = attributes[DEPRECIATION_ATTRIBUTES.usefulLifeYears];
  const missing: string[] = [];
  if (purchase?.cost === undefined || purchase.currency === undefined) missing.push(fieldLabel('purchase.cost'));
  if (purchase?.date === undefined) missing.push(fieldLabel('purchase.date'));
  if (lifeYearsAttribute === undefined && endOfLife === undefined) {
    missing.push(`${fieldLabel('endOfLife')} (or a ${DEPRECIATION_ATTRIBUTES.usefulLifeYears} attribute)`);
  }
  if (missing.length > 0 || !purchase?.date || purchase.cost === undefined || !purchase.currency) {
    return { kind: 'missing', missing };
  }
  const { currency, date: inServiceDate } = purchase;

  const problems: string[] = [];
  const methodAttribute = attributes[DEPRECIATION_ATTRIBUTES.method];
  let method: DepreciationMethod = 'straight-line';
  if (methodAttribute !== undefined && methodAttribute !== null) {
    if ((DEPRECIATION_METHODS as readonly unknown[]).includes(methodAttribute)) {
      method = methodAttribute as DepreciationMethod;
    } else {
      problems.push(
        `The ${DEPRECIATION_ATTRIBUTES.method} attribute is "${String(methodAttribute)}"; use one of ${DEPRECIATION_METHODS.join(', ')}.`,
      );
    }
  }

  let lifeMonths: number;
  if (lifeYearsAttribute !== undefined) {
    const years = numberAttribute(lifeYearsAttribute);
    if (years === undefined || !Number.isInteger(years) || years < 1) {
      problems.push(
        `The ${DEPRECIATION_ATTRIBUTES.usefulLifeYears} attribute is "${String(lifeYearsAttribute)}"; use a whole number of years, at least 1.`,
      );
    }
    lifeMonths = (years ?? 0) * 12;
  } else {
    lifeMonths = wholeMonths(inServiceDate, endOfLife!);
    if (lifeMonths < 1) {
      problems.push(
        `${fieldLabel('endOfLife')} (${endOfLife}) must be at least a month after the ${fieldLabel('purchase.date').toLowerCase()} (${inServiceDate}).`,
      );
    }
  }

  const salvageAttribute = attributes[DEPRECIATION_ATTRIBUTES.salvage];
  const salvage = numberAttribute(salvageAttribute) ?? 0;
  if (salvageAttribute !== undefined && salvageAttribute !== null && !Number.isFinite(salvage)) {
    problems.push(`The ${DEPRECIATION_ATTRIBUTES.salvage} attribute is "${String(salvageAttribute)}"; use an amount.`);
  }
  const factor = numberAttribute(attributes[DEPRECIATION_ATTRIBUTES.factor]);
  if (problems.length > 0) return { kind: 'invalid', problems };

  // Purchase costs may carry four decimals; depreciation is exact in minor units (cents).
  const scale = 10 ** minorUnitDigits(currency);
  const input: DepreciationInput & { currency: string } = {
    method,
    cost: Math.round(purchase.cost * scale) / scale,
    salvage: Math.round(salvage * scale) / scale,
    ...(lifeMonths % 12 === 0
      ? { life: lifeMonths / 12, periodUnit: 'year' as const }
      : { life: lifeMonths, periodUnit: 'month' as const }),
    ...(method === 'declining-balance' && factor !== undefined ? { factor } : {}),
    currency,
  };
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
      methodFromAttribute: method !== 'straight-line' || methodAttribute === 'straight-line',
      lifeFromAttribute: lifeYearsAttribute !== undefined,
      lifeText: lifeInWords(lifeMonths),
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
