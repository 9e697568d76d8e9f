import type { Knex } from 'knex';
import type { HardwareModel } from '../imports/snipeit/models';

/** A hardware model as the API serves it, with when it was imported and by whom. */
export interface StoredHardwareModel extends HardwareModel {
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One page of hardware models, ordered by name then id. */
export interface HardwareModelPage {
  items: StoredHardwareModel[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
}

/** Reads the hardware models imports record (Snipe-IT model files). */
export interface HardwareModelStore {
  listModels(query: { limit: number; after?: { nameKey: string; id: string }; q?: string }): Promise<{
    items: (StoredHardwareModel & { nameKey: string })[];
    hasMore: boolean;
  }>;
  getModel(id: string): Promise<StoredHardwareModel | undefined>;
}

interface ModelRow {
  id: string;
  name_key: string;
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (row: ModelRow): StoredHardwareModel & { nameKey: string } => ({
  ...(JSON.parse(row.data) as HardwareModel),
  nameKey: row.name_key,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Escapes LIKE wildcards so a search for `50%` finds the text `50%`. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/** {@link HardwareModelStore} on the plugin's database (`itam_hardware_models`). */
export class KnexHardwareModelStore implements HardwareModelStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): KnexHardwareModelStore {
    return new KnexHardwareModelStore(db);
  }

  async listModels(query: { limit: number; after?: { nameKey: string; id: string }; q?: string }) {
    const select = this.db<ModelRow>('itam_hardware_models')
      .select('id', 'name_key', 'data', 'created_by', 'created_at', 'updated_at')
      .orderBy([{ column: 'name_key' }, { column: 'id' }])
      .limit(query.limit + 1);
    if (query.after) {
      const { nameKey, id } = query.after;
      select.where(w => w.where('name_key', '>', nameKey).orWhere(w2 => w2.where('name_key', nameKey).andWhere('id', '>', id)));
    }
    if (query.q) {
      // name_key is case-folded, so a folded search matches names in any case.
      const pattern = `%${likeEscaped(query.q.trim().toLowerCase())}%`;
      select.where(w =>
        w
          .whereRaw("name_key like ? escape '\\'", [pattern])
          .orWhereRaw("lower(coalesce(manufacturer, '')) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(coalesce(model_number, '')) like ? escape '\\'", [pattern]),
      );
    }
    const rows = await select;
    return { items: rows.slice(0, query.limit).map(fromRow), hasMore: rows.length > query.limit };
  }

  async getModel(id: string) {
    const row = await this.db<ModelRow>('itam_hardware_models')
      .where('id', id)
      .first('id', 'name_key', 'data', 'created_by', 'created_at', 'updated_at');
    if (!row) return undefined;
    const { nameKey: _nameKey, ...model } = fromRow(row);
    return model;
  }
}
