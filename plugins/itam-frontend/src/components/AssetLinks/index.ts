export { AssetLinks } from './AssetLinks';
