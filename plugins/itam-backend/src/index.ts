/**
 * Backstage backend plugin for IT Asset Management: the asset register as the system of record,
 * served under `/api/itam`.
 *
 * Add it with `backend.add(import('@itam/backstage-plugin-itam-backend'))`; add
 * `catalogModuleItamAssets` to publish register assets as catalogue `Resource` entities, and
 * `itamForgeTokenHandler` to accept calls from the Jira app through Forge Remote.
 *
 * @packageDocumentation
 */

export { itamPlugin as default, itamPlugin } from './plugin';
export { catalogModuleItamAssets } from './catalog/module';
export { itamExampleDataModule } from './exampleData/module';
export { itamForgeTokenHandler } from './jira/forgeTokenHandler';
export { migrateItamDatabase } from './database/KnexAssetStore';
export { rebuildEntityAssetItems } from './database/entityAssetItems';
export {
  itamAssetResourceRef,
  itamAssetConditions,
  createItamAssetConditionalDecision,
  itamAssetPermissionRules,
  type AssetCriterion,
} from './permissions/rules';
