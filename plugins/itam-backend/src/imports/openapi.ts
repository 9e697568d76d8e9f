// OpenAPI paths of the import routes, merged into the plugin's document.
import { DATE_FORMATS, IMPORT_ENCODINGS, SNIPEIT_KINDS, UNKNOWN_PEOPLE_POLICIES } from '@itam/common';
import { closedObject, errorResponses } from '../service/openapiParts';
import { IMPORT_FORMATS, IMPORT_MODES, IMPORT_STATUSES } from './types';

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

/** What the import did (or, in a dry run, would do) with one row. */
const rowOutcome = closedObject(['row', 'action', 'tag', 'assetId'], {
  row: { type: 'integer', minimum: 1 },
  action: { type: 'string', enum: ['create', 'update', 'unchanged'] },
  tag: { type: 'string' },
  assetId: { type: 'string', description: 'The asset, or for a row that is not an asset the record named by `record` (or empty)' },
  fields: { type: 'array', items: { type: 'string' }, description: 'The fields an update changes' },
  record: { type: 'string', description: 'For a row that is not an asset, what it is: entitlement, hardware-model, user, location' },
});

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
        outcomes: { type: 'array', items: rowOutcome, description: 'The first 200 row outcomes' },
        reading: closedObject(
          [],
          {
            encoding: { type: 'string', enum: [...IMPORT_ENCODINGS] },
            encodingDetected: { type: 'boolean' },
            lineEnding: { type: 'string', enum: ['CRLF', 'LF', 'CR', 'mixed', 'none'] },
            kind: { type: 'string', enum: [...SNIPEIT_KINDS, 'glpi-inventory'] },
            kindDetected: { type: 'boolean' },
            dateFormats: {
              type: 'array',
              items: closedObject(['column', 'format', 'inferred'], { column: { type: 'string' }, format: { type: 'string' }, inferred: { type: 'boolean' } }),
            },
            decimalSeparator: { type: 'string', enum: ['.', ','] },
            mode: { type: 'string', enum: [...IMPORT_MODES] },
            unknownPeople: { type: 'string', enum: [...UNKNOWN_PEOPLE_POLICIES] },
          },
          {
            description: 'How the file was read: encoding, line ending, Snipe-IT kind, date layout per column, decimal separator, mode, unknown-people policy',
          },
        ),
        preview: {
          type: 'array',
          description: 'The first 20 rows as they will be written',
          items: closedObject(['row', 'values'], {
            row: { type: 'integer', minimum: 1 },
            values: {
              type: 'object',
              description: 'Field name, as the register calls it, to value',
              additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
            },
          }),
        },
        warningCount: { type: 'integer' },
        warnings: { type: 'array', items: rowError, description: 'Rows imported with a remark (e.g. a person kept as text); the first 1000' },
        records: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, description: 'Records other than assets written, by kind (products, entitlements, assignments, hardwareModels...)' },
        abandoned: { type: 'boolean', description: 'The backend running the job stopped before it finished' },
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
        'while it runs and the answer is the finished job. The file is read and checked first, ' +
        'then written in one short transaction. By default the job is atomic (any refused row ' +
        'fails it and nothing is written); mode=valid-rows writes the valid rows. It is idempotent ' +
        '(rows match assets by external id, serial number, then tag). A file that cannot be read ' +
        'gets a 400 naming the problem, one beyond a size limit a 413, a Snipe-IT kind out of scope a 422.',
      parameters: [
        {
          name: 'format',
          in: 'query',
          required: true,
          description:
            'snipeit-csv: a Snipe-IT import or export CSV (assets, licenses, models, users, locations); ' +
            'glpi-json: one GLPI agent inventory (Computer, NetworkEquipment, Printer, Phone); ' +
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
        {
          name: 'kind',
          in: 'query',
          required: false,
          description: 'What a Snipe-IT file holds; told from its header when absent (the dry run says which)',
          schema: { type: 'string', enum: [...SNIPEIT_KINDS] },
        },
        {
          name: 'encoding',
          in: 'query',
          required: false,
          description: 'The text encoding; detected when absent (byte order mark, else UTF-8, else Windows-1252)',
          schema: { type: 'string', enum: [...IMPORT_ENCODINGS] },
        },
        {
          name: 'dateFormat',
          in: 'query',
          required: false,
          description:
            'The layout of numeric dates; inferred per column from all its cells when absent. Two-digit years: 69-99 are 1969-1999, 00-68 are 2000-2068',
          schema: { type: 'string', enum: [...DATE_FORMATS] },
        },
        {
          name: 'decimalSeparator',
          in: 'query',
          required: false,
          description: 'The decimal separator of amounts (default dot)',
          schema: { type: 'string', enum: ['.', ',', 'dot', 'comma'] },
        },
        {
          name: 'mode',
          in: 'query',
          required: false,
          description: 'atomic (default): any refused row and nothing is written; valid-rows: the valid rows are written',
          schema: { type: 'string', enum: [...IMPORT_MODES] },
        },
        {
          name: 'unknownPeople',
          in: 'query',
          required: false,
          description:
            'A person not in the catalogue: keep-as-text (default; kept as the attribute custodianName, with a warning), omit, or refuse the row',
          schema: { type: 'string', enum: [...UNKNOWN_PEOPLE_POLICIES] },
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
        ...errors(400, 401, 403, 409, 422),
        '413': {
          description: 'The file, or one of its records, is larger than the limit the message names',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
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
