export { EntityAssetsContent } from './EntityAssetsContent';
