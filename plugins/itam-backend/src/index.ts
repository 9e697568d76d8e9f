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
export { itamForgeTokenHandler, forgeInvocationTokenHandler } from './jira/forgeTokenHandler';
export { ServiceAccess, JIRA_PERMISSION_CEILING, type JiraCaller } from './service/serviceAccess';
export type { JiraLinkStore, JiraIssueRef } from './jira/JiraLinkStore';
export { KnexJiraLinkStore } from './jira/KnexJiraLinkStore';
