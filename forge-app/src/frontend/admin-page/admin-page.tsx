import {
  Button,
  Heading,
  HelperMessage,
  Inline,
  Label,
  SectionMessage,
  Select,
  Spinner,
  Stack,
  Text,
  Textfield,
} from '@forge/react';
import type { TicketType } from '@itam/common';
import { useEffect, useState } from 'react';
import type { AdminSettings, BackendAuth, ConnectionCheck, SiteOption, SiteOptions } from '../../common/types';
import { call } from '../shared/api';
import { ErrorMessage } from '../shared/error-message';
import { unexpectedError, useResolver, type ResolverError } from '../shared/use-resolver';

const loadSettings = () => call('getAdminSettings');
const loadOptions = () => call('getSiteOptions');

const TYPE_FIELDS: { type: TicketType; label: string }[] = [
  { type: 'incident', label: 'Incident issue types' },
  { type: 'problem', label: 'Problem issue types' },
  { type: 'request', label: 'Service request issue types' },
  { type: 'change', label: 'Change issue types' },
];

const AUTH_OPTIONS: { label: string; value: BackendAuth }[] = [
  { label: 'Forge Remote (signed invocation token)', value: 'forge-remote' },
  { label: 'Static token (fallback)', value: 'static-token' },
];

interface Form {
  baseUrl: string;
  auth: BackendAuth;
  portalUrl: string;
  token: string;
  types: Record<TicketType, string[]>;
  projects: string[];
  plannedStart: string;
  plannedEnd: string;
}

type Option = { label: string; value: string };

const toForm = (settings: AdminSettings): Form => ({
  baseUrl: settings.baseUrl ?? (settings.deployedOrigin ? `${settings.deployedOrigin}/api/itam` : ''),
  auth: settings.auth,
  portalUrl: settings.portalUrl ?? '',
  token: '',
  types: { ...settings.issueTypes },
  projects: [...settings.projects],
  plannedStart: settings.changeFields.plannedStart ?? '',
  plannedEnd: settings.changeFields.plannedEnd ?? '',
});

const optionsOf = (items: SiteOption[]): Option[] => items.map(i => ({ label: i.name, value: i.id }));
const chosen = (options: Option[], ids: string[]) => options.filter(o => ids.includes(o.value));
const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map(v => String((v as Option).value));

/**
 * The admin page: the backend the app calls (on the remote it was deployed with) and how it proves
 * itself, Backstage's address for asset links, the issue types and projects in scope (chosen from
 * this site's, kept by id), and the change window fields. "Test connection" asks the backend which
 * site it takes this app to be.
 */
export function AdminPage() {
  const { state } = useResolver(loadSettings);
  const { state: options } = useResolver(loadOptions);
  const [form, setForm] = useState<Form>();
  const [settings, setSettings] = useState<AdminSettings>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: true } | { error: ResolverError } | { check: ConnectionCheck }>();

  useEffect(() => {
    if (state.status === 'ready' && form === undefined) {
      setForm(toForm(state.data));
      setSettings(state.data);
    }
  }, [state, form]);

  if (state.status === 'loading' || options.status === 'loading' || (state.status === 'ready' && !form)) {
    return <Spinner label="Loading settings" />;
  }
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (options.status === 'error') return <ErrorMessage error={options.error} />;
  if (!form || !settings) return null;
  const site: SiteOptions = options.data;
  const typeOptions = optionsOf(site.issueTypes);
  const projectOptions = optionsOf(site.projects);
  const fieldOptions = optionsOf(site.dateFields);

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await work();
    } catch {
      setOutcome({ error: unexpectedError });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const result = await call('saveAdminSettings', {
        baseUrl: form.baseUrl,
        auth: form.auth,
        portalUrl: form.portalUrl,
        token: form.token,
        issueTypes: form.types,
        projects: form.projects,
        changeFields: { plannedStart: form.plannedStart, plannedEnd: form.plannedEnd },
      });
      if (result.ok) {
        setForm(toForm(result.data));
        setSettings(result.data);
        setOutcome({ saved: true });
      } else {
        setOutcome({ error: result.error });
      }
    });
  const test = () =>
    act(async () => {
      const result = await call('testConnection');
      setOutcome(result.ok ? { check: result.data } : { error: result.error });
    });

  return (
    <Stack space="space.200">
      <Heading size="medium">ITAM register</Heading>
      <Text>
        {settings.deployedOrigin
          ? `This deployment may call the backend at ${settings.deployedOrigin}.`
          : 'This deployment does not name its backend: deploy with ITAM_BACKEND_ORIGIN set (see the README).'}
      </Text>
      {outcome && 'saved' in outcome && (
        <SectionMessage appearance="success" title="Saved">
          <Text>The panels use the new settings from now on.</Text>
        </SectionMessage>
      )}
      {outcome && 'check' in outcome && outcome.check.ok && (
        <SectionMessage appearance="success" title="Connected">
          <Text>
            {`The backend takes this app to be ${outcome.check.connection.site}, acting as ${outcome.check.connection.actor} (${outcome.check.connection.via}); it may ${outcome.check.connection.permissions.join(', ')}.`}
          </Text>
        </SectionMessage>
      )}
      {outcome && 'check' in outcome && !outcome.check.ok && (
        <SectionMessage appearance="error" title="Connection failed">
          <Text>{outcome.check.message}</Text>
        </SectionMessage>
      )}
      {outcome && 'error' in outcome && <ErrorMessage error={outcome.error} />}
      <Stack space="space.050">
        <Label labelFor="itam-base-url">Backend address</Label>
        <Textfield
          id="itam-base-url"
          name="baseUrl"
          placeholder="https://backstage.example.com/api/itam"
          value={form.baseUrl}
          onChange={e => set({ baseUrl: String(e.target.value ?? '') })}
        />
        <HelperMessage>The ITAM API on the deployed backend; Forge calls no other host.</HelperMessage>
      </Stack>
      <Stack space="space.050">
        <Label labelFor="itam-auth">How the app proves itself</Label>
        <Select
          inputId="itam-auth"
          options={AUTH_OPTIONS}
          value={AUTH_OPTIONS.find(o => o.value === form.auth)}
          onChange={value => set({ auth: (value as Option | null)?.value === 'static-token' ? 'static-token' : 'forge-remote' })}
        />
      </Stack>
      {form.auth === 'static-token' && (
        <Stack space="space.050">
          <Label labelFor="itam-token">Static token</Label>
          <Textfield
            id="itam-token"
            name="token"
            type="password"
            placeholder={settings.tokenSet ? 'A token is saved; paste a new one to replace it' : 'Paste the token'}
            value={form.token}
            onChange={e => set({ token: String(e.target.value ?? '') })}
          />
          <HelperMessage>The token the backend binds to this site under itam.serviceAccess; stored encrypted, never shown again.</HelperMessage>
        </Stack>
      )}
      <Stack space="space.050">
        <Label labelFor="itam-portal-url">Backstage address</Label>
        <Textfield
          id="itam-portal-url"
          name="portalUrl"
          placeholder="https://backstage.example.com"
          value={form.portalUrl}
          onChange={e => set({ portalUrl: String(e.target.value ?? '') })}
        />
        <HelperMessage>Each asset in Jira links to its page here.</HelperMessage>
      </Stack>
      {TYPE_FIELDS.map(({ type, label }) => (
        <Stack key={type} space="space.050">
          <Label labelFor={`itam-types-${type}`}>{label}</Label>
          <Select
            inputId={`itam-types-${type}`}
            isMulti
            options={typeOptions}
            value={chosen(typeOptions, form.types[type])}
            onChange={value => set({ types: { ...form.types, [type]: idsOf(value) } })}
          />
        </Stack>
      ))}
      <Stack space="space.050">
        <Label labelFor="itam-projects">Projects in scope</Label>
        <Select
          inputId="itam-projects"
          isMulti
          options={projectOptions}
          value={chosen(projectOptions, form.projects)}
          onChange={value => set({ projects: idsOf(value) })}
        />
        <HelperMessage>None chosen means every project. Issues elsewhere are never sent to the backend.</HelperMessage>
      </Stack>
      {(['plannedStart', 'plannedEnd'] as const).map(key => (
        <Stack key={key} space="space.050">
          <Label labelFor={`itam-${key}`}>{key === 'plannedStart' ? 'Change planned start field' : 'Change planned end field'}</Label>
          <Select
            inputId={`itam-${key}`}
            isClearable
            options={fieldOptions}
            value={chosen(fieldOptions, form[key] ? [form[key]] : [])[0] ?? null}
            onChange={value => set({ [key]: idsOf(value)[0] ?? '' })}
          />
        </Stack>
      ))}
      <Inline space="space.100">
        <Button appearance="primary" isDisabled={busy} onClick={save}>
          Save
        </Button>
        <Button isDisabled={busy || !settings.baseUrl} onClick={test}>
          Test connection
        </Button>
      </Inline>
    </Stack>
  );
}
