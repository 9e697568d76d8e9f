import type { Asset, AssetPatch, ExternalId, NewAsset } from '../asset/types';

/**
 * One key per external id (source and id in the source), for indexing the register's.
 *
 * @public
 */
export function externalIdKey(id: ExternalId): string {
  return `${id.source}\u0000${id.sourceId}`;
}

/**
 * The register assets an import row may mean, as looked up by the keys of a chunk of rows.
 *
 * @public
 */
export interface ImportMatchIndex {
  /** The asset holding each external id (by {@link externalIdKey}). */
  assetIdByExternalId: ReadonlyMap<string, string>;
  /** The assets named by those external ids. */
  byId: ReadonlyMap<string, Asset>;
  /** The assets with each serial number (serials are not unique in a register). */
  bySerial: ReadonlyMap<string, readonly Asset[]>;
  /** The asset with each tag. */
  byTag: ReadonlyMap<string, Asset>;
}

/** Which of a row's keys found its asset, and the field a refusal about it names. @public */
export type ImportMatchKey = 'externalIds' | 'serialNumber' | 'tag';

/**
 * What an import row means in the register: a new asset, an existing one (and by which key), or
 * nothing it can be applied to, saying why.
 *
 * @public
 */
export type ImportMatch =
  | { kind: 'new' }
  | { kind: 'existing'; asset: Asset; matchedBy: ImportMatchKey }
  | { kind: 'refused'; field: ImportMatchKey; message: string };

const KEY_WORDS: Record<ImportMatchKey, string> = {
  externalIds: 'external id',
  serialNumber: 'serial number',
  tag: 'tag',
};

const quoted = (value: string) => JSON.stringify(value);

/**
 * Matches an import row to the register: by external id first (ids naming two different assets
 * refuse the row), then by serial number (several assets sharing it refuse the row unless the
 * row's own tag picks one), then by tag when the row gave one (a generated tag matches nothing).
 * A row matching nothing is new, unless its tag already belongs to another asset; a row whose
 * tag belongs to an asset other than the one its external id or serial matched is refused.
 *
 * @param row - the row's asset as validated, and whether the file gave its tag
 * @public
 */
export function matchImportRow(
  row: { asset: Pick<NewAsset, 'tag' | 'serialNumber' | 'externalIds'>; tagGiven: boolean },
  index: ImportMatchIndex,
): ImportMatch {
  const { asset, tagGiven } = row;
  const byExternalId = [
    ...new Set(asset.externalIds.map(e => index.assetIdByExternalId.get(externalIdKey(e))).filter((id): id is string => !!id)),
  ];
  if (byExternalId.length > 1) return { kind: 'refused', field: 'externalIds', message: 'belong to different assets of the register' };
  let match: Asset | undefined;
  let matchedBy: ImportMatchKey = 'tag';
  if (byExternalId.length === 1) {
    match = index.byId.get(byExternalId[0]);
    matchedBy = 'externalIds';
  }
  if (!match && asset.serialNumber) {
    let sameSerial = index.bySerial.get(asset.serialNumber) ?? [];
    if (sameSerial.length > 1 && tagGiven) {
      const tagged = sameSerial.filter(a => a.tag === asset.tag);
      if (tagged.length === 1) sameSerial = tagged;
    }
    if (sameSerial.length > 1) {
      return {
        kind: 'refused',
        field: 'serialNumber',
        message: `${quoted(asset.serialNumber)} is the serial number of ${sameSerial.length} assets (${sameSerial.map(a => a.tag).join(', ')}); give the row their tag or external id`,
      };
    }
    match = sameSerial[0];
    matchedBy = 'serialNumber';
  }
  const tagOwner = index.byTag.get(asset.tag);
  if (!match && tagGiven) {
    match = tagOwner;
    matchedBy = 'tag';
  }
  if (!match) {
    return tagOwner
      ? { kind: 'refused', field: 'tag', message: `${quoted(asset.tag)} is already the tag of another asset; give the device its own tag` }
      : { kind: 'new' };
  }
  if (tagGiven && tagOwner && tagOwner.id !== match.id) {
    return {
      kind: 'refused',
      field: 'tag',
      message: `${quoted(asset.tag)} is the tag of asset ${tagOwner.id}, but the row's ${KEY_WORDS[matchedBy]} matches asset ${match.tag}`,
    };
  }
  return { kind: 'existing', asset: match, matchedBy };
}

/**
 * The edit an import row makes to the asset it matched: every field the file gave, except the
 * lifecycle stage (a transition, not an edit); external ids the asset lacks are added to its own
 * (`externalIdsChanged` then), attributes merged over its own.
 *
 * @param provided - the fields of {@link NewAsset} the file gave
 * @public
 */
export function importPatch(
  existing: Pick<Asset, 'externalIds' | 'attributes'>,
  asset: NewAsset,
  provided: ReadonlySet<string>,
): { patch: AssetPatch; externalIdsChanged: boolean } {
  const patch: Record<string, unknown> = {};
  for (const key of provided) {
    if (key === 'lifecycleStage' || key === 'externalIds' || key === 'attributes') continue;
    patch[key] = asset[key as keyof NewAsset];
  }
  let externalIdsChanged = false;
  if (provided.has('externalIds')) {
    const known = new Set(existing.externalIds.map(externalIdKey));
    const added = asset.externalIds.filter(e => !known.has(externalIdKey(e)));
    if (added.length > 0) {
      patch.externalIds = [...existing.externalIds, ...added];
      externalIdsChanged = true;
    }
  }
  if (provided.has('attributes')) patch.attributes = { ...existing.attributes, ...asset.attributes };
  return { patch: patch as AssetPatch, externalIdsChanged };
}

