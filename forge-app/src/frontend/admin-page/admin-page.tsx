import {
  Button,
  Heading,
  HelperMessage,
  Label,
  SectionMessage,
  Spinner,
  Stack,
  Text,
  Textfield,
  useProductContext,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type { TicketType } from '@itam/common';
import type { AdminSettings, IssueTypeConfig } from '../../common/types';
import { call } from '../shared/api';
import { ErrorMessage } from '../shared/error-message';
import { unexpectedError, useResolver, type ResolverError } from '../shared/use-resolver';

const loadSettings = () => call('getAdminSettings');

const TYPE_FIELDS: { type: TicketType; label: string }[] = [
  { type: 'incident', label: 'Incident issue types' },
  { type: 'problem', label: 'Problem issue types' },
  { type: 'request', label: 'Service request issue types' },
  { type: 'change', label: 'Change issue types' },
];

interface Form {
  baseUrl: string;
  site: string;
  token: string;
  types: Record<TicketType, string>;
}

const toForm = (settings: AdminSettings, siteFromContext: string): Form => ({
  baseUrl: settings.baseUrl ?? '',
  site: settings.site ?? siteFromContext,
  token: '',
  types: {
    incident: settings.issueTypes.incident.join(', '),
    problem: settings.issueTypes.problem.join(', '),
    request: settings.issueTypes.request.join(', '),
    change: settings.issueTypes.change.join(', '),
  },
});

const splitNames = (value: string) => value.split(',').map(s => s.trim()).filter(Boolean);

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
};

/**
 * The admin page: the ITAM backend address, the token Backstage accepts from this site (kept in
 * KVS secret storage, never shown again), the site name links are recorded under, and which
 * issue types get the incident and change panels.
 */
export function AdminPage() {
  const { state } = useResolver(loadSettings);
  const context = useProductContext();
  const [form, setForm] = useState<Form>();
  const [tokenSet, setTokenSet] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: true } | { error: ResolverError }>();

  const siteFromContext = hostOf(context?.siteUrl);
  useEffect(() => {
    if (state.status === 'ready' && form === undefined) {
      setForm(toForm(state.data, siteFromContext));
      setTokenSet(state.data.tokenSet);
    }
  }, [state, form, siteFromContext]);

  if (state.status === 'loading' || (state.status === 'ready' && !form)) {
    return <Spinner label="Loading settings" />;
  }
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (!form) return null;

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const save = async () => {
    setSaving(true);
    setOutcome(undefined);
    try {
      const issueTypes = Object.fromEntries(
        TYPE_FIELDS.map(({ type }) => [type, splitNames(form.types[type])]),
      ) as IssueTypeConfig;
      const result = await call('saveAdminSettings', {
        baseUrl: form.baseUrl,
        site: form.site,
        token: form.token,
        issueTypes,
      });
      if (result.ok) {
        setForm(toForm(result.data, siteFromContext));
        setTokenSet(result.data.tokenSet);
        setOutcome({ saved: true });
      } else {
        setOutcome({ error: result.error });
      }
    } catch {
      setOutcome({ error: unexpectedError });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack space="space.200">
      <Heading size="medium">ITAM register</Heading>
      <Text>
        Connect this Jira site to the ITAM backend in Backstage. The token is the one configured for
        this site under backend.auth.externalAccess; it is stored encrypted and never shown again.
      </Text>
      {outcome && 'saved' in outcome && (
        <SectionMessage appearance="success" title="Saved">
          <Text>The panels use the new settings from now on.</Text>
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
      </Stack>
      <Stack space="space.050">
        <Label labelFor="itam-token">Token</Label>
        <Textfield
          id="itam-token"
          name="token"
          type="password"
          placeholder={tokenSet ? 'A token is saved; paste a new one to replace it' : 'Paste the token'}
          value={form.token}
          onChange={e => set({ token: String(e.target.value ?? '') })}
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor="itam-site">Jira site</Label>
        <Textfield
          id="itam-site"
          name="site"
          placeholder="acme.atlassian.net"
          value={form.site}
          onChange={e => set({ site: String(e.target.value ?? '') })}
        />
        <HelperMessage>The register records this site’s ticket links under this name.</HelperMessage>
      </Stack>
      {TYPE_FIELDS.map(({ type, label }) => (
        <Stack key={type} space="space.050">
          <Label labelFor={`itam-types-${type}`}>{label}</Label>
          <Textfield
            id={`itam-types-${type}`}
            name={`types-${type}`}
            value={form.types[type]}
            onChange={e => set({ types: { ...form.types, [type]: String(e.target.value ?? '') } })}
          />
        </Stack>
      ))}
      <Button appearance="primary" isDisabled={saving} onClick={save}>
        Save
      </Button>
    </Stack>
  );
}
