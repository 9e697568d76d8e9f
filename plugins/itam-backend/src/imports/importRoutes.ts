import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { currencySchema, itamImportPermission } from '@itam/common';
import type { Request, Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { RouteContext } from '../service/context';
import { ItamInputError } from '../service/errors';
import { parseRequest } from '../service/validate';
import { ImportFileError } from './errors';
import { glpiFieldName, mapGlpiInventory } from './glpi';
import { importAssets } from './importAssets';
import { ImportJobStore, newImportJob } from './ImportJobStore';
import { nativeCsvSource, nativeJsonSource } from './native';
import { readCsvRecords, readJsonArrayItems, readJsonDocument, type ReadOptions } from './readers';
import { snipeItSource } from './snipeit';
import { IMPORT_FORMATS, type ImportFormat, type ImportJob, type MappedSource } from './types';

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
  })
  .strict();

/** The rows of the upload in the requested format, read as a stream where the body is unread. */
function openSource(req: Request, format: ImportFormat, currency: string, read: ReadOptions): MappedSource {
  // The router's JSON parser leaves /imports alone, so every body arrives here unread.
  const sentJson = /\bjson\b/i.test(req.headers['content-type'] ?? '');
  switch (format) {
    case 'snipeit-csv':
    case 'itam-csv': {
      if (sentJson) throw new ImportFileError(`The ${format} format needs a CSV body (Content-Type text/csv), not JSON`);
      const records = readCsvRecords(req, read);
      return format === 'snipeit-csv' ? snipeItSource(records, { currency }) : nativeCsvSource(records);
    }
    case 'itam-json':
      return nativeJsonSource(readJsonArrayItems(req, read));
    case 'glpi-json':
    default:
      return {
        rows: (async function* glpiRows() {
          yield mapGlpiInventory(await readJsonDocument(req, read));
        })(),
        fieldName: glpiFieldName,
      };
  }
}

/**
 * Import routes: upload a file as a job, follow a job, list recent jobs. The upload is processed
 * inside the request (streamed: memory stays bounded however large the file) and answered with
 * the finished job; meanwhile `GET /imports/{id}` shows its progress, from memory on this
 * instance and from the job row (updated after every chunk) on PostgreSQL.
 */
export function registerImportRoutes(router: Router, ctx: RouteContext, db: Knex) {
  const running = new Map<string, ImportJob>();
  const jobs = new ImportJobStore(db);

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

    // Progress reaches the job row outside the import's transaction, where the database allows
    // a second connection (PostgreSQL); SQLite has one, so there it lives in `running` only.
    const sharedProgress = db.client.config.client === 'pg';
    let flushing: Promise<void> | undefined;
    const flush = () => {
      if (!sharedProgress || flushing) return;
      flushing = jobs
        .saveProgress({ ...job, progress: { ...job.progress } })
        .catch(() => undefined)
        .finally(() => {
          flushing = undefined;
        });
    };

    try {
      const source = openSource(req, job.format, query.currency ?? 'USD', {
        maxBytes: IMPORT_MAX_BYTES[job.format],
        onBytes: bytes => {
          job.progress.bytesDone = bytes;
        },
      });
      const result = await importAssets(source, {
        db,
        // Owners are checked in the catalogue as the caller sees it.
        entityRefs: { assertExist: (refs, field) => ctx.entityRefs.assertExist(refs, field, credentials) },
        jobId: job.id,
        dryRun: job.dryRun,
        actor: job.createdBy,
        at: job.createdAt,
        newId: ctx.newId,
        onProgress: rowsDone => {
          job.progress.rowsDone = rowsDone;
          job.updatedAt = ctx.now();
          flush();
        },
      });
      const at = ctx.now();
      Object.assign(job, {
        status: result.counts.refused > 0 ? 'failed' : 'succeeded',
        counts: result.counts,
        errorCount: result.errorCount,
        errors: result.errors,
        updatedAt: at,
        finishedAt: at,
      });
      job.progress.rowsDone = result.rowsTotal;
      job.progress.rowsTotal = result.rowsTotal;
      job.summary = {
        applied: result.applied,
        ...(result.counts.refused > 0
          ? { message: `${result.counts.refused} row(s) refused: the job wrote nothing; fix them and import the file again` }
          : {}),
        ...(source.ignoredColumns && source.ignoredColumns().length > 0 ? { ignoredColumns: source.ignoredColumns() } : {}),
        ...(result.installations > 0 ? { installations: result.installations } : {}),
        outcomes: result.outcomes,
      };
      await flushing;
      await jobs.save(job);
      await event.success({ meta: { jobId: job.id, status: job.status, ...job.counts } });
      res.status(200).json(job);
    } catch (error) {
      const at = ctx.now();
      job.status = 'failed';
      job.updatedAt = at;
      job.finishedAt = at;
      job.summary = { applied: false, message: (error as Error).message };
      await flushing;
      await jobs.save(job);
      await event.fail({ error: error as Error, meta: { jobId: job.id } });
      if (error instanceof ImportFileError) {
        throw new ItamInputError(
          [{ path: error.field, message: error.message }],
          `Import job ${job.id} failed: ${error.message}`,
        );
      }
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(
          `Import job ${job.id} failed: another change wrote the same tag or external id meanwhile; nothing was written, run the import again`,
        );
      }
      throw error;
    } finally {
      running.delete(job.id);
      // Whatever was not read (the import stopped early) is drained, so the answer still arrives.
      req.unpipe();
      req.resume();
    }
  });

  router.get('/imports', async (req, res) => {
    await ctx.authorize(req, itamImportPermission);
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
    const job = running.get(req.params.id) ?? (await jobs.get(req.params.id));
    if (!job) throw new NotFoundError(`No import job ${req.params.id}`);
    res.json(job);
  });
}
