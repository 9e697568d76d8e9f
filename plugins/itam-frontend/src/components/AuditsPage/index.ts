export { AuditsPage } from './AuditsPage';
export { AuditCampaignPage } from './AuditCampaignPage';
export { AuditsRouter } from './AuditsRouter';
