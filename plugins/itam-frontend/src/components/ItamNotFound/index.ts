export { ItamNotFound } from './ItamNotFound';
