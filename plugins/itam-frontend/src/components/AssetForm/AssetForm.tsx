import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import {
  assetPatchSchema,
  newAssetSchema,
  validate,
  type Asset,
  type ValidationIssue,
} from '@itam/common';
import { itamApiRef } from '../../api';
import { useAsset, useItamRoutes } from '../../hooks';
import { isConflict, statusOf, validationIssuesOf } from '../../utils/errors';
import { issuesByPath, SelectInput, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';
import {
  FORM_SECTIONS,
  isFormField,
  toAssetPatch,
  toDraft,
  toNewAssetInput,
  type Draft,
} from './assetFormModel';

type Problem =
  | { kind: 'issues'; issues: ValidationIssue[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'unchanged' }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; error: Error };

/** A 422 naming a field, as the backend words an unknown catalogue entity: `owner: no catalogue entity ...`. */
function fieldIssueOf(error: unknown): ValidationIssue | undefined {
  if (statusOf(error) !== 422) return undefined;
  const match = /^([A-Za-z][\w.]*): (.+)$/.exec((error as Error).message);
  return match && isFormField(match[1]) ? { path: match[1], message: match[2] } : undefined;
}

function Form(props: { asset?: Asset; onReload?: () => void }) {
  const { asset, onReload } = props;
  const api = useApi(itamApiRef);
  const routes = useItamRoutes();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => toDraft(asset));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);
  const editing = asset !== undefined;

  const setField = (path: string, value: string) => {
    setDraft(d => ({ ...d, [path]: value }));
    setErrors(({ [path]: _, ...rest }) => rest);
  };

  const showIssues = (issues: ValidationIssue[]) => {
    setErrors(issuesByPath(issues.filter(i => isFormField(i.path))));
    const others = issues.filter(i => !isFormField(i.path));
    setProblem(others.length > 0 ? { kind: 'issues', issues: others } : undefined);
  };

  /** Sends a checked input; field issues go next to their fields, other failures above the form. */
  const save = async (send: () => Promise<Asset>) => {
    setErrors({});
    setSaving(true);
    try {
      const saved = await send();
      navigate(routes.asset?.(saved.id) ?? routes.register ?? '..');
    } catch (e) {
      const issues = validationIssuesOf(e);
      const fieldIssue = fieldIssueOf(e);
      if (issues) showIssues(issues);
      else if (fieldIssue) showIssues([fieldIssue]);
      else if (isConflict(e)) setProblem({ kind: 'conflict', message: (e as Error).message });
      else if (statusOf(e) === 422) setProblem({ kind: 'refused', message: (e as Error).message });
      else setProblem({ kind: 'failed', error: e as Error });
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    setProblem(undefined);
    if (editing) {
      const checked = validate(assetPatchSchema, toAssetPatch(draft, asset));
      if (!checked.ok) showIssues(checked.issues);
      else if (Object.keys(checked.value).length === 0) {
        setErrors({});
        setProblem({ kind: 'unchanged' });
      } else await save(() => api.updateAsset(asset.id, asset.version, checked.value));
    } else {
      const checked = validate(newAssetSchema, toNewAssetInput(draft));
      if (!checked.ok) showIssues(checked.issues);
      else await save(() => api.createAsset(checked.value));
    }
  };

  const cancelHref = editing ? routes.asset?.(asset.id) : routes.register;
  return (
    <Flex direction="column" gap="4">
      <Text as="h2" variant="title-medium">
        {editing ? `Edit ${asset.tag}` : 'Register an asset'}
      </Text>
      {problem?.kind === 'conflict' &&
        (editing ? (
          <Alert
            status="warning"
            icon
            title="Someone else changed this asset since you opened the form"
            description={`Nothing was saved: you were editing version ${asset.version}. Load the current version to see what changed, then make your edits again.`}
            customActions={
              onReload && (
                <Button size="small" variant="secondary" onPress={onReload}>
                  Load the current version
                </Button>
              )
            }
          />
        ) : (
          <Alert status="warning" icon title={`Not registered: ${problem.message}`} />
        ))}
      {problem?.kind === 'unchanged' && (
        <Alert status="info" icon title="Nothing to save: no field was changed." />
      )}
      {problem?.kind === 'refused' && (
        <Alert status="danger" icon title={`Refused: ${problem.message}`} />
      )}
      {problem?.kind === 'issues' && (
        <Alert
          status="danger"
          icon
          title="The asset could not be saved"
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
        <ItamErrorPanel error={problem.error} title="Could not save the asset" />
      )}
      <form
        aria-label={editing ? `Edit ${asset.tag}` : 'Register an asset'}
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <Flex direction="column" gap="4">
          {FORM_SECTIONS.map(section => (
            <Card key={section.title}>
              <CardHeader>
                <Text as="h3" variant="title-small">
                  {section.title}
                </Text>
              </CardHeader>
              <CardBody>
                <Flex direction="column" gap="3">
                  {section.fields
                    .filter(f => !(editing && f.createOnly))
                    .map(field =>
                      field.options ? (
                        <SelectInput
                          key={field.path}
                          name={field.path}
                          label={field.label}
                          description={field.description}
                          isRequired={field.required}
                          options={field.options}
                          value={draft[field.path] || null}
                          onChange={value => setField(field.path, value ?? '')}
                          error={errors[field.path]}
                        />
                      ) : (
                        <TextInput
                          key={field.path}
                          name={field.path}
                          label={field.label}
                          description={field.description}
                          placeholder={field.placeholder}
                          isRequired={field.required}
                          multiline={field.multiline}
                          value={draft[field.path]}
                          onChange={value => setField(field.path, value)}
                          error={errors[field.path]}
                        />
                      ),
                    )}
                </Flex>
              </CardBody>
            </Card>
          ))}
          <Flex gap="3" align="center">
            <Button type="submit" variant="primary" isPending={saving}>
              {editing ? 'Save changes' : 'Register asset'}
            </Button>
            {cancelHref && <Link href={cancelHref}>Cancel</Link>}
          </Flex>
        </Flex>
      </form>
    </Flex>
  );
}

function EditForm(props: { assetId: string }) {
  const { asset, loading, error, retry } = useAsset(props.assetId);
  if (loading && !asset) return <Progress />;
  if (error) return <ItamErrorPanel error={error} title={`Could not load asset ${props.assetId}`} onRetry={retry} />;
  if (!asset) return null;
  // A new version (after "load the current version") starts the form afresh from it.
  return <Form key={asset.version} asset={asset} onReload={retry} />;
}

/**
 * Registers a new asset, or edits one (`assetId`). Every field is checked with the common
 * schemas (`newAssetSchema`, `assetPatchSchema`) before anything is sent, and each issue's
 * message is shown next to its field; the backend's own field issues are shown the same way.
 * An edit sends only the changed fields with the version it started from, so a concurrent
 * change is refused (409) and explained instead of being overwritten.
 */
export function AssetForm(props: { assetId?: string }) {
  return props.assetId ? <EditForm assetId={props.assetId} /> : <Form />;
}
