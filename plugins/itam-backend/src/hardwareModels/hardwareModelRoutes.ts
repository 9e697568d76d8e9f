import { InputError, NotFoundError } from '@backstage/errors';
import { itamAssetReadPermission, safeText } from '@itam/common';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../service/context';
import { parseRequest } from '../service/validate';
import type { HardwareModelStore } from './HardwareModelStore';

const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().min(1).max(1000).optional(),
    q: safeText(z.string().trim().min(1).max(200)).optional(),
  })
  .strict();

/** Opaque keyset cursor: the last model of the previous page, by the list's order. */
function encodeModelCursor(after: { nameKey: string; id: string }): string {
  return Buffer.from(JSON.stringify({ n: after.nameKey, i: after.id }), 'utf8').toString('base64url');
}

function decodeModelCursor(cursor: string): { nameKey: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed?.n === 'string' && typeof parsed?.i === 'string') return { nameKey: parsed.n, id: parsed.i };
  } catch {
    // answered below
  }
  throw new InputError('cursor: not a cursor this list returned');
}

/**
 * Hardware models (what Snipe-IT model files import): reference data about assets, so whoever
 * may read assets may read them.
 */
export function registerHardwareModelRoutes(router: Router, ctx: RouteContext, models: HardwareModelStore) {
  router.get('/hardware-models', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const query = parseRequest(listQuerySchema, req.query, 'query');
    const page = await models.listModels({
      limit: query.limit ?? 100,
      ...(query.cursor ? { after: decodeModelCursor(query.cursor) } : {}),
      ...(query.q ? { q: query.q } : {}),
    });
    const last = page.items.at(-1);
    res.json({
      items: page.items.map(({ nameKey: _nameKey, ...model }) => model),
      ...(page.hasMore && last ? { nextCursor: encodeModelCursor(last) } : {}),
    });
  });

  router.get('/hardware-models/:id', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const model = await models.getModel(req.params.id);
    if (!model) throw new NotFoundError(`No hardware model ${req.params.id}`);
    res.json(model);
  });
}
