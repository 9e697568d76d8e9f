import type { Asset } from '../asset/types';
import { addMonthsToDay, parseIsoDay } from './calendar';
import { minorUnitDigits } from './currency';
import { DEPRECIATION_METHODS, type DepreciationInput, type DepreciationMethod } from './depreciationInput';

/**
 * The asset attributes that set how an asset depreciates. The asset model has purchase cost, date
 * and end of life but no depreciation fields, so these attributes refine the defaults (see
 * {@link assetDepreciationPolicy}).
 *
 * @public
 */
export const DEPRECIATION_ATTRIBUTES = {
  method: 'depreciationMethod',
  usefulLifeYears: 'usefulLifeYears',
  salvage: 'salvageValue',
  factor: 'decliningBalanceFactor',
} as const;

/**
 * The method an asset depreciates by when its attributes name none.
 *
 * @public
 */
export const DEFAULT_DEPRECIATION_METHOD: DepreciationMethod = 'straight-line';

/**
 * What an asset's depreciation reads and may lack or hold wrongly: the purchase cost (with its
 * currency), the purchase date, the useful life (the `usefulLifeYears` attribute, or the end of
 * life) and the method, salvage and factor attributes.
 *
 * @public
 */
export type DepreciationField = 'purchase.cost' | 'purchase.date' | 'usefulLife' | 'method' | 'salvage';

/**
 * How an asset depreciates, by {@link assetDepreciationPolicy}: what is missing, what is wrong,
 * or the depreciation input with where its method and life came from.
 *
 * @public
 */
export type AssetDepreciationPolicy =
  | { kind: 'missing'; missing: DepreciationField[] }
  | { kind: 'invalid'; problems: { field: DepreciationField; message: string }[] }
  | {
      kind: 'ready';
      /** Amounts rounded to whole minor units of the currency, as depreciation needs them. */
      input: DepreciationInput & { currency: string };
      /** The purchase date: depreciation starts when the asset is bought. */
      inServiceDate: string;
      lifeMonths: number;
      /** Whether the method and the useful life came from the asset's attributes or the defaults. */
      methodFromAttribute: boolean;
      lifeFromAttribute: boolean;
    };

/** An attribute as a number: imports (CSV) store numbers as text. */
function numberAttribute(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return undefined;
}

/**
 * Whole calendar months from day `from` to day `to` (a month ends on the same day of the month,
 * clamped to a shorter month's end, as the schedule counts); 0 when `to` is not later.
 *
 * @public
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [a, b] = [parseIsoDay(from), parseIsoDay(to)];
  if (a === undefined || b === undefined || b <= a) return 0;
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  let months = (toYear - fromYear) * 12 + toMonth - fromMonth;
  while (months > 0 && addMonthsToDay(a, months) > b) months--;
  return months;
}

/**
 * The depreciation policy of an asset: its purchase cost, currency and date (the in-service
 * date), a useful life from the `usefulLifeYears` attribute or else the span from purchase to end
 * of life, the method from the `depreciationMethod` attribute or else straight-line, salvage from
 * `salvageValue` or else 0, and the declining-balance factor from `decliningBalanceFactor`. The
 * Backstage asset page, the entity views and the backend depreciate an asset by it alike.
 *
 * @public
 */
export function assetDepreciationPolicy(asset: Pick<Asset, 'purchase' | 'endOfLife' | 'attributes'>): AssetDepreciationPolicy {
  const { purchase, endOfLife } = asset;
  const attributes = asset.attributes ?? {};
  const lifeYearsAttribute = attributes[DEPRECIATION_ATTRIBUTES.usefulLifeYears];
  const missing: DepreciationField[] = [];
  if (purchase?.cost === undefined || purchase.currency === undefined) missing.push('purchase.cost');
  if (purchase?.date === undefined) missing.push('purchase.date');
  if (lifeYearsAttribute === undefined && endOfLife === undefined) missing.push('usefulLife');
  if (missing.length > 0 || !purchase?.date || purchase.cost === undefined || !purchase.currency) {
    return { kind: 'missing', missing };
  }
  const { currency, date: inServiceDate } = purchase;

  const problems: { field: DepreciationField; message: string }[] = [];
  const methodAttribute = attributes[DEPRECIATION_ATTRIBUTES.method];
  let method = DEFAULT_DEPRECIATION_METHOD;
  if (methodAttribute !== undefined && methodAttribute !== null) {
    if ((DEPRECIATION_METHODS as readonly unknown[]).includes(methodAttribute)) {
      method = methodAttribute as DepreciationMethod;
    } else {
      problems.push({
        field: 'method',
        message: `The ${DEPRECIATION_ATTRIBUTES.method} attribute is "${String(methodAttribute)}"; use one of ${DEPRECIATION_METHODS.join(', ')}.`,
      });
    }
  }

  let lifeMonths: number;
  if (lifeYearsAttribute !== undefined) {
    const years = numberAttribute(lifeYearsAttribute);
    if (years === undefined || !Number.isInteger(years) || years < 1) {
      problems.push({
        field: 'usefulLife',
        message: `The ${DEPRECIATION_ATTRIBUTES.usefulLifeYears} attribute is "${String(lifeYearsAttribute)}"; use a whole number of years, at least 1.`,
      });
    }
    lifeMonths = (years ?? 0) * 12;
  } else {
    lifeMonths = wholeMonthsBetween(inServiceDate, endOfLife!);
    if (lifeMonths < 1) {
      problems.push({
        field: 'usefulLife',
        message: `The end of life (${endOfLife}) must be at least a month after the purchase date (${inServiceDate}).`,
      });
    }
  }

  const salvageAttribute = attributes[DEPRECIATION_ATTRIBUTES.salvage];
  const salvage = numberAttribute(salvageAttribute) ?? 0;
  if (salvageAttribute !== undefined && salvageAttribute !== null && !Number.isFinite(salvage)) {
    problems.push({ field: 'salvage', message: `The ${DEPRECIATION_ATTRIBUTES.salvage} attribute is "${String(salvageAttribute)}"; use an amount.` });
  }
  const factor = numberAttribute(attributes[DEPRECIATION_ATTRIBUTES.factor]);
  if (problems.length > 0) return { kind: 'invalid', problems };

  // Purchase costs may carry four decimals; depreciation is exact in minor units (cents).
  const scale = 10 ** minorUnitDigits(currency);
  return {
    kind: 'ready',
    input: {
      method,
      cost: Math.round(purchase.cost * scale) / scale,
      salvage: Math.round(salvage * scale) / scale,
      ...(lifeMonths % 12 === 0 ? { life: lifeMonths / 12, periodUnit: 'year' as const } : { life: lifeMonths, periodUnit: 'month' as const }),
      ...(method === 'declining-balance' && factor !== undefined ? { factor } : {}),
      currency,
    },
    inServiceDate,
    lifeMonths,
    methodFromAttribute: methodAttribute === method,
    lifeFromAttribute: lifeYearsAttribute !== undefined,
  };
}
