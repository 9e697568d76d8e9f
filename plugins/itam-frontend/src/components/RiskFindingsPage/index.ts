export { RiskFindingsPage } from './RiskFindingsPage';
export { RiskSeverityChip } from './RiskSeverityChip';
