export { ItamErrorPanel } from './ItamErrorPanel';
