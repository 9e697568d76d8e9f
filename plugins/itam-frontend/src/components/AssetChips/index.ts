export {
  AssetDateChips,
  CriticalityChip,
  EndOfLifeChip,
  LifecycleStageChip,
  StatusChip,
  WarrantyChip,
} from './AssetChips';
