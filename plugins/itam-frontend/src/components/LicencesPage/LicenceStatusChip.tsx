import type { LicenceStatus } from '@itam/common';
import { LICENCE_STATUS_DISPLAY } from '../../utils/licences';
import { StatusChip } from '../AssetChips';

/** A product's licence status as a chip: under-licensed is a problem, incomplete evidence a warning. */
export function LicenceStatusChip(props: { status: LicenceStatus }) {
  return <StatusChip {...LICENCE_STATUS_DISPLAY[props.status]} />;
}
