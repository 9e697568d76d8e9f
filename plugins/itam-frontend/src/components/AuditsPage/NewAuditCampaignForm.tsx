import { useId, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Checkbox, CheckboxGroup, Flex, Text } from '@backstage/ui';
import {
  ASSET_CLASSES,
  LIFECYCLE_STAGES,
  newAuditCampaignSchema,
  ownerRefSchema,
  validate,
  type AuditCampaign,
  type ValidationIssue,
} from '@itam/common';
import { itamApiRef } from '../../api';
import { statusOf, validationIssuesOf } from '../../utils/errors';
import { ASSET_CLASS_LABELS, LIFECYCLE_STAGE_LABELS } from '../../utils/labels';
import { issuesByPath, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';

/** What the form holds. */
interface CampaignDraft {
  name: string;
  dueDate: string;
  assetClasses: string[];
  lifecycleStages: string[];
  /** Comma-separated. */
  locations: string;
  /** Comma-separated entity refs. */
  owners: string;
}

const EMPTY: CampaignDraft = {
  name: '',
  dueDate: '',
  assetClasses: [],
  lifecycleStages: [],
  locations: '',
  owners: '',
};

const FIELDS = ['name', 'dueDate', 'scope.assetClasses', 'scope.lifecycleStages', 'scope.locations', 'scope.owners'];

/** The form field an issue belongs to: `scope.locations.2` is the locations field. */
function fieldOf(path: string): string | undefined {
  return FIELDS.find(f => path === f || path.startsWith(`${f}.`));
}

const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(Boolean);

/**
 * The input the schema checks. Owners are also read as catalogue refs, so `group:sre` becomes
 * `group:default/sre` as the register stores it (otherwise the scope would match no asset).
 */
function toInput(draft: CampaignDraft): { input: Record<string, unknown>; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const owners: string[] = [];
  for (const owner of splitList(draft.owners)) {
    const checked = validate(ownerRefSchema, owner);
    if (checked.ok) owners.push(checked.value);
    else issues.push({ path: 'scope.owners', message: `"${owner}" ${checked.issues[0]?.message ?? 'is not an entity ref'}` });
  }
  const scope: Record<string, string[]> = {};
  if (draft.assetClasses.length > 0) scope.assetClasses = draft.assetClasses;
  if (draft.lifecycleStages.length > 0) scope.lifecycleStages = draft.lifecycleStages;
  const locations = splitList(draft.locations);
  if (locations.length > 0) scope.locations = locations;
  if (owners.length > 0) scope.owners = owners;
  const input: Record<string, unknown> = { name: draft.name, scope };
  if (draft.dueDate.trim()) input.dueDate = draft.dueDate.trim();
  return { input, issues };
}

type Problem = { kind: 'refused'; message: string } | { kind: 'failed'; error: Error } | { kind: 'issues'; issues: ValidationIssue[] };

function ChoiceGroup(props: {
  label: string;
  description: string;
  options: { id: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const errorId = useId();
  return (
    <Flex direction="column" gap="1">
      <CheckboxGroup
        label={props.label}
        description={props.description}
        orientation="horizontal"
        value={props.value}
        onChange={props.onChange}
        isInvalid={props.error !== undefined}
        aria-describedby={props.error !== undefined ? errorId : undefined}
      >
        {props.options.map(o => (
          <Checkbox key={o.id} value={o.id}>
            {o.label}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {props.error !== undefined && (
        <Text id={errorId} color="danger" variant="body-small">
          {props.error}
        </Text>
      )}
    </Flex>
  );
}

/**
 * The form that starts an audit campaign: a name, an optional due date and the scope (asset
 * classes, lifecycle stages, locations, owners; what is left empty is not restricted). Checked
 * with `newAuditCampaignSchema` before sending, each issue shown next to its field.
 */
export function NewAuditCampaignForm(props: {
  onCreated: (campaign: AuditCampaign) => void;
  onCancel: () => void;
}) {
  const api = useApi(itamApiRef);
  const [draft, setDraft] = useState<CampaignDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof CampaignDraft>(key: K, path: string, value: CampaignDraft[K]) => {
    setDraft(d => ({ ...d, [key]: value }));
    setErrors(({ [path]: _, ...rest }) => rest);
  };

  const showIssues = (issues: ValidationIssue[]) => {
    const onFields = issues.flatMap(i => {
      const field = fieldOf(i.path);
      return field ? [{ path: field, message: i.message }] : [];
    });
    setErrors(issuesByPath(onFields));
    const others = issues.filter(i => !fieldOf(i.path));
    setProblem(others.length > 0 ? { kind: 'issues', issues: others } : undefined);
  };

  const submit = async () => {
    setProblem(undefined);
    const { input, issues } = toInput(draft);
    const checked = validate(newAuditCampaignSchema, input);
    const all = [...issues, ...(checked.ok ? [] : checked.issues)];
    if (!checked.ok || all.length > 0) {
      showIssues(all);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const campaign = await api.createAudit(checked.value);
      setSaving(false);
      props.onCreated(campaign);
    } catch (e) {
      setSaving(false);
      const backendIssues = validationIssuesOf(e);
      if (backendIssues) showIssues(backendIssues);
      else if (statusOf(e) === 400 || statusOf(e) === 422 || statusOf(e) === 409) {
        setProblem({ kind: 'refused', message: (e as Error).message });
      } else setProblem({ kind: 'failed', error: e as Error });
    }
  };

  return (
    <form
      aria-label="New audit campaign"
      noValidate
      onSubmit={e => {
        e.preventDefault();
        submit();
      }}
    >
      <Flex direction="column" gap="3">
        <TextInput
          name="name"
          label="Name"
          isRequired
          placeholder="Berlin office laptops, Q2"
          value={draft.name}
          onChange={v => set('name', 'name', v)}
          error={errors.name}
        />
        <TextInput
          name="dueDate"
          label="Due date"
          placeholder="YYYY-MM-DD"
          value={draft.dueDate}
          onChange={v => set('dueDate', 'dueDate', v)}
          error={errors.dueDate}
        />
        <ChoiceGroup
          label="Asset classes"
          description="None ticked: every class."
          options={ASSET_CLASSES.map(c => ({ id: c, label: ASSET_CLASS_LABELS[c] }))}
          value={draft.assetClasses}
          onChange={v => set('assetClasses', 'scope.assetClasses', v)}
          error={errors['scope.assetClasses']}
        />
        <ChoiceGroup
          label="Lifecycle stages"
          description="None ticked: every stage (disposed assets are never audited)."
          options={LIFECYCLE_STAGES.filter(s => s !== 'disposed').map(s => ({ id: s, label: LIFECYCLE_STAGE_LABELS[s] }))}
          value={draft.lifecycleStages}
          onChange={v => set('lifecycleStages', 'scope.lifecycleStages', v)}
          error={errors['scope.lifecycleStages']}
        />
        <TextInput
          name="scope.locations"
          label="Locations"
          description="Comma-separated, as the register names them. Empty: every location."
          placeholder="Berlin, Munich"
          value={draft.locations}
          onChange={v => set('locations', 'scope.locations', v)}
          error={errors['scope.locations']}
        />
        <TextInput
          name="scope.owners"
          label="Owners"
          description="Comma-separated users or groups of the catalogue. Empty: every owner."
          placeholder="group:default/sre"
          value={draft.owners}
          onChange={v => set('owners', 'scope.owners', v)}
          error={errors['scope.owners']}
        />
        {problem?.kind === 'refused' && (
          <Alert status="danger" icon title={`The campaign was not created: ${problem.message}`} />
        )}
        {problem?.kind === 'issues' && (
          <Alert
            status="danger"
            icon
            title="The campaign was not created"
            description={
              <ul>
                {problem.issues.map(i => (
                  <li key={i.path + i.message}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {problem?.kind === 'failed' && (
          <ItamErrorPanel error={problem.error} title="Could not create the campaign" />
        )}
        <Flex gap="3">
          <Button type="submit" variant="primary" isPending={saving}>
            Start campaign
          </Button>
          <Button variant="secondary" onPress={props.onCancel}>
            Cancel
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
