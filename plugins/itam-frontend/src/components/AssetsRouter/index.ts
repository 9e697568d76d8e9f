export { AssetsRouter } from './AssetsRouter';
