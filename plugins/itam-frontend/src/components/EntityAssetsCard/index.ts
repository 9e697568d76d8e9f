export { EntityAssetsCard } from './EntityAssetsCard';
