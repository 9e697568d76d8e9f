import type {
  AuditCampaign,
  AuditCampaignWithResult,
  AuditFinding,
  AuditFindingsPage,
  AuditFindingsQuery,
  AuditSummary,
  ImportJob,
} from '@itam/common';

/** A promise the test settles when it chooses, to see a view while a request runs. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A file as the file input hands it over. The test environment's `File` (jsdom's) has no
 * `text()`, which the browser's has, so it is added here.
 */
export function aFile(name: string, content: string, type = 'text/plain'): File {
  const file = new File([content], name, { type });
  if (typeof (file as { text?: unknown }).text !== 'function') {
    Object.defineProperty(file, 'text', { value: async () => content });
  }
  return file;
}

/** A native CSV with two rows, as the register export writes it. */
export const NATIVE_CSV = 'tag,name,assetClass,type,location\nLAP-1,Laptop one,hardware,laptop,Berlin\nLAP-2,Laptop two,hardware,laptop,Munich\n';

/** The start of a Snipe-IT asset export. */
export const SNIPEIT_CSV =
  'Company,Asset Name,Asset Tag,Serial Number,Model,Category,Status,Location,Purchase Cost\n' +
  'Grokability Inc,Spare laptop,GROK-1,SN1,Latitude 5440,Laptops,Ready to Deploy,London HQ,1100\n';

/** A finished import job that wrote its rows; override what a test is about. */
export function anImportJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    format: 'itam-csv',
    dryRun: false,
    status: 'succeeded',
    progress: { rowsDone: 2, rowsTotal: 2, bytesDone: 120, bytesTotal: 120 },
    counts: { created: 1, updated: 1, unchanged: 0, refused: 0 },
    errorCount: 0,
    errors: [],
    summary: {
      applied: true,
      outcomes: [
        { row: 2, action: 'create', tag: 'LAP-1', assetId: 'a1' },
        { row: 3, action: 'update', tag: 'LAP-2', assetId: 'a2', fields: ['location', 'owner'] },
      ],
    },
    createdBy: 'user:default/alex',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:02.000Z',
    finishedAt: '2026-03-01T10:00:02.000Z',
    ...overrides,
  };
}

/** A dry run: what the import would do, nothing written. */
export function aDryRunJob(overrides: Partial<ImportJob> = {}): ImportJob {
  const job = anImportJob({ id: 'job-dry', dryRun: true, ...overrides });
  return { ...job, summary: { ...job.summary, applied: false, ...overrides.summary } };
}

/** An import refused because of bad rows: nothing written, each bad row listed. */
export function aFailedImportJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return anImportJob({
    id: 'job-failed',
    status: 'failed',
    counts: { created: 1, updated: 0, unchanged: 0, refused: 2 },
    errorCount: 3,
    errors: [
      { row: 3, field: 'assetClass', message: 'must be one of "hardware", "software"' },
      { row: 4, field: 'purchaseDate', message: 'must be a date formatted YYYY-MM-DD' },
    ],
    summary: {
      applied: false,
      message: '2 row(s) refused: the job wrote nothing; fix them and import the file again',
      outcomes: [{ row: 2, action: 'create', tag: 'LAP-1', assetId: 'a1' }],
    },
    ...overrides,
  });
}

/** A job still running: rows and bytes done so far, no totals of rows yet. */
export function aRunningImportJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return anImportJob({
    id: 'job-running',
    status: 'running',
    progress: { rowsDone: 120, bytesDone: 500, bytesTotal: 1000 },
    counts: { created: 0, updated: 0, unchanged: 0, refused: 0 },
    summary: { applied: false },
    finishedAt: undefined,
    ...overrides,
  });
}

/** Findings of an open campaign over four laptops, one of each kind plus an unexpected find. */
export const AUDIT_FINDINGS: AuditFinding[] = [
  { kind: 'verified', assetId: 'a1', assetTag: 'LAP-1', registerLocation: 'Berlin', observedLocation: 'Berlin', explanation: 'LAP-1 verified' },
  {
    kind: 'location-mismatch',
    assetId: 'a2',
    assetTag: 'LAP-2',
    registerLocation: 'Berlin',
    observedLocation: 'Munich',
    explanation: 'LAP-2 was seen at Munich, but the register says Berlin',
  },
  { kind: 'not-found', assetId: 'a3', assetTag: 'LAP-3', registerLocation: 'Berlin', explanation: 'LAP-3 was looked for at Berlin and not found' },
  { kind: 'not-observed', assetId: 'a4', assetTag: 'LAP-4', explanation: 'LAP-4 has not been checked yet' },
  {
    kind: 'unexpected',
    assetTag: 'LAP-99',
    observedLocation: 'Berlin',
    explanation: "Seen LAP-99 at Berlin, which is not a register asset in this campaign's scope: register it or explain it",
  },
];

/** The figures of {@link AUDIT_FINDINGS}. */
export function anAuditResult(overrides: Partial<AuditSummary> = {}): AuditSummary {
  return {
    inScope: 4,
    counts: { verified: 1, 'location-mismatch': 1, 'not-found': 1, 'not-observed': 1, unexpected: 1 },
    accuracy: 0.25,
    coverage: 0.75,
    ...overrides,
  };
}

/**
 * `listAuditFindings` over a list of findings as the backend pages it: of the kind asked, `limit`
 * at a time, the cursor being the index to start at.
 */
export function auditFindingsPages(findings: readonly AuditFinding[] = AUDIT_FINDINGS) {
  return async (_id: string, query: AuditFindingsQuery = {}): Promise<AuditFindingsPage> => {
    const listed = findings.filter(f => !query.kind || f.kind === query.kind);
    const start = query.cursor ? Number(query.cursor) : 0;
    const end = start + (query.limit ?? 50);
    return { items: listed.slice(start, end), ...(end < listed.length ? { nextCursor: String(end) } : {}) };
  };
}

/** An open audit campaign over the Berlin laptops. */
export function anAuditCampaign(overrides: Partial<AuditCampaign> = {}): AuditCampaign {
  return {
    id: 'audit-1',
    name: 'Berlin laptops Q1',
    scope: { assetClasses: ['hardware'], locations: ['Berlin'] },
    dueDate: '2026-03-31',
    status: 'open',
    createdBy: 'user:default/alex',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

/** An audit campaign with its (live) findings. */
export function anAuditWithResult(
  overrides: Partial<AuditCampaignWithResult> = {},
): AuditCampaignWithResult {
  return { ...anAuditCampaign(), result: anAuditResult(), ...overrides };
}
