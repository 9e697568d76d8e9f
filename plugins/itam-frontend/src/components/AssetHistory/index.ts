export { AssetHistory } from './AssetHistory';
