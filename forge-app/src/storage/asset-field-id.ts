import { kvs } from '@forge/kvs';
import { ASSET_FIELD_ID_KEY } from './constants';

/** The asset custom field's id remembered from an earlier lookup, if any. */
export async function getStoredAssetFieldId(): Promise<string | undefined> {
  const id = await kvs.get<string>(ASSET_FIELD_ID_KEY);
  return typeof id === 'string' && id ? id : undefined;
}

/** Remembers the asset custom field's id on this site. */
export async function storeAssetFieldId(id: string): Promise<void> {
  await kvs.set(ASSET_FIELD_ID_KEY, id);
}
