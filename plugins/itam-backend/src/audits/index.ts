export type { AuditCampaign, AuditStore } from './AuditStore';
export { KnexAuditStore } from './KnexAuditStore';
