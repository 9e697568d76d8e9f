import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Alert, Button, Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import {
  ENTITY_LINK_ROLES,
  entityLinkSchema,
  validate,
  type EntityLink,
  type EntityLinkRole,
} from '@itam/common';
import { itamApiRef } from '../../api';
import { useAssetEntityLinks, useAssetTickets } from '../../hooks';
import { ENTITY_LINK_ROLE_LABELS } from '../../utils/labels';
import { issuesByPath, SelectInput, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';

const TICKET_TYPE_LABELS: Record<string, string> = {
  incident: 'Incident',
  change: 'Change',
  problem: 'Problem',
  request: 'Request',
};

/** A form that links the asset to a catalogue entity, checked with the common link schema. */
function AddEntityLink(props: { assetId: string; onLinked: () => void }) {
  const api = useApi(itamApiRef);
  const [entityRef, setEntityRef] = useState('');
  const [role, setRole] = useState<string | null>('runs-on');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(undefined);
    const checked = validate(entityLinkSchema, { entityRef, role: role ?? undefined });
    if (!checked.ok) {
      setErrors(issuesByPath(checked.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.addEntityLink(props.assetId, checked.value);
      setEntityRef('');
      props.onLinked();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" gap="2" role="group" aria-label="Link to a catalogue entity">
      <Flex gap="2" align="end">
        <TextInput
          name="entityRef"
          label="Catalogue entity"
          placeholder="component:default/payments-api"
          value={entityRef}
          onChange={value => {
            setEntityRef(value);
            setErrors(({ entityRef: _, ...rest }) => rest);
          }}
          error={errors.entityRef}
        />
        <SelectInput
          name="role"
          label="Role"
          value={role}
          onChange={value => {
            setRole(value);
            setErrors(({ role: _, ...rest }) => rest);
          }}
          options={ENTITY_LINK_ROLES.map(r => ({ id: r, label: ENTITY_LINK_ROLE_LABELS[r] }))}
          error={errors.role}
        />
        <Button variant="secondary" onPress={submit} isPending={busy}>
          Link
        </Button>
      </Flex>
      {failure && <Alert status="danger" icon title={`Could not link the entity: ${failure}`} />}
    </Flex>
  );
}

function EntityLinks(props: { assetId: string; version: number; canUpdate: boolean }) {
  const api = useApi(itamApiRef);
  const { links, loading, error, retry } = useAssetEntityLinks(props.assetId, props.version);
  const [failure, setFailure] = useState<string>();

  const unlink = async (link: EntityLink) => {
    setFailure(undefined);
    try {
      await api.removeEntityLink(props.assetId, link);
      retry();
    } catch (e) {
      setFailure((e as Error).message);
    }
  };

  let list;
  if (loading && !links) list = <Progress />;
  else if (error) {
    list = <ItamErrorPanel error={error} title="Could not load the linked entities" onRetry={retry} />;
  } else if (!links || links.length === 0) {
    list = <Text color="secondary">Not linked to any catalogue entity.</Text>;
  } else {
    list = (
      <ul aria-label="Linked entities">
        {links.map(link => (
          <li key={`${link.entityRef}:${link.role}`}>
            <Flex gap="2" align="center">
              <Text>{ENTITY_LINK_ROLE_LABELS[link.role as EntityLinkRole] ?? link.role}</Text>
              <EntityRefLink entityRef={link.entityRef} />
              {props.canUpdate && (
                <Button
                  size="small"
                  variant="tertiary"
                  aria-label={`Unlink ${link.entityRef}`}
                  onPress={() => unlink(link)}
                >
                  Unlink
                </Button>
              )}
            </Flex>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Flex direction="column" gap="2">
      <Text as="h4" weight="bold">
        Catalogue entities
      </Text>
      {list}
      {failure && <Alert status="danger" icon title={`Could not unlink the entity: ${failure}`} />}
      {props.canUpdate && <AddEntityLink assetId={props.assetId} onLinked={retry} />}
    </Flex>
  );
}

function Tickets(props: { assetId: string; version: number }) {
  const { tickets, loading, error, retry } = useAssetTickets(props.assetId, props.version);
  let list;
  if (loading && !tickets) list = <Progress />;
  else if (error) {
    list = <ItamErrorPanel error={error} title="Could not load the linked tickets" onRetry={retry} />;
  } else if (!tickets || tickets.length === 0) {
    list = <Text color="secondary">No Jira tickets are linked to this asset.</Text>;
  } else {
    list = (
      <ul aria-label="Linked tickets">
        {tickets.map(t => (
          <li key={`${t.site}/${t.issueKey}`}>
            <Flex gap="2" align="baseline">
              <Link href={`https://${t.site}/browse/${t.issueKey}`} target="_blank" rel="noopener">
                {t.issueKey}
              </Link>
              <Text color="secondary">{TICKET_TYPE_LABELS[t.ticketType] ?? t.ticketType}</Text>
              {t.summary && <Text>{t.summary}</Text>}
              {t.status && (
                <Text color="secondary">
                  {t.status}
                  {t.resolved ? ' (resolved)' : ''}
                </Text>
              )}
            </Flex>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text as="h4" weight="bold">
        Jira tickets
      </Text>
      {list}
    </Flex>
  );
}

/**
 * What the asset is linked to: catalogue entities (with their role; users who may change the
 * asset can link and unlink them) and Jira tickets.
 */
export function AssetLinks(props: { assetId: string; version: number; canUpdate: boolean }) {
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small">
          Links
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          <EntityLinks {...props} />
          <Tickets assetId={props.assetId} version={props.version} />
        </Flex>
      </CardBody>
    </Card>
  );
}
