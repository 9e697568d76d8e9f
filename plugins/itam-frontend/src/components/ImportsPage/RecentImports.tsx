import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
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
import type { ImportJob, ImportStatus } from '@itam/common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../../api';
import type { StatusLevel } from '../../utils/assetStatus';
import { formatDateTime } from '../../utils/dateTime';
import { StatusChip } from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { ImportJobResult } from './ImportJobResult';
import { countsPhrase, IMPORT_FORMAT_LABELS } from './importFormat';

const STATUS: Record<ImportStatus, { level: StatusLevel; label: string }> = {
  running: { level: 'unknown', label: 'Running' },
  succeeded: { level: 'ok', label: 'Succeeded' },
  failed: { level: 'error', label: 'Failed' },
};

/** One job in full: the job list leaves out the row errors, so they are fetched when opened. */
function JobDetails(props: { jobId: string }) {
  const api = useApi(itamApiRef);
  const { value: job, loading, error, retry } = useAsyncRetry(() => api.getImport(props.jobId), [
    api,
    props.jobId,
  ]);
  if (error) return <ItamErrorPanel error={error} title="Could not load the import job" onRetry={retry} />;
  if (loading || !job) return <Progress />;
  return <ImportJobResult job={job} />;
}

function useColumns(selectedId: string | undefined, onToggle: (job: ImportJob) => void) {
  return useMemo<ColumnConfig<ImportJob>[]>(
    () => [
      {
        id: 'when',
        label: 'When',
        isRowHeader: true,
        cell: j => <CellText title={formatDateTime(j.createdAt)} />,
      },
      { id: 'format', label: 'Format', cell: j => <CellText title={IMPORT_FORMAT_LABELS[j.format] ?? j.format} /> },
      { id: 'kind', label: 'Kind', cell: j => <CellText title={j.dryRun ? 'Dry run' : 'Import'} /> },
      {
        id: 'status',
        label: 'Status',
        cell: j => (
          <Cell>
            <StatusChip {...(STATUS[j.status] ?? { level: 'unknown', label: j.status })} />
          </Cell>
        ),
      },
      {
        id: 'counts',
        label: 'Rows',
        cell: j =>
          j.status === 'running' ? (
            <CellText title={`${j.progress.rowsDone} rows so far`} />
          ) : (
            <CellText title={countsPhrase(j)} />
          ),
      },
      { id: 'who', label: 'By', cell: j => <CellText title={j.createdBy} /> },
      {
        id: 'details',
        label: 'Details',
        cell: j => (
          <Cell>
            <Button size="small" variant="secondary" onPress={() => onToggle(j)}>
              {j.id === selectedId ? 'Hide details' : 'Show details'}
            </Button>
          </Cell>
        ),
      },
    ],
    [selectedId, onToggle],
  );
}

/**
 * The recent import jobs, newest first (format, dry run or not, status, row counts, who and
 * when); "Show details" opens one job's result below the table, with its row errors.
 */
export function RecentImports(props: {
  jobs: ImportJob[] | undefined;
  loading: boolean;
  error: Error | undefined;
  onRetry: () => void;
  selectedId: string | undefined;
  onSelect: (jobId: string | undefined) => void;
}) {
  const { jobs, loading, error, onRetry, selectedId, onSelect } = props;
  const columns = useColumns(selectedId, j => onSelect(j.id === selectedId ? undefined : j.id));
  const { tableProps } = useTable<ImportJob>({
    mode: 'complete',
    data: jobs,
    paginationOptions: { pageSize: 10 },
  });
  const selected = jobs?.find(j => j.id === selectedId);

  let body;
  if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the recent imports" onRetry={onRetry} />;
  } else if (loading && !jobs) {
    body = <Progress />;
  } else if (!jobs || jobs.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No imports yet"
        description="Jobs appear here once a file has been previewed or imported."
      />
    );
  } else {
    body = (
      <Flex direction="column" gap="4">
        <Table {...tableProps} columnConfig={columns} />
        {selected && (
          <section aria-label={`Details of the import of ${formatDateTime(selected.createdAt)}`}>
            <Flex direction="column" gap="2">
              <Text as="h3" variant="title-small">
                {selected.dryRun ? 'Dry run' : 'Import'} of {formatDateTime(selected.createdAt)} by{' '}
                {selected.createdBy}
              </Text>
              <JobDetails jobId={selected.id} />
            </Flex>
          </section>
        )}
      </Flex>
    );
  }
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small">
          Recent imports
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
