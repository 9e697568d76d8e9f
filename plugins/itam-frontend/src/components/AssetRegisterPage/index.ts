export { AssetRegisterPage } from './AssetRegisterPage';
