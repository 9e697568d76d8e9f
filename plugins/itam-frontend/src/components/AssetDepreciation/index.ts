export { AssetDepreciation } from './AssetDepreciation';
