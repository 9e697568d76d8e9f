export { AssetForm } from './AssetForm';
