import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  useTable,
  type ColumnConfig,
} from '@backstage/ui';
import { itamAuditPermission, type AuditCampaign } from '@itam/common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../../api';
import { useItamPermission } from '../../hooks/useItamPermission';
import { useItamRoutes } from '../../hooks/useItamRoutes';
import { todayIso } from '../../utils/assetStatus';
import { formatDateTime } from '../../utils/dateTime';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { CAMPAIGN_STATUS_LABELS, dueDateText, scopeSummary } from './auditLabels';
import { NewAuditCampaignForm } from './NewAuditCampaignForm';

function useColumns(auditLink: ((id: string) => string) | undefined, today: string) {
  return useMemo<ColumnConfig<AuditCampaign>[]>(
    () => [
      {
        id: 'name',
        label: 'Campaign',
        isRowHeader: true,
        cell: c => <CellText title={c.name} href={auditLink?.(c.id)} />,
      },
      {
        id: 'status',
        label: 'Status',
        cell: c => (
          <Cell>
            <Badge data-status={c.status}>{CAMPAIGN_STATUS_LABELS[c.status] ?? c.status}</Badge>
          </Cell>
        ),
      },
      { id: 'scope', label: 'Scope', cell: c => <CellText title={scopeSummary(c.scope)} /> },
      { id: 'due', label: 'Due', cell: c => <CellText title={dueDateText(c, today)} /> },
      {
        id: 'created',
        label: 'Created',
        cell: c => <CellText title={c.createdBy} description={formatDateTime(c.createdAt)} />,
      },
    ],
    [auditLink, today],
  );
}

/**
 * The audit campaigns: each with its status, scope, due date and who started it, linking to
 * its findings; users with the audit permission can start a new campaign here.
 */
export function AuditsPage() {
  const api = useApi(itamApiRef);
  const routes = useItamRoutes();
  const navigate = useNavigate();
  const canAudit = useItamPermission(itamAuditPermission).allowed;
  const [creating, setCreating] = useState(false);
  const { value: campaigns, loading, error, retry } = useAsyncRetry(() => api.listAudits(), [api]);
  const columns = useColumns(routes.audit, todayIso());
  const { tableProps } = useTable<AuditCampaign>({
    mode: 'complete',
    data: campaigns,
    paginationOptions: { pageSize: 20 },
  });

  const onCreated = (campaign: AuditCampaign) => {
    setCreating(false);
    if (routes.audit) navigate(routes.audit(campaign.id));
    else retry();
  };

  let body;
  if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the audit campaigns" onRetry={retry} />;
  } else if (loading && !campaigns) {
    body = <Progress />;
  } else if (!campaigns || campaigns.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No audit campaigns yet"
        description={
          canAudit
            ? 'An audit campaign checks a scope of assets against what is really there. Start one with "New audit campaign".'
            : 'An audit campaign checks a scope of assets against what is really there.'
        }
      />
    );
  } else {
    body = <Table {...tableProps} columnConfig={columns} />;
  }

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center">
        <Text as="h2" variant="title-medium">
          Audit campaigns
        </Text>
        {canAudit && !creating && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            New audit campaign
          </Button>
        )}
      </Flex>
      {creating && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-small">
              New audit campaign
            </Text>
          </CardHeader>
          <CardBody>
            <NewAuditCampaignForm onCreated={onCreated} onCancel={() => setCreating(false)} />
          </CardBody>
        </Card>
      )}
      {body}
    </Flex>
  );
}
