import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Flex, Radio, RadioGroup } from '@backstage/ui';
import {
  auditObservationSchema,
  validate,
  type AuditCampaignWithResult,
  type ValidationIssue,
} from '@itam/common';
import { itamApiRef } from '../../api';
import { statusOf, validationIssuesOf } from '../../utils/errors';
import { issuesByPath, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';

type Result = 'seen' | 'not-found';

interface ObservationDraft {
  assetTag: string;
  serialNumber: string;
  result: Result;
  location: string;
  note: string;
}

const EMPTY: ObservationDraft = { assetTag: '', serialNumber: '', result: 'seen', location: '', note: '' };
const FIELDS = ['assetTag', 'serialNumber', 'result', 'location', 'note'];

/** The form field of an issue; the backend names them inside the list it takes (`observations.0.assetTag`). */
function fieldOf(path: string): string | undefined {
  const own = path.replace(/^observations\.\d+\./, '');
  return FIELDS.includes(own) ? own : undefined;
}

/** The observation as the schema takes it: empty fields are left out. */
function toInput(draft: ObservationDraft): Record<string, unknown> {
  const input: Record<string, unknown> = { result: draft.result };
  for (const key of ['assetTag', 'serialNumber', 'location'] as const) {
    if (draft[key].trim()) input[key] = draft[key].trim();
  }
  if (draft.note.trim()) input.note = draft.note;
  return input;
}

type Problem = { kind: 'refused'; message: string } | { kind: 'failed'; error: Error } | { kind: 'recorded'; what: string };

/**
 * Records what an auditor saw for one asset, named by tag or serial number: seen (where) or
 * looked for and not found, with a note. Checked with `auditObservationSchema` before sending;
 * the campaign's new findings come back with the answer.
 */
export function ObservationForm(props: {
  auditId: string;
  onRecorded: (campaign: AuditCampaignWithResult) => void;
}) {
  const api = useApi(itamApiRef);
  const [draft, setDraft] = useState<ObservationDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);

  const set = (key: keyof ObservationDraft, value: string) => {
    setDraft(d => ({ ...d, [key]: value }));
    // Naming the asset by either field answers an issue about the other.
    setErrors(({ [key]: _, ...rest }) =>
      key === 'assetTag' || key === 'serialNumber' ? omitAsset(rest) : rest,
    );
  };

  const showIssues = (issues: ValidationIssue[]) => {
    setErrors(
      issuesByPath(
        issues.flatMap(i => {
          const field = fieldOf(i.path);
          return field ? [{ path: field, message: i.message }] : [];
        }),
      ),
    );
    const others = issues.filter(i => !fieldOf(i.path));
    if (others.length > 0) setProblem({ kind: 'refused', message: others.map(i => i.message).join('; ') });
  };

  const submit = async () => {
    setProblem(undefined);
    const checked = validate(auditObservationSchema, toInput(draft));
    if (!checked.ok) {
      showIssues(checked.issues);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const campaign = await api.addAuditObservations(props.auditId, [checked.value]);
      const { assetTag, serialNumber, result, location } = checked.value;
      const what = `${assetTag ?? serialNumber} ${result === 'seen' ? `seen${location ? ` at ${location}` : ''}` : 'not found'}`;
      setDraft(EMPTY);
      setProblem({ kind: 'recorded', what });
      props.onRecorded(campaign);
    } catch (e) {
      const issues = validationIssuesOf(e);
      if (issues) showIssues(issues);
      else if ([400, 404, 409, 422].includes(statusOf(e) ?? 0)) {
        setProblem({ kind: 'refused', message: (e as Error).message });
      } else setProblem({ kind: 'failed', error: e as Error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      aria-label="Record an observation"
      noValidate
      onSubmit={e => {
        e.preventDefault();
        submit();
      }}
    >
      <Flex direction="column" gap="3">
        <Flex gap="3" align="start">
          <TextInput
            name="assetTag"
            label="Asset tag"
            placeholder="LAP-00042"
            value={draft.assetTag}
            onChange={v => set('assetTag', v)}
            error={errors.assetTag}
          />
          <TextInput
            name="serialNumber"
            label="Serial number"
            description="When the tag is missing or unreadable."
            value={draft.serialNumber}
            onChange={v => set('serialNumber', v)}
            error={errors.serialNumber}
          />
        </Flex>
        <RadioGroup
          label="Result"
          orientation="horizontal"
          value={draft.result}
          onChange={v => set('result', v)}
        >
          <Radio value="seen">Seen</Radio>
          <Radio value="not-found">Not found</Radio>
        </RadioGroup>
        <TextInput
          name="location"
          label="Location"
          description="Where it was seen, as the register names locations."
          value={draft.location}
          onChange={v => set('location', v)}
          error={errors.location}
        />
        <TextInput
          name="note"
          label="Note"
          multiline
          value={draft.note}
          onChange={v => set('note', v)}
          error={errors.note}
        />
        {problem?.kind === 'recorded' && <Alert status="success" icon title={`Recorded: ${problem.what}`} />}
        {problem?.kind === 'refused' && (
          <Alert status="danger" icon title={`The observation was not recorded: ${problem.message}`} />
        )}
        {problem?.kind === 'failed' && (
          <ItamErrorPanel error={problem.error} title="Could not record the observation" />
        )}
        <Flex>
          <Button type="submit" variant="primary" isPending={saving}>
            Record observation
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

function omitAsset(errors: Record<string, string>): Record<string, string> {
  const { assetTag: _, serialNumber: __, ...rest } = errors;
  return rest;
}
