import type { RiskSeverity } from '@itam/common';
import { RISK_SEVERITY_DISPLAY } from '../../utils/risks';
import { StatusChip } from '../AssetChips';

/** A risk finding's severity as a chip: critical and high are problems, medium a warning. */
export function RiskSeverityChip(props: { severity: RiskSeverity }) {
  return <StatusChip {...RISK_SEVERITY_DISPLAY[props.severity]} />;
}
