import type {
  DateFormat,
  DecimalSeparator,
  ImportEncoding,
  ImportMode,
  ImportReading,
  SnipeItKind,
  UnknownPeoplePolicy,
} from '@itam/common';
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { TextReading } from './decodeText';
import { ImportFileError } from './errors';
import { glpiSource } from './glpi';
import { nativeCsvSource, nativeJsonSource } from './native';
import { readCsvRecords, readJsonArrayItems, readJsonDocument, type CsvRecord, type ReadOptions } from './readers';
import { snipeItSource } from './snipeit/assets';
import { detectSnipeItKind, refuseStockKind } from './snipeit/detectKind';
import { openSnipeItRecords, type RecordSource } from './snipeit/records';
import { hardwareModelEolMonths } from './snipeit/models';
import type { ImportFormat, MappedSource } from './types';

/** The parameters of an upload, as the route read them. */
export interface ImportParameters {
  format: ImportFormat;
  currency: string;
  kind?: SnipeItKind;
  encoding?: ImportEncoding;
  dateFormat?: DateFormat;
  decimalSeparator?: DecimalSeparator;
  mode: ImportMode;
  unknownPeople: UnknownPeoplePolicy;
  maxBytes: number;
  onBytes?: (bytes: number) => void;
  stagingDir?: string;
}

/** An opened upload: asset rows for the asset pipeline, or records of another kind. */
export interface OpenedSource {
  assets: MappedSource;
  records?: RecordSource;
  reading(): ImportReading;
  ignoredColumns(): string[];
}

/** The records of a CSV after its header: the header read first, so the kind can be told. */
async function withHeader(records: AsyncIterable<CsvRecord>) {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : first.value;
  const all: AsyncIterable<CsvRecord> = {
    [Symbol.asyncIterator]: () => {
      let sentHeader = header === undefined;
      return {
        next: async () => {
          if (!sentHeader) {
            sentHeader = true;
            return { done: false, value: header! };
          }
          return iterator.next();
        },
      };
    },
  };
  return { header, records: all };
}

/**
 * Opens an upload in the requested format: the body is read as a stream (the router's JSON
 * parser leaves /imports alone). For Snipe-IT files the kind is the `kind` parameter or is told
 * from the header; stock kinds are refused.
 */
export async function openImportSource(req: Request, parameters: ImportParameters, db: Knex): Promise<OpenedSource> {
  const sentJson = /\bjson\b/i.test(req.headers['content-type'] ?? '');
  const text: { reading?: () => TextReading } = {};
  const read: ReadOptions = {
    maxBytes: parameters.maxBytes,
    onBytes: parameters.onBytes,
    encoding: parameters.encoding,
    text,
  };
  const base = (extra: Partial<ImportReading> = {}) => (): ImportReading => {
    const t = text.reading?.();
    return {
      ...(t ? { encoding: t.encoding, encodingDetected: t.detected } : {}),
      ...(t && parameters.format.endsWith('-csv') ? { lineEnding: t.lineEnding } : {}),
      ...extra,
    };
  };
  switch (parameters.format) {
    case 'snipeit-csv':
    case 'itam-csv': {
      if (sentJson) {
        throw new ImportFileError(`The ${parameters.format} format needs a CSV body (Content-Type text/csv), not JSON`, 'content-type', 400);
      }
      const { header, records } = await withHeader(readCsvRecords(req, read));
      if (parameters.format === 'itam-csv') {
        const source = nativeCsvSource(records);
        return { assets: source, reading: base(), ignoredColumns: () => source.ignoredColumns?.() ?? [] };
      }
      // A header no kind claims is read as assets, Snipe-IT's default import: the missing columns
      // are then named.
      const detected = header ? detectSnipeItKind(header.values) : undefined;
      const kind = parameters.kind ?? detected ?? 'assets';
      if (kind === 'accessories' || kind === 'consumables' || kind === 'components') refuseStockKind(kind);
      const options = {
        currency: parameters.currency,
        dateFormat: parameters.dateFormat,
        decimalSeparator: parameters.decimalSeparator ?? '.',
        stagingDir: parameters.stagingDir,
      };
      const kindReading = { kind, kindDetected: parameters.kind === undefined && detected !== undefined, decimalSeparator: options.decimalSeparator };
      if (kind === 'assets') {
        const models = await hardwareModelEolMonths(db);
        const source = snipeItSource(records, { ...options, modelEolMonths: name => models.get(name.trim().toLowerCase()) });
        return {
          assets: source,
          reading: () => ({
            ...base(kindReading)(),
            dateFormats: source.dateFormats().map(f => ({ column: f.column, format: f.format, inferred: f.inferred })),
          }),
          ignoredColumns: () => source.ignoredColumns?.() ?? [],
        };
      }
      const source = openSnipeItRecords(kind, records, options);
      return {
        assets: { rows: (async function* none() {})(), fieldName: p => p },
        records: source,
        reading: () => ({
          ...base(kindReading)(),
          dateFormats: source.dateFormats().map(f => ({ column: f.column, format: f.format, inferred: f.inferred })),
        }),
        ignoredColumns: () => source.ignoredColumns(),
      };
    }
    case 'itam-json':
      return { assets: nativeJsonSource(readJsonArrayItems(req, read)), reading: base(), ignoredColumns: () => [] };
    case 'glpi-json':
    default: {
      const source = glpiSource(() => readJsonDocument(req, read));
      return { assets: source, reading: base({ kind: 'glpi-inventory', kindDetected: true }), ignoredColumns: () => [] };
    }
  }
}
