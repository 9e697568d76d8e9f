/**
 * Money: depreciation (straight-line, declining balance, sum-of-years' digits — equal to the
 * spreadsheet SLN, DDB and SYD to the cent), book value at a date, and total cost of ownership per
 * asset and per catalogue entity. Pure functions; amounts are exact in minor units.
 *
 * @packageDocumentation
 */

export {
  DEPRECIATION_METHODS,
  DEPRECIATION_PERIOD_UNITS,
  MAX_DEPRECIATION_PERIODS,
  DEFAULT_DECLINING_BALANCE_FACTOR,
  depreciationInputSchema,
  parseDepreciationInput,
  type DepreciationMethod,
  type DepreciationPeriodUnit,
  type DepreciationInput,
  type ValidDepreciationInput,
} from './depreciationInput';
export { depreciationForPeriod } from './periodDepreciation';
export {
  assetDepreciationPolicy,
  DEFAULT_DEPRECIATION_METHOD,
  DEPRECIATION_ATTRIBUTES,
  wholeMonthsBetween,
  type AssetDepreciationPolicy,
  type DepreciationField,
} from './depreciationPolicy';
export {
  depreciationSchedule,
  type DepreciationFrequency,
  type DepreciationSchedule,
  type DepreciationScheduleOptions,
  type DepreciationScheduleRow,
} from './depreciationSchedule';
export {
  bookValueAt,
  type BookValueAtDate,
  type BookValueOptions,
  type DepreciationStatus,
} from './bookValue';
export { sln, ddb, syd } from './spreadsheet';
export { minorUnitDigits, sumMoney } from './currency';
export { allocateEvenly } from './allocateEvenly';
export { dateWindowSchema, type DateWindow } from './dateWindow';
export { parseIsoDay, formatIsoDay, instantToDay } from './calendar';
export {
  COST_CATEGORIES,
  costItemSchema,
  assetCostsSchema,
  costItemsFromAsset,
  type CostCategory,
  type CostItem,
  type CostItemInput,
  type AssetCosts,
  type AssetCostsInput,
} from './costItem';
export { assetTco, type AssetTco, type AssetTcoOptions } from './assetTco';
export {
  rollUpTcoByEntity,
  type AssetEntityLink,
  type EntityTco,
  type EntityTcoContribution,
  type TcoAllocation,
  type TcoRollUp,
  type TcoRollUpOptions,
} from './tcoRollUp';
export type { Rational } from './rational';
