import type { ImportEncoding } from '@itam/common';
import { parse } from 'csv-parse';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { decodeUpload, type TextReading } from './decodeText';
import { ImportFileError } from './errors';

/** The longest CSV record read (an unclosed quote cannot make the reader buffer the upload). */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** The most columns a CSV header may have. */
export const MAX_HEADER_COLUMNS = 500;

/** How a reader is told about bytes read and held to a size. */
export interface ReadOptions {
  maxBytes: number;
  onBytes?: (bytesRead: number) => void;
  /** The encoding to read the upload in; detected when absent. */
  encoding?: ImportEncoding;
  /** Filled in by the reader: how the upload was read (encoding, line ending). */
  text?: { reading?: () => TextReading };
}

/**
 * Pipes an upload into the decoder without tying their fates together: when the decoder
 * fails (bad encoding, too large) the upload is only unpiped, so the caller can drain it and
 * still answer with a clear error instead of a reset connection.
 */
function decoded(source: Readable, options: ReadOptions & { countLineEndings?: boolean }): Transform {
  const decoder = decodeUpload(options);
  if (options.text) options.text.reading = () => decoder.reading();
  source.on('error', e => decoder.destroy(e));
  return source.pipe(decoder);
}

/** A CSV record with its row number (the header is row 1). */
export interface CsvRecord {
  row: number;
  values: string[];
}

/**
 * Streams the records of a CSV upload: decoded (see decodeUpload), BOM dropped, any mix of CRLF,
 * LF and CR line breaks accepted, blank lines skipped. The first record is the header, held to
 * {@link MAX_HEADER_COLUMNS}; every record to {@link MAX_RECORD_CHARS}. A malformed file fails
 * with an {@link ImportFileError} naming the line.
 */
export async function* readCsvRecords(source: Readable, options: ReadOptions): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    // Any mix of line breaks, CRLF tried first; inside a quoted cell they stay as written.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const records = pipeline(decoded(source, { ...options, countLineEndings: true }), parser, () => undefined);
  // Counted here rather than with the parser's `info` option (its records count, the same
  // number), which builds an info object per record: over a quarter of the parser's time.
  let row = 0;
  try {
    for await (const values of records as AsyncIterable<string[]>) {
      if (row === 0 && values.length > MAX_HEADER_COLUMNS) {
        throw new ImportFileError(
          `The header has ${values.length} columns, more than the limit of ${MAX_HEADER_COLUMNS} columns`,
          'header',
        );
      }
      yield { row: ++row, values };
    }
  } catch (e) {
    throw asFileError(e);
  }
}

function asFileError(e: unknown): Error {
  if (e instanceof ImportFileError) return e;
  const err = e as { code?: string; message?: string; lines?: number };
  if (err?.code === 'CSV_MAX_RECORD_SIZE') {
    return new ImportFileError(
      `A record${err.lines ? ` near line ${err.lines}` : ''} is longer than the limit of ${MAX_RECORD_CHARS / 1024} KiB per record (is a quote left open?)`,
      'file',
      413,
    );
  }
  if (typeof err?.code === 'string' && err.code.startsWith('CSV_')) {
    return new ImportFileError(
      `The CSV is malformed${err.lines ? ` near line ${err.lines}` : ''}: ${err.message}`,
    );
  }
  return e as Error;
}

/** Reads a whole (small) JSON document, UTF-8 checked, failing clearly on bad JSON. */
export async function readJsonDocument(source: Readable, options: ReadOptions): Promise<unknown> {
  const text = decoded(source, options);
  text.setEncoding('utf8');
  let body = '';
  for await (const chunk of text) body += chunk as string;
  if (body.trim() === '') throw new ImportFileError('The file is empty: expected a JSON document');
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new ImportFileError(`The file is not valid JSON: ${(e as Error).message}`);
  }
}

/** A JSON array item: its 1-based position and its value (or why it is not valid JSON). */
export type JsonArrayItem = { row: number; value: unknown } | { row: number; error: string };

/**
 * Streams the items of a top-level JSON array without holding the file: each item's text is
 * cut out by a small scanner (strings, escapes and nesting) and parsed on its own, so memory is
 * bounded by the largest item (`maxItemChars`).
 */
export async function* readJsonArrayItems(
  source: Readable,
  options: ReadOptions & { maxItemChars?: number },
): AsyncGenerator<JsonArrayItem> {
  const maxItemChars = options.maxItemChars ?? 1024 * 1024;
  const text = decoded(source, options);
  text.setEncoding('utf8');
  // before: waiting for "[", items: inside the array, after: past "]".
  let state: 'before' | 'items' | 'after' = 'before';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let item = '';
  let row = 0;
  let position = 0;
  const tooLong = () => new ImportFileError(`JSON array item ${row + 1} is longer than ${maxItemChars} characters`);
  const finishItem = (): JsonArrayItem | undefined => {
    if (item.length > maxItemChars) throw tooLong();
    const raw = item.trim();
    item = '';
    if (raw === '') return undefined;
    row++;
    try {
      return { row, value: JSON.parse(raw) };
    } catch (e) {
      return { row, error: `item ${row} is not valid JSON: ${(e as Error).message}` };
    }
  };
  for await (const chunk of text) {
    const s = chunk as string;
    let start = 0;
    for (let i = 0; i < s.length; i++, position++) {
      const c = s[i];
      if (state === 'before') {
        if (c === '[') {
          state = 'items';
          start = i + 1;
        } else if (!/\s/.test(c)) {
          throw new ImportFileError(`The file must be a JSON array of assets; found "${c}" at character ${position}`);
        }
        continue;
      }
      if (state === 'after') {
        if (!/\s/.test(c)) throw new ImportFileError(`Unexpected "${c}" after the end of the JSON array (character ${position})`);
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
      else if (depth === 0 && (c === ',' || c === ']')) {
        item += s.slice(start, i);
        start = i + 1;
        const done = finishItem();
        if (!done && c === ',') throw new ImportFileError(`Empty item in the JSON array at character ${position}`);
        if (done) yield done;
        if (c === ']') state = 'after';
      }
    }
    if (state === 'items') {
      item += s.slice(start);
      if (item.length > maxItemChars) throw tooLong();
    }
  }
  if (state === 'before') throw new ImportFileError('The file is empty: expected a JSON array of assets');
  if (state === 'items') throw new ImportFileError('The JSON array is not closed: the file ends inside it');
}
