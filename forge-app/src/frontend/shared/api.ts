import { invoke } from '@forge/bridge';
import type { Defs } from '../../common/defs';

/**
 * Calls a resolver function of this app, typed by the shared definitions. (Without metadata the
 * bridge answers with the resolver's return value itself.)
 */
export function call<K extends keyof Defs>(key: K, ...args: Parameters<Defs[K]>): Promise<ReturnType<Defs[K]>> {
  const [payload] = args as [Record<string, unknown>?];
  return invoke<ReturnType<Defs[K]>>(key, payload) as Promise<ReturnType<Defs[K]>>;
}
