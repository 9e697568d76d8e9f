import {
  ASSET_CLASSES,
  CRITICALITY_TIERS,
  DATA_CLASSIFICATIONS,
  LIFECYCLE_STAGES,
  type Asset,
} from '@itam/common';
import {
  ASSET_CLASS_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASSIFICATION_LABELS,
  LIFECYCLE_STAGE_LABELS,
} from '../../utils/labels';

/** One field of the form, named by its path in the asset input (as validation issues are). */
export interface FormField {
  path: string;
  label: string;
  required?: boolean;
  options?: { id: string; label: string }[];
  multiline?: boolean;
  placeholder?: string;
  description?: string;
  /** Only when registering (the stage changes through transitions afterwards). */
  createOnly?: boolean;
  /** Sent as a number. */
  numeric?: boolean;
}

/** The form's sections and their fields. */
export const FORM_SECTIONS: { title: string; fields: FormField[] }[] = [
  {
    title: 'Identity',
    fields: [
      { path: 'tag', label: 'Asset tag', required: true, placeholder: 'LAP-00042' },
      { path: 'name', label: 'Name', required: true },
      {
        path: 'assetClass',
        label: 'Class',
        required: true,
        options: ASSET_CLASSES.map(c => ({ id: c, label: ASSET_CLASS_LABELS[c] })),
      },
      { path: 'type', label: 'Type', required: true, placeholder: 'laptop, virtual-machine, saas' },
      { path: 'serialNumber', label: 'Serial number' },
      { path: 'description', label: 'Description', multiline: true },
    ],
  },
  {
    title: 'Classification',
    fields: [
      {
        path: 'criticality',
        label: 'Criticality',
        numeric: true,
        options: CRITICALITY_TIERS.map(t => ({ id: String(t), label: CRITICALITY_LABELS[t] })),
      },
      {
        path: 'dataClassification',
        label: 'Data classification',
        options: DATA_CLASSIFICATIONS.map(d => ({ id: d, label: DATA_CLASSIFICATION_LABELS[d] })),
      },
      {
        path: 'lifecycleStage',
        label: 'Lifecycle stage',
        createOnly: true,
        description: 'Where the asset is today; later moves go through the lifecycle rules.',
        options: LIFECYCLE_STAGES.map(s => ({ id: s, label: LIFECYCLE_STAGE_LABELS[s] })),
      },
    ],
  },
  {
    title: 'Ownership',
    fields: [
      { path: 'owner', label: 'Owner', placeholder: 'group:default/sre', description: 'A user or group of the catalogue; accountable for the asset.' },
      { path: 'custodian', label: 'Custodian', placeholder: 'user:default/jane', description: 'Who has it day to day.' },
      { path: 'location', label: 'Location' },
      { path: 'costCentre', label: 'Cost centre' },
    ],
  },
  {
    title: 'Purchase and dates',
    fields: [
      { path: 'purchase.date', label: 'Purchase date', placeholder: 'YYYY-MM-DD' },
      { path: 'purchase.cost', label: 'Purchase cost', numeric: true, placeholder: '1299.99' },
      { path: 'purchase.currency', label: 'Currency', placeholder: 'EUR' },
      { path: 'purchase.supplier', label: 'Supplier' },
      { path: 'purchase.orderNumber', label: 'Order number' },
      { path: 'warrantyEnd', label: 'Warranty end', placeholder: 'YYYY-MM-DD' },
      { path: 'endOfLife', label: 'End of life', placeholder: 'YYYY-MM-DD' },
      { path: 'endOfSupport', label: 'End of support', placeholder: 'YYYY-MM-DD' },
    ],
  },
];

export const FORM_FIELDS: FormField[] = FORM_SECTIONS.flatMap(s => s.fields);
const FIELD_BY_PATH = new Map(FORM_FIELDS.map(f => [f.path, f]));

/** Whether the form has a field for an issue's path. */
export function isFormField(path: string): boolean {
  return FIELD_BY_PATH.has(path);
}

/** What the form holds: the text of every field. */
export type Draft = Record<string, string>;

function read(asset: Asset, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], asset);
}

/** The form's starting text: the asset's values, or the schema's defaults for a new asset. */
export function toDraft(asset?: Asset): Draft {
  const draft: Draft = {};
  for (const field of FORM_FIELDS) {
    const value = asset ? read(asset, field.path) : undefined;
    draft[field.path] = value === undefined || value === null ? '' : String(value);
  }
  if (!asset) {
    draft.criticality = '3';
    draft.dataClassification = 'internal';
    draft.lifecycleStage = 'planned';
  }
  return draft;
}

/** A field's text as the API takes it: numbers as numbers (text that is not one is left for the schema to explain). */
function convert(field: FormField, text: string): unknown {
  const trimmed = text.trim();
  if (field.numeric && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return field.multiline ? text : trimmed;
}

function purchaseFrom(draft: Draft): Record<string, unknown> | undefined {
  const entries = FORM_FIELDS.filter(f => f.path.startsWith('purchase.'))
    .filter(f => draft[f.path].trim() !== '')
    .map(f => [f.path.slice('purchase.'.length), convert(f, draft[f.path])]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The input to register a new asset: every filled field; empty ones are left out. */
export function toNewAssetInput(draft: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    if (field.path.startsWith('purchase.') || draft[field.path].trim() === '') continue;
    input[field.path] = convert(field, draft[field.path]);
  }
  const purchase = purchaseFrom(draft);
  if (purchase) input.purchase = purchase;
  return input;
}

/**
 * The patch that turns `asset` into what the form holds: only changed fields, a cleared optional
 * field as `null` (a cleared required field stays empty, for the schema to refuse), the purchase
 * as a whole when any of its parts changed.
 */
export function toAssetPatch(draft: Draft, asset: Asset): Record<string, unknown> {
  const before = toDraft(asset);
  const patch: Record<string, unknown> = {};
  let purchaseChanged = false;
  for (const field of FORM_FIELDS) {
    if (field.createOnly) continue;
    if (draft[field.path] === before[field.path]) continue;
    if (field.path.startsWith('purchase.')) {
      purchaseChanged = true;
      continue;
    }
    const cleared = draft[field.path].trim() === '';
    patch[field.path] = cleared && !field.required ? null : convert(field, draft[field.path]);
  }
  if (purchaseChanged) patch.purchase = purchaseFrom(draft) ?? null;
  return patch;
}
