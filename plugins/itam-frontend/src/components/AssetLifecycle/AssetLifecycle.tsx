import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import {
  LIFECYCLE_STAGES,
  SANITISATION_METHODS,
  sanitisationSchema,
  validate,
  type Asset,
  type LifecycleRuleId,
  type RuleViolation,
  type SanitisationRecord,
  type TransitionOption,
} from '@itam/common';
import { itamApiRef } from '../../api';
import { useTransitionOptions } from '../../hooks';
import { isConflict, ruleViolationsOf } from '../../utils/errors';
import { LIFECYCLE_STAGE_LABELS } from '../../utils/labels';
import { issuesByPath, SelectInput, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';

/** The seven ITIL stages with the asset's current one highlighted (`aria-current="step"`). */
export function LifecycleStepper(props: { stage: Asset['lifecycleStage'] }) {
  const active = LIFECYCLE_STAGES.indexOf(props.stage);
  return (
    <Stepper activeStep={active} nonLinear alternativeLabel aria-label="Lifecycle stages">
      {LIFECYCLE_STAGES.map((stage, index) => (
        <Step
          key={stage}
          completed={false}
          aria-current={index === active ? 'step' : undefined}
          data-stage={stage}
        >
          <StepLabel>{LIFECYCLE_STAGE_LABELS[stage]}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

// Rules the user can satisfy in this panel: by giving a reason, or by recording the sanitisation.
const REASON_RULE: LifecycleRuleId = 'reason-required';
const SANITISATION_RULE: LifecycleRuleId = 'dispose-requires-sanitisation';

type SanitisationDraft = Record<keyof SanitisationRecord, string>;
const EMPTY_SANITISATION: SanitisationDraft = {
  date: '',
  method: '',
  performedBy: '',
  certificateRef: '',
};

function toSanitisationInput(draft: SanitisationDraft) {
  const entries = Object.entries(draft).filter(([, v]) => v.trim() !== '');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

type Outcome =
  | { kind: 'refused'; to: Asset['lifecycleStage']; violations: RuleViolation[] }
  | { kind: 'conflict' }
  | { kind: 'failed'; error: Error };

/**
 * The asset's lifecycle: the stepper, and, for users who may change the asset, the stages it can
 * move to now as buttons. A stage a rule blocks shows the rule's message under its button; a
 * reason (needed to retire, dispose of or reinstate) and a sanitisation record (needed to
 * dispose of media that held confidential or restricted data) can be given here. When the
 * backend refuses a move, its rule messages are shown.
 */
export function AssetLifecycle(props: {
  asset: Asset;
  canUpdate: boolean;
  onChanged: () => void;
}) {
  const { asset, canUpdate, onChanged } = props;
  const api = useApi(itamApiRef);
  const { options, loading, error, retry } = useTransitionOptions(asset.id, asset.version);
  const [reason, setReason] = useState('');
  const [sanitisation, setSanitisation] = useState<SanitisationDraft>(EMPTY_SANITISATION);
  const [sanitisationErrors, setSanitisationErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  const sanitisationInput = toSanitisationInput(sanitisation);
  const needsSanitisation = options?.some(o =>
    o.violations.some(v => v.ruleId === SANITISATION_RULE),
  );

  /** The violations that still block `option` given what the user has filled in. */
  const blocking = (option: TransitionOption) =>
    option.violations.filter(
      v =>
        !(v.ruleId === REASON_RULE && reason.trim()) &&
        !(v.ruleId === SANITISATION_RULE && sanitisationInput && option.to === 'disposed'),
    );

  const move = async (to: Asset['lifecycleStage']) => {
    setOutcome(undefined);
    let record: SanitisationRecord | undefined;
    if (to === 'disposed' && sanitisationInput) {
      const checked = validate(sanitisationSchema, sanitisationInput);
      if (!checked.ok) {
        setSanitisationErrors(issuesByPath(checked.issues));
        return;
      }
      record = checked.value;
    }
    setSanitisationErrors({});
    setBusy(to);
    try {
      await api.transitionAsset(asset.id, asset.version, {
        to,
        reason: reason.trim() || undefined,
        sanitisation: record,
      });
      setReason('');
      setSanitisation(EMPTY_SANITISATION);
      onChanged();
    } catch (e) {
      const violations = ruleViolationsOf(e);
      if (violations) setOutcome({ kind: 'refused', to, violations });
      else if (isConflict(e)) setOutcome({ kind: 'conflict' });
      else setOutcome({ kind: 'failed', error: e as Error });
    } finally {
      setBusy(undefined);
    }
  };

  const setSanitisationField = (key: keyof SanitisationRecord, value: string) => {
    setSanitisation(s => ({ ...s, [key]: value }));
    setSanitisationErrors(({ [key]: _, ...rest }) => rest);
  };
  const sanitisationField = (key: keyof SanitisationRecord, label: string, placeholder?: string) => (
    <TextInput
      name={`sanitisation.${key}`}
      label={label}
      placeholder={placeholder}
      value={sanitisation[key]}
      onChange={value => setSanitisationField(key, value)}
      error={sanitisationErrors[key]}
    />
  );

  let actions;
  if (loading && !options) {
    actions = <Progress />;
  } else if (error) {
    actions = (
      <ItamErrorPanel error={error} title="Could not load the possible moves" onRetry={retry} />
    );
  } else if (!options || options.length === 0) {
    actions = <Text color="secondary">The asset is disposed: disposal is final, it does not move again.</Text>;
  } else if (!canUpdate) {
    actions = (
      <Text color="secondary">
        It can move to {options.map(o => LIFECYCLE_STAGE_LABELS[o.to]).join(', ')}. You may not
        change this asset.
      </Text>
    );
  } else {
    actions = (
      <Flex direction="column" gap="3">
        <TextAreaField
          label="Reason"
          description="Recorded in the history. Needed to retire, dispose of or reinstate an asset."
          value={reason}
          onChange={setReason}
          rows={2}
        />
        {needsSanitisation && (
          <Flex direction="column" gap="2" role="group" aria-label="Sanitisation record">
            <Text weight="bold">Sanitisation record (needed to dispose of this asset)</Text>
            <Flex gap="2" align="start">
              {sanitisationField('date', 'Sanitised on', 'YYYY-MM-DD')}
              <SelectInput
                name="sanitisation.method"
                label="Method"
                options={SANITISATION_METHODS.map(m => ({ id: m, label: m }))}
                value={sanitisation.method || null}
                onChange={value => setSanitisationField('method', value ?? '')}
                error={sanitisationErrors.method}
              />
              {sanitisationField('performedBy', 'Performed by')}
              {sanitisationField('certificateRef', 'Certificate')}
            </Flex>
          </Flex>
        )}
        <Flex direction="column" gap="2" role="list" aria-label="Possible moves">
          {options.map(option => {
            const blockers = blocking(option);
            return (
              <Flex key={option.to} direction="column" gap="1" role="listitem">
                <Flex gap="2" align="center">
                  <Button
                    variant={blockers.length === 0 ? 'primary' : 'secondary'}
                    size="small"
                    isDisabled={blockers.length > 0 || busy !== undefined}
                    isPending={busy === option.to}
                    onPress={() => move(option.to)}
                  >
                    Move to {LIFECYCLE_STAGE_LABELS[option.to]}
                  </Button>
                </Flex>
                {blockers.map(v => (
                  <Text key={v.ruleId + v.message} color="warning" variant="body-small">
                    {v.message}
                  </Text>
                ))}
              </Flex>
            );
          })}
        </Flex>
      </Flex>
    );
  }

  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small">
          Lifecycle
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <LifecycleStepper stage={asset.lifecycleStage} />
          {outcome?.kind === 'refused' && (
            <Alert
              status="danger"
              icon
              title={`Moving the asset to ${LIFECYCLE_STAGE_LABELS[outcome.to]} was refused`}
              description={
                <ul aria-label="Reasons for the refusal">
                  {outcome.violations.map(v => (
                    <li key={v.ruleId + v.message}>{v.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          {outcome?.kind === 'conflict' && (
            <Alert
              status="warning"
              icon
              title="Someone else changed this asset since you opened it"
              description="Nothing was changed. Reload the asset to see its current state, then try again."
              customActions={
                <Button size="small" variant="secondary" onPress={onChanged}>
                  Reload the asset
                </Button>
              }
            />
          )}
          {outcome?.kind === 'failed' && (
            <ItamErrorPanel error={outcome.error} title="Could not move the asset" />
          )}
          {actions}
        </Flex>
      </CardBody>
    </Card>
  );
}
