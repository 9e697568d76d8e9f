import type { Knex } from 'knex';

/** The tags of some assets, by id (ids not in the register are left out). */
export async function assetTagsOf(db: Knex, assetIds: readonly string[]): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  for (let i = 0; i < assetIds.length; i += 500) {
    const rows: { id: string; tag: string }[] = await db('itam_assets').whereIn('id', assetIds.slice(i, i + 500)).select('id', 'tag');
    for (const r of rows) tags.set(r.id, r.tag);
  }
  return tags;
}
