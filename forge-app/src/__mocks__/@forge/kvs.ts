/**
 * In-memory stand-in for `@forge/kvs` (plain and secret storage kept apart, as in Forge), used by
 * tests through `jest.mock('@forge/kvs')`. `__store` lets a test look inside both.
 */
const plain = new Map<string, unknown>();
const secret = new Map<string, unknown>();
const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export const kvs = {
  async get<T>(key: string): Promise<T | undefined> {
    return copy(plain.get(key)) as T | undefined;
  },
  async set<T>(key: string, value: T): Promise<void> {
    plain.set(key, copy(value));
  },
  async delete(key: string): Promise<void> {
    plain.delete(key);
  },
  async getSecret<T>(key: string): Promise<T | undefined> {
    return copy(secret.get(key)) as T | undefined;
  },
  async setSecret<T>(key: string, value: T): Promise<void> {
    secret.set(key, copy(value));
  },
  async deleteSecret(key: string): Promise<void> {
    secret.delete(key);
  },
};

export const __store = {
  plain,
  secret,
  clear() {
    plain.clear();
    secret.clear();
  },
};

export default kvs;
