export { ItamPage } from './ItamPage';
