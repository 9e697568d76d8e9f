export { ImportsPage } from './ImportsPage';
export { ImportJobResult } from './ImportJobResult';
