export { LicencesPage } from './LicencesPage';
export { LicencePositionPage } from './LicencePositionPage';
export { LicencesRouter } from './LicencesRouter';
export { LicenceStatusChip } from './LicenceStatusChip';
