import { neutraliseFormulaCell, type Asset } from '@itam/common';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/** Register export columns, in the native import format's names so an export re-imports. */
export const ASSET_CSV_COLUMNS: { header: string; value: (a: Asset) => unknown }[] = [
  { header: 'id', value: a => a.id },
  { header: 'tag', value: a => a.tag },
  { header: 'name', value: a => a.name },
  { header: 'assetClass', value: a => a.assetClass },
  { header: 'type', value: a => a.type },
  { header: 'lifecycleStage', value: a => a.lifecycleStage },
  { header: 'criticality', value: a => a.criticality },
  { header: 'dataClassification', value: a => a.dataClassification },
  { header: 'serialNumber', value: a => a.serialNumber },
  { header: 'owner', value: a => a.owner },
  { header: 'custodian', value: a => a.custodian },
  { header: 'location', value: a => a.location },
  { header: 'costCentre', value: a => a.costCentre },
  { header: 'purchaseDate', value: a => a.purchase?.date },
  { header: 'purchaseCost', value: a => a.purchase?.cost },
  { header: 'currency', value: a => a.purchase?.currency },
  { header: 'supplier', value: a => a.purchase?.supplier },
  { header: 'orderNumber', value: a => a.purchase?.orderNumber },
  { header: 'warrantyEnd', value: a => a.warrantyEnd },
  { header: 'endOfLife', value: a => a.endOfLife },
  { header: 'endOfSupport', value: a => a.endOfSupport },
  {
    header: 'externalIds',
    // Space-separated `source:id` pairs; `%` and white space inside an id are percent-encoded so
    // the import (imports/native.ts) splits them back exactly.
    value: a => a.externalIds.map(e => `${e.source}:${e.sourceId.replace(/[%\s]/g, encodeURIComponent)}`).join(' '),
  },
  { header: 'version', value: a => a.version },
  { header: 'updatedAt', value: a => a.updatedAt },
];

/**
 * A cell as written: text that a spreadsheet would evaluate as a formula gets a leading
 * apostrophe (`neutraliseFormulaCell`); numbers stay numbers.
 */
function cell(value: unknown): unknown {
  return typeof value === 'string' ? neutraliseFormulaCell(value) : (value ?? '');
}

/**
 * Streams batches of assets as CSV (RFC 4180, header row first) into `out`, with formula-leading
 * text cells neutralised against spreadsheet formula injection (see the README's "CSV export").
 */
export async function writeAssetsCsv(batches: AsyncIterable<Asset[]>, out: Writable): Promise<void> {
  async function* records() {
    for await (const batch of batches) {
      for (const asset of batch) yield ASSET_CSV_COLUMNS.map(c => cell(c.value(asset)));
    }
  }
  await pipeline(
    Readable.from(records()),
    // A cell with a CR is quoted too (the writer quotes only its own LF line break): the import
    // takes a lone CR outside quotes as a line break, as old Mac files have them.
    stringify({ header: true, columns: ASSET_CSV_COLUMNS.map(c => c.header), quoted_match: '\r' }),
    out,
  );
}
