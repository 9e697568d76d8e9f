/** Plain KVS key of the backend settings (address, scope, fields): nothing secret. */
export const CONFIG_KEY = 'itam:backend-config';
/** KVS secret key of the static backend token (the fallback); only `kvs.getSecret` can read it back. */
export const TOKEN_SECRET_KEY = 'itam:backend-token';
/** Plain KVS key of the asset custom field's id on this site (`customfield_…`), found once. */
export const ASSET_FIELD_ID_KEY = 'itam:asset-field-id';
