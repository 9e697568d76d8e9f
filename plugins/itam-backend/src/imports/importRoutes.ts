import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError, serializeError } from '@backstage/errors';
import {
  currencySchema,
  DATE_FORMATS,
  IMPORT_ENCODINGS,
  IMPORT_MODES,
  itamImportPermission,
  SNIPEIT_KINDS,
  UNKNOWN_PEOPLE_POLICIES,
} from '@itam/common';
import type { Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { AssetWriteListener } from '../database/KnexAssetStore';
import type { RouteContext } from '../service/context';
import { parseRequest } from '../service/validate';
import { ImportFileError } from './errors';
import { importAssets, ImportRaceError } from './importAssets';
import { IMPORT_LEASE_RENEW_MS, KnexImportJobStore, newImportJob } from './ImportJobStore';
import { openImportSource, type ImportParameters } from './openSource';
import { importRecords } from './importRecords';
import { IMPORT_FORMATS, type ImportFormat, type ImportJob } from './types';

/** Upload limits: CSV and JSON arrays stream (memory stays bounded); a GLPI inventory is one document. */
export const IMPORT_MAX_BYTES: Record<ImportFormat, number> = {
  'snipeit-csv': 2 * 1024 ** 3,
  'itam-csv': 2 * 1024 ** 3,
  'itam-json': 2 * 1024 ** 3,
  'glpi-json': 32 * 1024 ** 2,
};
const RECENT_JOBS = 50;

const importQuerySchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    dryRun: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .optional()
      .transform(v => v === true || v === 'true'),
    currency: currencySchema.optional(),
    jobId: z.string().uuid().optional(),
    kind: z.enum(SNIPEIT_KINDS).optional(),
    encoding: z.enum(IMPORT_ENCODINGS).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    decimalSeparator: z
      .enum(['.', ',', 'dot', 'comma'])
      .optional()
      .transform(v => (v === 'comma' || v === ',' ? ',' : v === undefined ? undefined : '.')),
    mode: z.enum(IMPORT_MODES).optional(),
    unknownPeople: z.enum(UNKNOWN_PEOPLE_POLICIES).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.kind !== undefined && q.format !== 'snipeit-csv') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kind'], message: 'applies to format=snipeit-csv only' });
    }
  });

/** A short, safe reason for an error that is not the file's fault: never SQL text or values. */
function safeReason(error: unknown): string {
  if (isDatabaseConflictError(error)) {
    return 'another change wrote the same tag or external id meanwhile; nothing was written, run the import again';
  }
  const code = (error as { code?: unknown })?.code;
  return `the database refused the job's writes${typeof code === 'string' && /^[A-Z0-9_]{1,32}$/i.test(code) ? ` (${code})` : ''}; nothing was written`;
}

/** Answers a refused upload in Backstage's error shape with its status (400, 409, 413, 422). */
function refuse(req: Request, res: Response, status: number, name: string, message: string, field?: string) {
  res.status(status).json({
    error: { ...serializeError(Object.assign(new Error(message), { name }), { includeStack: false }) },
    ...(field ? { issues: [{ path: field, message }] } : {}),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  });
}

/**
 * Import routes: upload a file as a job, follow a job, list recent jobs. The upload is read and
 * checked first (streamed, memory bounded, no transaction open), then written in short write
 * transactions committed together (see importAssets); meanwhile `GET /imports/{id}` shows its progress from
 * memory on this instance and from the job row on any instance.
 */
export function registerImportRoutes(router: Router, ctx: RouteContext, db: Knex, analytics: Pick<AnalyticsService, 'invalidateLicencePositions' | 'refreshAssetFindings'>) {
  const running = new Map<string, ImportJob>();
  // Each write and rollback transaction refreshes the risk findings of the assets it touched.
  const assetsWritten: AssetWriteListener = (trx, ids, written) => analytics.refreshAssetFindings(trx, ids, written);
  const jobs = KnexImportJobStore.create(db, assetsWritten);
  // Jobs left running by a backend that stopped are failed as soon as this one starts.
  void jobs.failAbandoned(ctx.now()).catch(() => undefined);

  router.post('/imports', async (req, res) => {
    const credentials = await ctx.authorize(req, itamImportPermission);
    const query = parseRequest(importQuerySchema, req.query, 'query');
    const length = Number(req.header('content-length'));
    const job = newImportJob({
      id: query.jobId ?? ctx.newId(),
      format: query.format,
      dryRun: query.dryRun,
      createdBy: ctx.actor(credentials),
      at: ctx.now(),
      // A length beyond what a bigint column (and a JavaScript number) holds exactly is not stored.
      ...(Number.isSafeInteger(length) && length >= 0 ? { bytesTotal: length } : {}),
    });
    try {
      await jobs.insert(job);
    } catch (error) {
      if (isDatabaseConflictError(error)) throw new ConflictError(`An import job ${job.id} exists already; choose another jobId`);
      throw error;
    }
    running.set(job.id, job);
    const event = await ctx.auditor.createEvent({
      eventId: 'import-run',
      severityLevel: query.dryRun ? 'low' : 'medium',
      request: req,
      meta: { jobId: job.id, format: job.format, dryRun: job.dryRun },
    });

    // Progress and the lease reach the job row between the job's queries: the read phase holds
    // no transaction, so this works on SQLite's single connection too.
    let flushing: Promise<void> | undefined;
    const flush = () => {
      if (flushing) return;
      flushing = jobs
        .saveProgress({ ...job, progress: { ...job.progress } })
        .catch(() => undefined)
        .finally(() => {
          flushing = undefined;
        });
    };
    let lastFlush = 0;
    const lease = setInterval(() => {
      void jobs.renewLease(job.id, ctx.now()).catch(() => undefined);
    }, IMPORT_LEASE_RENEW_MS);

    const parameters: ImportParameters = {
      format: job.format,
      currency: query.currency ?? 'USD',
      kind: query.kind,
      encoding: query.encoding,
      dateFormat: query.dateFormat,
      decimalSeparator: query.decimalSeparator as '.' | ',' | undefined,
      mode: query.mode ?? 'atomic',
      unknownPeople: query.unknownPeople ?? 'keep-as-text',
      maxBytes: IMPORT_MAX_BYTES[job.format],
      onBytes: bytes => {
        job.progress.bytesDone = bytes;
      },
    };
    try {
      const source = await openImportSource(req, parameters, db);
      const options = {
        db,
        // Owners are checked in the catalogue as the caller sees it.
        entityRefs: { assertExist: (refs: string[], field: string) => ctx.entityRefs.assertExist(refs, field, credentials) },
        jobId: job.id,
        dryRun: job.dryRun,
        actor: job.createdBy,
        at: job.createdAt,
        newId: ctx.newId,
        mode: parameters.mode,
        unknownPeople: parameters.unknownPeople,
        onAssetsWritten: assetsWritten,
        onCommit: (trx: Knex.Transaction) => jobs.markCommitted(trx, job.id, ctx.now()),
        onProgress: (rowsDone: number, phase: 'reading' | 'writing') => {
          // Rows read: the write phase counts database rows, which the job does not report.
          if (phase === 'reading') job.progress.rowsDone = rowsDone;
          job.updatedAt = ctx.now();
          const now = Date.now();
          if (now - lastFlush > 250) {
            lastFlush = now;
            flush();
          }
        },
      };
      const result = source.records ? await importRecords(source.records, options) : await importAssets(source.assets, options);
      const reading = source.reading();
      const at = ctx.now();
      const stopped = result.counts.refused > 0 && parameters.mode === 'atomic';
      Object.assign(job, {
        status: stopped ? 'failed' : 'succeeded',
        counts: result.counts,
        errorCount: result.errorCount,
        errors: result.errors,
        updatedAt: at,
        finishedAt: at,
      });
      job.progress.rowsDone = result.rowsTotal;
      job.progress.rowsTotal = result.rowsTotal;
      const ignored = source.ignoredColumns();
      job.summary = {
        applied: result.applied,
        ...(stopped
          ? { message: `${result.counts.refused} row(s) refused: the job wrote nothing; fix them and import the file again, or import the valid rows with mode=valid-rows` }
          : result.counts.refused > 0
            ? { message: `${result.counts.refused} row(s) refused and not written; the other rows were${job.dryRun ? ' checked' : ' written'}` }
            : {}),
        ...(ignored.length > 0 ? { ignoredColumns: ignored } : {}),
        ...(result.installations > 0 ? { installations: result.installations } : {}),
        ...(result.records && Object.keys(result.records).length > 0 ? { records: result.records } : {}),
        outcomes: result.outcomes,
        reading: { ...reading, mode: parameters.mode, unknownPeople: parameters.unknownPeople },
        preview: result.preview,
        ...(result.warningCount > 0 ? { warningCount: result.warningCount, warnings: result.warnings } : {}),
      };
      await flushing;
      await jobs.save(job);
      // Licences, models and installations change what the licence positions count: the next
      // read reconciles again rather than serve the positions from before the import.
      if (result.applied) await analytics.invalidateLicencePositions();
      await event.success({ meta: { jobId: job.id, status: job.status, ...job.counts } });
      res.status(200).json(job);
    } catch (error) {
      const at = ctx.now();
      job.status = 'failed';
      job.updatedAt = at;
      job.finishedAt = at;
      const known = error instanceof ImportFileError || error instanceof ImportRaceError;
      job.summary = { applied: false, message: known ? (error as Error).message : safeReason(error) };
      await flushing;
      await jobs.save(job).catch(() => undefined);
      await event.fail({ error: error as Error, meta: { jobId: job.id } });
      if (error instanceof ImportFileError) {
        refuse(req, res, error.status, error.status === 413 ? 'PayloadTooLargeError' : 'InputError', `Import job ${job.id} failed: ${error.message}`, error.field);
        return;
      }
      if (error instanceof ImportRaceError || isDatabaseConflictError(error)) {
        refuse(req, res, 409, 'ConflictError', `Import job ${job.id} failed: ${job.summary.message}`);
        return;
      }
      ctx.logger.error(`Import job ${job.id} failed`, error as Error);
      throw new Error(`Import job ${job.id} failed: ${job.summary.message}`);
    } finally {
      clearInterval(lease);
      running.delete(job.id);
      // Whatever was not read (the import stopped early) is drained, so the answer still arrives.
      req.unpipe();
      req.resume();
    }
  });

  router.get('/imports', async (req, res) => {
    await ctx.authorize(req, itamImportPermission);
    await jobs.failAbandoned(ctx.now());
    const items = await jobs.listRecent(RECENT_JOBS);
    res.json({
      items: items.map(j => {
        const live = running.get(j.id);
        return live ? { ...live, errors: [] } : j;
      }),
    });
  });

  router.get('/imports/:id', async (req, res) => {
    await ctx.authorize(req, itamImportPermission);
    const live = running.get(req.params.id);
    if (!live) await jobs.failAbandoned(ctx.now());
    const job = live ?? (await jobs.get(req.params.id));
    if (!job) throw new NotFoundError(`No import job ${req.params.id}`);
    res.json(job);
  });
}
