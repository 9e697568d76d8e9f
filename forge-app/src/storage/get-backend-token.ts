import { kvs } from '@forge/kvs';
import { TOKEN_SECRET_KEY } from './constants';

/** The backend token from KVS secret storage, or undefined if none was saved. */
export async function getBackendToken(): Promise<string | undefined> {
  const token = await kvs.getSecret<string>(TOKEN_SECRET_KEY);
  return typeof token === 'string' && token ? token : undefined;
}
