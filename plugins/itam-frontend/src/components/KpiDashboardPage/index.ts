export { KpiDashboardPage } from './KpiDashboardPage';
