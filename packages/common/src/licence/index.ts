/**
 * Effective licence position (ELP): input schemas, vendor counting rules with their tables, and
 * the reconciliation of rights owned against rights required. Pure functions, no I/O.
 *
 * @packageDocumentation
 */

export * from './metrics';
export {
  concurrentUsagePeakSchema,
  deviceFactsSchema,
  entitlementSchema,
  installationSchema,
  licenceInputSchema,
  reconciliationOptionsSchema,
  softwareProductSchema,
  usageDateSchema,
  userAssignmentSchema,
} from './schema';
export type * from './types';
export type * from './resultTypes';
export { DEMAND_RULES, EXPLANATION_CODES, LICENCE_STATUSES } from './resultTypes';
export { parseLicenceInput, parseReconciliationOptions } from './parseInput';
export { checkDeviceIntegrity, checkLicenceInputIntegrity, MAX_REPORTED_ISSUES } from './integrity';
export { compareVersions } from './versions';
export { termStatus, type TermStatus } from './terms';
export { deviceDemand, ProcessorRatings, type Demand, type LicensedDevice } from './demand';
export { sumTrueUps } from './trueUp';
export {
  allocateSeat,
  allocationCapacity,
  checkAllocationCapacity,
  releaseSeat,
  type AllocationConsumer,
} from './allocation';
export {
  ASSET_LICENCE_SEVERITY,
  ASSET_LICENCE_STATUSES,
  ASSET_LIST_LICENCES_INCLUDE,
  assetLicenceStatus,
  assetLicencesOf,
  installedProductLicences,
  installedProductPositions,
  type AssetLicences,
  type AssetLicenceStatus,
  type AssetLicenceSummary,
  type InstalledProductLicence,
  type ManagedLicenceStatus,
} from './assetLicences';
export { productDisplayName, productFullName } from './productNames';
export { reconcileLicences, reconcileLicencesOnDevices } from './reconcile';
export { LicenceDeviceIndex } from './deviceIndex';
export { familyKeyOf } from './rights';
export { listedPosition, type ListedProductPosition } from './listedPosition';
export { positionTotals, summarizeLicencePositions, summarizeLicenceTotals, type LicencePositionTotals } from './summary';
export {
  devicesOfPart,
  estateCurrencyOf,
  LicenceReportAssembler,
  licenceInputPart,
  planLicenceParts,
  reconcileLicencesInParts,
  type LicenceReconciliationPart,
} from './reconcileParts';
export {
  compileRecognition,
  recognitionRuleSchema,
  type DiscoveredSoftware,
  type RecognisableProduct,
  type RecognitionRule,
} from './recognition';
export type { ProcessorIdentity } from './vendor/processorMatch';
export * from './vendor/windowsServer';
export * from './vendor/sqlServer';
export {
  lookupOracleCoreFactor,
  oracleAuthorisedCloudProcessorLicences,
  oracleProcessorLicences,
  ORACLE_CORE_FACTOR_TABLE,
  ORACLE_DEFAULT_CORE_FACTOR,
  ORACLE_SINGLE_CORE_FACTOR,
  type OracleCoreFactorEntry,
  type OracleCoreFactorMatch,
} from './vendor/oracleCoreFactor';
export * from './vendor/ibmPvu';
export type * from './stored';
