import { createAsset, newAssetSchema, parseOrThrow, type Asset } from '@itam/common';
import type { AssetStore } from '../database/AssetStore';
import { EXAMPLE_ASSETS } from './exampleAssets';

const ACTOR = 'itam:example-data';

/**
 * Loads the example estate into an empty register (does nothing if any asset exists, so a
 * restart keeps what a user changed). Goes through the domain functions, so the example history
 * is as real as any other.
 *
 * @returns the number of assets created.
 * @public
 */
export async function seedExampleData(
  store: AssetStore,
  options: { now?: () => Date; newId?: () => string } = {},
): Promise<number> {
  const existing = await store.listAssets({ limit: 1 });
  if (existing.items.length > 0) return 0;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const byTag = new Map<string, Asset>();
  for (const example of EXAMPLE_ASSETS) {
    const data = parseOrThrow(newAssetSchema, example.asset, `example asset ${example.asset.tag}`);
    const asset = await store.createAsset(createAsset({ id: newId(), data, actor: ACTOR, at: now() }));
    byTag.set(asset.tag, asset);
  }
  for (const example of EXAMPLE_ASSETS) {
    const asset = byTag.get(example.asset.tag)!;
    const stamp = { actor: ACTOR, at: now() };
    for (const link of example.entityLinks ?? []) await store.addEntityLink(asset.id, link, stamp);
    for (const link of example.assetLinks ?? []) {
      await store.addAssetLink(
        { sourceAssetId: asset.id, type: link.type, targetAssetId: byTag.get(link.targetTag)!.id },
        stamp,
      );
    }
    for (const ticket of example.tickets ?? []) await store.upsertTicketLink(asset.id, ticket, stamp);
  }
  return EXAMPLE_ASSETS.length;
}
