export { AssetLifecycle, LifecycleStepper } from './AssetLifecycle';
