import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Cell,
  CellText,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  DialogTrigger,
  Flex,
  Link,
  Select,
  Table,
  Text,
  useTable,
  type ColumnConfig,
} from '@backstage/ui';
import {
  itamAuditPermission,
  type AuditCampaignWithResult,
  type AuditFinding,
  type AuditFindingKind,
  type AuditSummary,
} from '@itam/common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../../api';
import { useItamPermission } from '../../hooks/useItamPermission';
import { useItamRoutes } from '../../hooks/useItamRoutes';
import { todayIso } from '../../utils/assetStatus';
import { formatDateTime } from '../../utils/dateTime';
import { formatPercent } from '../../utils/formatAmounts';
import { statusOf } from '../../utils/errors';
import { StatusChip } from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';
import {
  CAMPAIGN_STATUS_LABELS,
  dueDateText,
  FINDING_KINDS,
  FINDING_KIND_STATUS,
  scopeCriteria,
} from './auditLabels';
import { ObservationForm } from './ObservationForm';

type FindingRow = AuditFinding & { id: string };

const ALL = 'all';
const PAGE_SIZE = 50;
const PAGE_SIZES = [25, 50, 100];

function useFindingColumns(assetLink: ((id: string) => string) | undefined) {
  return useMemo<ColumnConfig<FindingRow>[]>(
    () => [
      {
        id: 'asset',
        label: 'Asset',
        isRowHeader: true,
        cell: f => (
          <CellText
            title={f.assetTag ?? f.serialNumber ?? 'unnamed'}
            description={f.assetTag && f.serialNumber ? `Serial ${f.serialNumber}` : undefined}
            href={f.assetId ? assetLink?.(f.assetId) : undefined}
          />
        ),
      },
      {
        id: 'kind',
        label: 'Finding',
        cell: f => (
          <Cell>
            <StatusChip {...FINDING_KIND_STATUS[f.kind]} />
          </Cell>
        ),
      },
      { id: 'register', label: 'Register location', cell: f => <CellText title={f.registerLocation ?? 'not recorded'} /> },
      { id: 'observed', label: 'Observed location', cell: f => <CellText title={f.observedLocation ?? 'not reported'} /> },
      { id: 'explanation', label: 'Explanation', cell: f => <CellText title={f.explanation} /> },
    ],
    [assetLink],
  );
}

/**
 * The campaign's findings a page at a time from the server (a campaign over a large estate has
 * one per in-scope asset), filterable by kind; read again when the figures change (an
 * observation recorded).
 */
function Findings(props: { auditId: string; result: AuditSummary }) {
  const api = useApi(itamApiRef);
  const assetLink = useItamRoutes().asset;
  const columns = useFindingColumns(assetLink);
  const { tableProps, filter, reload } = useTable<FindingRow, { kind?: AuditFindingKind }>({
    mode: 'cursor',
    initialFilter: {},
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: PAGE_SIZES },
    getData: async ({ cursor, pageSize, filter: f }) => {
      const page = await api.listAuditFindings(props.auditId, { ...(f?.kind ? { kind: f.kind } : {}), limit: pageSize, cursor });
      // Unique within the list: an asset's id, else the unexpected find's place in it.
      const base = cursor ?? '';
      return {
        data: page.items.map((item, i) => ({ ...item, id: item.assetId ?? `unexpected:${base}:${i}` })),
        nextCursor: page.nextCursor,
      };
    },
  });
  const counts = props.result.counts;
  const shown = useRef(counts);
  useEffect(() => {
    if (shown.current !== counts) {
      shown.current = counts;
      reload();
    }
  }, [counts, reload]);
  const kind = filter.value?.kind;
  const options = useMemo(
    () => [
      { id: ALL, label: 'All findings' },
      ...FINDING_KINDS.map(k => ({ id: k, label: `${FINDING_KIND_STATUS[k].label} (${counts[k] ?? 0})` })),
    ],
    [counts],
  );
  const total = FINDING_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0);
  if (total === 0) {
    return (
      <EmptyState
        missing="data"
        title="No findings"
        description="No asset falls in this campaign's scope and nothing unexpected was reported."
      />
    );
  }
  const { data, isPending, error } = tableProps;
  return (
    <Flex direction="column" gap="3">
      <Flex role="search" aria-label="Filter the findings">
        <Select
          label="Finding"
          options={options}
          value={kind ?? ALL}
          onChange={key => filter.onChange(!key || key === ALL ? {} : { kind: key as AuditFindingKind })}
        />
      </Flex>
      {error && <ItamErrorPanel error={error} title="Could not load the findings" onRetry={reload} />}
      {!error && isPending && !data && <Progress />}
      {!error && data && <Table {...tableProps} columnConfig={columns} />}
    </Flex>
  );
}

/** Named figures as a list, e.g. "Register accuracy: 25%". */
function Figures(props: { label: string; items: { label: string; value: string | number }[] }) {
  return (
    <Flex role="list" aria-label={props.label} gap="4" style={{ flexWrap: 'wrap' }}>
      {props.items.map(i => (
        <Text role="listitem" key={i.label}>
          {i.label}: <strong>{i.value}</strong>
        </Text>
      ))}
    </Flex>
  );
}

function CloseCampaign(props: { auditId: string; onClosed: () => void }) {
  const api = useApi(itamApiRef);
  const [open, setOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<Error>();

  const close = async () => {
    setClosing(true);
    setError(undefined);
    try {
      await api.closeAudit(props.auditId);
      setOpen(false);
      props.onClosed();
    } catch (e) {
      setOpen(false);
      setError(e as Error);
    } finally {
      setClosing(false);
    }
  };

  const refused = error && [400, 409, 422].includes(statusOf(error) ?? 0);
  return (
    <Flex direction="column" gap="2" align="start">
      <DialogTrigger isOpen={open} onOpenChange={setOpen}>
        <Button variant="secondary">Close campaign</Button>
        <Dialog>
          <DialogHeader>Close this audit campaign?</DialogHeader>
          <DialogBody>
            <Text>
              Closing freezes the findings and the accuracy figure as they are now. No more
              observations can be recorded.
            </Text>
          </DialogBody>
          <DialogFooter>
            <Button variant="secondary" slot="close">
              Keep it open
            </Button>
            <Button variant="primary" onPress={close} isPending={closing}>
              Close the campaign
            </Button>
          </DialogFooter>
        </Dialog>
      </DialogTrigger>
      {error && refused && <Alert status="danger" icon title={`Not closed: ${error.message}`} />}
      {error && !refused && <ItamErrorPanel error={error} title="Could not close the campaign" />}
    </Flex>
  );
}

function CampaignView(props: { campaign: AuditCampaignWithResult; onChange: (c?: AuditCampaignWithResult) => void }) {
  const { campaign, onChange } = props;
  const routes = useItamRoutes();
  const permission = useItamPermission(itamAuditPermission);
  const canAudit = permission.allowed;
  const { result } = campaign;
  const open = campaign.status === 'open';

  return (
    <Flex direction="column" gap="4">
      {routes.audits && <Link href={routes.audits}>All audit campaigns</Link>}
      <Flex direction="column" gap="1">
        <Flex gap="3" align="center">
          <Text as="h2" variant="title-medium">
            {campaign.name}
          </Text>
          <Badge data-status={campaign.status}>{CAMPAIGN_STATUS_LABELS[campaign.status] ?? campaign.status}</Badge>
        </Flex>
        <Text color="secondary">
          Due: {dueDateText(campaign, todayIso())}. Started by {campaign.createdBy} on{' '}
          {formatDateTime(campaign.createdAt)}.
          {campaign.closedAt &&
            ` Closed by ${campaign.closedBy ?? 'unknown'} on ${formatDateTime(campaign.closedAt)}.`}
        </Text>
      </Flex>
      <Card>
        <CardHeader>
          <Text as="h3" variant="title-small">
            Scope
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="2">
            <Figures label="Scope" items={scopeCriteria(campaign.scope)} />
            <Text color="secondary" variant="body-small">
              Disposed assets are never in scope.
            </Text>
          </Flex>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <Text as="h3" variant="title-small">
            {open ? 'Findings so far' : 'Findings (frozen when the campaign closed)'}
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="3">
            <Figures
              label="Audit figures"
              items={[
                { label: 'Register accuracy', value: formatPercent(result.accuracy) },
                { label: 'Coverage', value: formatPercent(result.coverage) },
                { label: 'Assets in scope', value: result.inScope },
              ]}
            />
            <Figures
              label="Findings by kind"
              items={FINDING_KINDS.map(k => ({ label: FINDING_KIND_STATUS[k].label, value: result.counts[k] ?? 0 }))}
            />
            <Findings auditId={campaign.id} result={result} />
          </Flex>
        </CardBody>
      </Card>
      {open && canAudit && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-small">
              Record an observation
            </Text>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="4">
              <ObservationForm auditId={campaign.id} onRecorded={onChange} />
              <CloseCampaign auditId={campaign.id} onClosed={() => onChange(undefined)} />
            </Flex>
          </CardBody>
        </Card>
      )}
      {open && !canAudit && !permission.loading && (
        <Text color="secondary">
          Recording observations and closing the campaign need the audit permission.
        </Text>
      )}
      {!open && <Text color="secondary">This campaign is closed: no more observations can be recorded.</Text>}
    </Flex>
  );
}

/**
 * One audit campaign: its scope and status, the register accuracy and coverage as
 * percentages, the count of each kind of finding and every finding (the asset linked to its
 * page, where the register and the auditor place it, and why). While it is open, users with
 * the audit permission record observations and can close it, which freezes the findings.
 */
export function AuditCampaignPage(props: { auditId: string }) {
  const api = useApi(itamApiRef);
  // The answer to an observation carries the new findings; it replaces what was loaded.
  const [latest, setLatest] = useState<AuditCampaignWithResult>();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const campaign = await api.getAudit(props.auditId);
    setLatest(undefined);
    return campaign;
  }, [api, props.auditId]);
  const campaign = latest ?? value;

  if (error) {
    return <ItamErrorPanel error={error} title="Could not load the audit campaign" onRetry={retry} />;
  }
  if (loading && !campaign) return <Progress />;
  if (!campaign) return <Progress />;
  return (
    <CampaignView
      campaign={campaign}
      onChange={updated => (updated ? setLatest(updated) : retry())}
    />
  );
}
