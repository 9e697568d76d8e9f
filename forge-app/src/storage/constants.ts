/** Plain KVS key of the backend settings (address, site, issue types): nothing secret. */
export const CONFIG_KEY = 'itam:backend-config';
/** KVS secret key of the backend token; only `kvs.getSecret` can read it back. */
export const TOKEN_SECRET_KEY = 'itam:backend-token';
