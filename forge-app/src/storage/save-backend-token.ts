import { kvs } from '@forge/kvs';
import { TOKEN_SECRET_KEY } from './constants';

/** Stores the backend token with KVS secret storage (encrypted, readable only by `getSecret`). */
export async function saveBackendToken(token: string): Promise<void> {
  await kvs.setSecret(TOKEN_SECRET_KEY, token);
}

/** Removes the stored backend token (rolling back a save that could not be completed). */
export async function deleteBackendToken(): Promise<void> {
  await kvs.deleteSecret(TOKEN_SECRET_KEY);
}
