/**
 * ITAM domain core: the asset register model, lifecycle rules, history, permissions and the typed
 * API client. Pure TypeScript with no I/O, shared by the Backstage plugins and the Forge app.
 *
 * @packageDocumentation
 */

export * from './errors';
export * from './validation';
export * from './text/safeText';
export * from './text/compareText';
export * from './constants';
export * from './csv/formulaCells';
export * from './permissions';
export * from './entity/entityRef';
export * from './asset/constants';
export * from './asset/schema';
export * from './asset/types';
export * from './asset/fields';
export * from './asset/operations';
export * from './links/schema';
export * from './links/jira';
export * from './lifecycle/transitions';
export * from './lifecycle/rules';
export * from './lifecycle/stageRequirements';
export * from './lifecycle/transition';
export * from './lifecycle/dateStatus';
export * from './lifecycle/assetHealth';
export * from './history/events';
export * from './history/diff';
export * from './history/replay';
export * from './client/types';
export * from './client/ItamClient';
export * from './client/ItamJiraClient';
export * from './audit';
export * from './imports';
export * from './finance';
export * from './kpi';
export * from './risk';
export * from './impact';
export * from './licence';
