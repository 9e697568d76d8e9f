// OpenAPI paths of the import routes, merged into the plugin's document.
import { errorResponses } from '../service/openapiParts';
import { IMPORT_FORMATS, IMPORT_STATUSES } from './types';

const errors = errorResponses;

const rowError = {
  type: 'object',
  required: ['row', 'field', 'message'],
  properties: {
    row: { type: 'integer', description: 'CSV record number counting the header as 1, or the 1-based JSON item' },
    field: { type: 'string', description: 'The column (CSV) or field (JSON) concerned' },
    message: { type: 'string' },
  },
};

const importJob = {
  type: 'object',
  required: ['id', 'format', 'dryRun', 'status', 'progress', 'counts', 'errorCount', 'errors', 'summary', 'createdBy', 'createdAt'],
  properties: {
    id: { type: 'string' },
    format: { type: 'string', enum: [...IMPORT_FORMATS] },
    dryRun: { type: 'boolean' },
    status: { type: 'string', enum: [...IMPORT_STATUSES] },
    progress: {
      type: 'object',
      required: ['rowsDone', 'bytesDone'],
      properties: {
        rowsDone: { type: 'integer' },
        rowsTotal: { type: 'integer', description: 'Known once the whole file has been read' },
        bytesDone: { type: 'integer' },
        bytesTotal: { type: 'integer', description: 'The Content-Length of the upload' },
      },
    },
    counts: {
      type: 'object',
      required: ['created', 'updated', 'unchanged', 'refused'],
      properties: {
        created: { type: 'integer' },
        updated: { type: 'integer' },
        unchanged: { type: 'integer' },
        refused: { type: 'integer' },
      },
    },
    errorCount: { type: 'integer', description: 'Every row error; `errors` keeps the first 1000' },
    errors: { type: 'array', items: rowError },
    summary: {
      type: 'object',
      required: ['applied'],
      properties: {
        applied: { type: 'boolean', description: 'Whether the changes were written' },
        message: { type: 'string' },
        ignoredColumns: { type: 'array', items: { type: 'string' } },
        installations: { type: 'integer' },
        outcomes: { type: 'array', items: { type: 'object' }, description: 'The first 200 row outcomes' },
      },
    },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    finishedAt: { type: 'string' },
  },
};

const jobResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: importJob } },
});

// The upload is streamed by the handler, so its schema says only "a file".
const upload = { schema: {} };

/** @public */
export const importPaths = {
  '/imports': {
    get: {
      operationId: 'listImportJobs',
      responses: {
        '200': {
          description: 'The 50 most recent import jobs, newest first (without their row errors)',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: importJob } } },
            },
          },
        },
        ...errors(401, 403),
      },
    },
    post: {
      operationId: 'runImport',
      description:
        'Imports one file as one job, inside the request: the job row is visible (with progress) ' +
        'while it runs and the answer is the finished job. The job is atomic (any refused row ' +
        'fails it and nothing is written) and idempotent (rows match assets by external id, ' +
        'serial number, then tag). A file that cannot be read gets a 400 naming the problem.',
      parameters: [
        {
          name: 'format',
          in: 'query',
          required: true,
          description:
            'snipeit-csv: Snipe-IT asset CSV; glpi-json: one GLPI agent inventory of a computer; ' +
            'itam-csv: the register export; itam-json: an array of create-asset bodies',
          schema: { type: 'string', enum: [...IMPORT_FORMATS] },
        },
        {
          name: 'dryRun',
          in: 'query',
          required: false,
          description: 'Report what would be created, updated and refused, writing nothing but the job',
          schema: { type: 'boolean' },
        },
        {
          name: 'currency',
          in: 'query',
          required: false,
          description: 'ISO 4217 currency of the costs in a Snipe-IT file (default USD)',
          schema: { type: 'string', pattern: '^[A-Z]{3}$' },
        },
        {
          name: 'jobId',
          in: 'query',
          required: false,
          description:
            'A UUID the client chooses for the job, so it can follow GET /imports/{id} while the upload runs ' +
            '(the upload itself answers when the job has finished); 409 if a job has it already',
          schema: { type: 'string', format: 'uuid' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'text/csv': upload,
          'application/json': upload,
          'text/plain': upload,
          'application/octet-stream': upload,
        },
      },
      responses: {
        '200': jobResponse('The finished job: succeeded, or failed with its row errors'),
        ...errors(400, 401, 403, 409),
      },
    },
  },
  '/imports/{id}': {
    get: {
      operationId: 'getImportJob',
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'Import job id', schema: { type: 'string', minLength: 1 } },
      ],
      responses: { '200': jobResponse('The job with its progress and row errors'), ...errors(401, 403, 404) },
    },
  },
} as const;
