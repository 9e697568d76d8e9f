import { useId, useMemo, type ReactNode } from 'react';
import {
  Alert,
  CellText,
  Flex,
  Table,
  Text,
  useTable,
  type ColumnConfig,
  type TableItem,
} from '@backstage/ui';
import type { ImportAction, ImportJob, ImportPreviewRow, ImportReading, ImportRowError, ImportRowOutcome } from '@itam/common';
import { useItamRoutes } from '../../hooks/useItamRoutes';
import { fieldLabel } from '../../utils/labels';

/** Rows per page of the outcome and error tables (a job keeps up to 200 outcomes and 1,000 errors). */
const PAGE_SIZE = 20;

const DONE_LABELS: Record<ImportAction, string> = {
  create: 'Created',
  update: 'Updated',
  unchanged: 'Unchanged',
};
const WOULD_LABELS: Record<ImportAction, string> = {
  create: 'Would create',
  update: 'Would update',
  unchanged: 'No change',
};

/** A titled table, named by its heading so it can be found as a region. */
function Section(props: { title: string; note?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Flex direction="column" gap="2">
        <Text as="h4" id={headingId} variant="title-x-small">
          {props.title}
        </Text>
        {props.note && <Text color="secondary">{props.note}</Text>}
        {props.children}
      </Flex>
    </section>
  );
}

function PagedTable<T extends TableItem>(props: { data: T[]; columns: ColumnConfig<T>[] }) {
  const { tableProps } = useTable<T>({
    mode: 'complete',
    data: props.data,
    paginationOptions: { pageSize: PAGE_SIZE },
  });
  return <Table {...tableProps} columnConfig={props.columns} />;
}

type ErrorRow = ImportRowError & { id: number };
type PreviewRow = ImportPreviewRow & { id: number };
type OutcomeRow = ImportRowOutcome & { id: number };

function RowErrors(props: { job: ImportJob; warnings?: boolean }) {
  const { job, warnings } = props;
  const list = useMemo(() => (warnings ? job.summary.warnings ?? [] : job.errors), [warnings, job]);
  const total = warnings ? job.summary.warningCount ?? list.length : job.errorCount;
  const rows = useMemo<ErrorRow[]>(() => list.map((e, i) => ({ ...e, id: i })), [list]);
  const columns = useMemo<ColumnConfig<ErrorRow>[]>(
    () => [
      { id: 'row', label: 'Row', isRowHeader: true, cell: e => <CellText title={`Row ${e.row}`} /> },
      { id: 'field', label: 'Column', cell: e => <CellText title={e.field || 'whole row'} /> },
      { id: 'message', label: warnings ? 'Remark' : 'Problem', cell: e => <CellText title={e.message} /> },
    ],
    [warnings],
  );
  const what = warnings ? 'warnings' : 'row errors';
  const note = total > list.length ? `Showing the first ${list.length} of ${total} ${what}.` : undefined;
  return (
    <Section title={warnings ? 'Warnings (rows imported with a remark)' : 'Row errors'} note={note}>
      <PagedTable data={rows} columns={columns} />
    </Section>
  );
}

function RowOutcomes(props: { job: ImportJob; outcomes: ImportRowOutcome[] }) {
  const { job, outcomes } = props;
  const applied = job.summary.applied;
  const assetLink = useItamRoutes().asset;
  const rows = useMemo<OutcomeRow[]>(() => outcomes.map((o, i) => ({ ...o, id: i })), [outcomes]);
  const columns = useMemo<ColumnConfig<OutcomeRow>[]>(
    () => [
      { id: 'row', label: 'Row', isRowHeader: true, cell: o => <CellText title={`Row ${o.row}`} /> },
      {
        id: 'action',
        label: 'Action',
        cell: o => <CellText title={(applied ? DONE_LABELS : WOULD_LABELS)[o.action]} />,
      },
      {
        id: 'tag',
        label: 'Asset tag or record',
        // An asset a preview would create does not exist yet, so it gets no link.
        cell: o => (
          <CellText
            title={o.tag}
            href={!o.record && (applied || o.action !== 'create') ? assetLink?.(o.assetId) : undefined}
          />
        ),
      },
      {
        id: 'fields',
        label: 'Changed fields',
        cell: o => {
          if (o.action === 'create') return <CellText title={o.record ? `new ${o.record.replace(/-/g, ' ')}` : 'new asset'} color="secondary" />;
          if (!o.fields?.length) return <CellText title="none" color="secondary" />;
          return <CellText title={o.fields.map(fieldLabel).join(', ')} />;
        },
      },
    ],
    [applied, assetLink],
  );
  const { created, updated, unchanged } = job.counts;
  const total = created + updated + unchanged;
  const note =
    total > outcomes.length ? `Showing the first ${outcomes.length} of ${total} rows.` : undefined;
  return (
    <Section title={applied ? 'What each row did' : 'What each row would do'} note={note}>
      <PagedTable data={rows} columns={columns} />
    </Section>
  );
}

/** Register field names as the preview's column headings. */
const PREVIEW_COLUMNS: [string, string][] = [
  ['tag', 'Tag'],
  ['name', 'Name'],
  ['type', 'Type'],
  ['lifecycleStage', 'Stage'],
  ['owner', 'Owner'],
  ['location', 'Location'],
  ['purchase.date', 'Purchased'],
  ['purchase.cost', 'Cost'],
  ['endOfLife', 'End of life'],
];

/** The first rows as they will be written: the values the register will hold, not the file's. */
function Preview(props: { rows: ImportPreviewRow[]; applied: boolean }) {
  const rows = useMemo<PreviewRow[]>(() => props.rows.map((r, i) => ({ ...r, id: i })), [props.rows]);
  const columns = useMemo<ColumnConfig<PreviewRow>[]>(
    () => [
      { id: 'row', label: 'Row', isRowHeader: true, cell: r => <CellText title={`Row ${r.row}`} /> },
      ...PREVIEW_COLUMNS.map(([key, label]) => ({
        id: key,
        label,
        cell: (r: PreviewRow) => {
          const value = r.values[key];
          const text = value === undefined || value === null ? '' : key === 'purchase.cost' && r.values['purchase.currency'] ? `${value} ${r.values['purchase.currency']}` : String(value);
          return <CellText title={text} />;
        },
      })),
    ],
    [],
  );
  return (
    <Section title={props.applied ? 'The first rows as written' : 'The first rows as they will be written'}>
      <PagedTable data={rows} columns={columns} />
    </Section>
  );
}

/** How the server read the file, in one sentence. */
export function readingPhrase(reading: ImportReading): string {
  const parts: string[] = [];
  if (reading.encoding) parts.push(`${reading.encoding}${reading.encodingDetected ? ' (detected)' : ''}`);
  if (reading.lineEnding && reading.lineEnding !== 'none') parts.push(`${reading.lineEnding} line endings`);
  if (reading.kind) parts.push(`${reading.kind === 'glpi-inventory' ? 'a GLPI inventory' : `Snipe-IT ${reading.kind}`}${reading.kindDetected ? ' (told from the header)' : ''}`);
  for (const d of reading.dateFormats ?? []) parts.push(`${d.column} as ${d.format}${d.inferred ? ' (inferred)' : ''}`);
  if (reading.decimalSeparator === ',') parts.push('comma as decimal separator');
  return `Read as ${parts.join('; ')}.`;
}

function StatusAlert(props: { job: ImportJob }) {
  const { job } = props;
  if (job.status === 'running') {
    return <Alert status="info" icon title="This import is still running" />;
  }
  if (job.status === 'failed') {
    return (
      <Alert
        status="danger"
        icon
        title={`${job.dryRun ? 'Dry run' : 'Import'} failed: ${job.summary.message ?? 'the job stopped'}`}
        description={job.summary.applied ? undefined : 'Nothing was written to the register.'}
      />
    );
  }
  if (job.dryRun) {
    return (
      <Alert
        status="info"
        icon
        title="Dry run: nothing was written"
        description="This is what importing the file would do. Choose Import to apply it."
      />
    );
  }
  return <Alert status="success" icon title="Import finished: the changes were written to the register" />;
}

/**
 * What an import job did, or in a dry run would do: its status in words (a failed job's
 * reason, "nothing was written" for a dry run), the row counts, the ignored columns, the
 * rows refused with their column and problem, and what each row did or would do.
 */
export function ImportJobResult(props: { job: ImportJob }) {
  const { job } = props;
  const { created, updated, unchanged, refused } = job.counts;
  const outcomes = job.summary.outcomes ?? [];
  return (
    <Flex direction="column" gap="3">
      <StatusAlert job={job} />
      <Flex role="list" aria-label="Row counts" gap="4">
        <Text role="listitem">Created: {created}</Text>
        <Text role="listitem">Updated: {updated}</Text>
        <Text role="listitem">Unchanged: {unchanged}</Text>
        <Text role="listitem" color={refused > 0 ? 'danger' : undefined}>
          Refused: {refused}
        </Text>
        {job.summary.installations !== undefined && (
          <Text role="listitem">Software installations: {job.summary.installations}</Text>
        )}
      </Flex>
      {job.summary.ignoredColumns && job.summary.ignoredColumns.length > 0 && (
        <Text color="secondary">
          Columns this format does not use (ignored): {job.summary.ignoredColumns.join(', ')}
        </Text>
      )}
      {job.summary.reading && <Text color="secondary">{readingPhrase(job.summary.reading)}</Text>}
      {job.summary.records && Object.keys(job.summary.records).length > 0 && (
        <Text color="secondary">
          Other records: {Object.entries(job.summary.records).map(([k, n]) => `${n} ${k}`).join(', ')}
        </Text>
      )}
      {(job.errors.length > 0 || job.errorCount > 0) && <RowErrors job={job} />}
      {(job.summary.warnings?.length ?? 0) > 0 && <RowErrors job={job} warnings />}
      {(job.summary.preview?.length ?? 0) > 0 && <Preview rows={job.summary.preview!} applied={job.summary.applied} />}
      {outcomes.length > 0 && <RowOutcomes job={job} outcomes={outcomes} />}
    </Flex>
  );
}
