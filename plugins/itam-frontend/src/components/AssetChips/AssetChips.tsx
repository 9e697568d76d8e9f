import { Badge, Flex } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { isCriticalTier, type Asset, type Criticality, type LifecycleStage } from '@itam/common';
import { useItamSettings } from '../../hooks/useItamSettings';
import { endOfLifeStatus, warrantyStatus, type StatusLevel } from '../../utils/assetStatus';
import { CRITICALITY_LABELS, LIFECYCLE_STAGE_LABELS } from '../../utils/labels';

const useStyles = makeStyles(theme => ({
  ok: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.main },
  error: { color: theme.palette.error.main },
  unknown: { color: theme.palette.text.secondary },
}));

const ICONS: Record<StatusLevel, typeof CheckCircleOutline> = {
  ok: CheckCircleOutline,
  warning: ReportProblemOutlined,
  error: ErrorOutline,
  unknown: HelpOutline,
};

const LEVEL_WORDS: Record<StatusLevel, string> = {
  ok: 'OK',
  warning: 'Warning',
  error: 'Problem',
  unknown: 'Unknown',
};

/** A status label with an icon whose colour and accessible name say how worrying it is. */
export function StatusChip(props: { level: StatusLevel; label: string }) {
  const classes = useStyles();
  const Icon = ICONS[props.level];
  return (
    <Badge
      data-status={props.level}
      icon={
        <Icon
          fontSize="inherit"
          className={classes[props.level]}
          titleAccess={LEVEL_WORDS[props.level]}
        />
      }
    >
      {props.label}
    </Badge>
  );
}

/** The lifecycle stage as a label. */
export function LifecycleStageChip(props: { stage: LifecycleStage }) {
  return <Badge data-stage={props.stage}>{LIFECYCLE_STAGE_LABELS[props.stage]}</Badge>;
}

/** The criticality tier; the configured critical tiers are flagged (tier 1 most). */
export function CriticalityChip(props: { criticality: Criticality }) {
  const { criticalTierMax } = useItamSettings();
  const level: StatusLevel = !isCriticalTier(props.criticality, criticalTierMax) ? 'ok' : props.criticality === 1 ? 'error' : 'warning';
  return <StatusChip level={level} label={CRITICALITY_LABELS[props.criticality]} />;
}

/** The warranty status on `today`. */
export function WarrantyChip(props: { asset: Pick<Asset, 'warrantyEnd'>; today: string }) {
  const { noticeWindows } = useItamSettings();
  return <StatusChip {...warrantyStatus(props.asset, props.today, noticeWindows)} />;
}

/** The end-of-life (and end-of-support) status on `today`. */
export function EndOfLifeChip(props: {
  asset: Pick<Asset, 'endOfLife' | 'endOfSupport'>;
  today: string;
}) {
  const { noticeWindows } = useItamSettings();
  return <StatusChip {...endOfLifeStatus(props.asset, props.today, noticeWindows)} />;
}

/** Warranty and end-of-life chips side by side. */
export function AssetDateChips(props: { asset: Asset; today: string }) {
  return (
    <Flex gap="2" align="center">
      <WarrantyChip asset={props.asset} today={props.today} />
      <EndOfLifeChip asset={props.asset} today={props.today} />
    </Flex>
  );
}
