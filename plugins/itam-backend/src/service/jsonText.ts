import type { Response } from 'express';

/**
 * Sends `{"items":[...],"nextCursor":...}` built from items that are already JSON text (assets as
 * stored), so large pages skip a parse and a re-serialisation of every asset. The body is what
 * `res.json` would send for the parsed items.
 */
export function sendJsonItems(res: Response, items: readonly string[], nextCursor?: string, fields: Record<string, unknown> = {}) {
  sendJsonItemsText(res, items.join(','), nextCursor, fields);
}

/**
 * {@link sendJsonItems} for items already joined into one text: the array's elements,
 * comma-separated, without the brackets (as the database aggregates them).
 */
export function sendJsonItemsText(res: Response, itemsText: string, nextCursor?: string, fields: Record<string, unknown> = {}) {
  const cursor = nextCursor === undefined ? '' : `,"nextCursor":${JSON.stringify(nextCursor)}`;
  // Other members of the answer (e.g. counts), serialised as usual, before the items.
  const head = Object.entries(fields)
    .map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)},`)
    .join('');
  res.type('application/json').send(`{${head}"items":[${itemsText}]${cursor}}`);
}
