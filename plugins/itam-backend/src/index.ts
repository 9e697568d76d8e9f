/**
 * Backstage backend plugin for IT Asset Management.
 *
 * @packageDocumentation
 */

export { itamPlugin as default, itamPlugin } from './plugin';
export * from './database';
export { createRouter, type RouterOptions } from './service/router';
export { itamOpenApiSpec } from './service/openapi';
export { itamExampleDataModule } from './exampleData/module';
export { seedExampleData } from './exampleData/seedExampleData';
export { catalogModuleItamAssets } from './catalog/module';
export { ItamAssetEntityProvider } from './catalog/ItamAssetEntityProvider';
export { assetToResource } from './catalog/assetToResource';
export * from './audits';
export {
  itamAssetResourceRef,
  itamAssetConditions,
  createItamAssetConditionalDecision,
  itamAssetPermissionRules,
  isAssetOwner,
  hasDataClassification,
  hasAssetClass,
  type AssetCriterion,
} from './permissions/rules';
