import type { Knex } from 'knex';

/** A hardware model as the register keeps it. */
export interface HardwareModel {
  id: string;
  name: string;
  manufacturer?: string;
  modelNumber?: string;
  category?: string;
  /** The model's life in months: assets of it reach end of life this long after purchase. */
  eolMonths?: number;
  notes?: string;
  requestable?: boolean;
}

/** A row of `itam_hardware_models`. */
export interface HardwareModelRow {
  id: string;
  name: string;
  name_key: string;
  manufacturer: string | null;
  model_number: string | null;
  category: string | null;
  eol_months: number | null;
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export const modelNameKey = (name: string) => name.trim().toLowerCase().slice(0, 200);

export function modelToRow(model: HardwareModel, stamp: { actor: string; at: string; createdAt?: string }): HardwareModelRow {
  return {
    id: model.id,
    name: model.name,
    name_key: modelNameKey(model.name),
    manufacturer: model.manufacturer ?? null,
    model_number: model.modelNumber ?? null,
    category: model.category ?? null,
    eol_months: model.eolMonths ?? null,
    data: JSON.stringify(model),
    created_by: stamp.actor,
    created_at: stamp.createdAt ?? stamp.at,
    updated_at: stamp.at,
  };
}

/** Every model's life in months by case-folded name (models are few: one query, held for a job). */
export async function hardwareModelEolMonths(db: Knex): Promise<Map<string, number>> {
  const rows: { name_key: string; eol_months: number }[] = await db('itam_hardware_models')
    .whereNotNull('eol_months')
    .select('name_key', 'eol_months');
  return new Map(rows.map(r => [r.name_key, Number(r.eol_months)]));
}
