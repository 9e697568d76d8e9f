/**
 * The bridge globals, defined before @forge/bridge and @forge/react are imported (@forge/bridge
 * looks for `globalThis.__bridge` at import). Imported first by `fake-bridge.ts`.
 */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
}

type Invoke = (functionKey: string, payload: unknown) => unknown;

export const state: {
  latest?: ForgeDoc;
  onInvoke: Invoke;
  productContext: Record<string, unknown>;
  /** Payloads of `view.submit` (a custom field editor's value), oldest first. */
  submitted: unknown[];
} = {
  onInvoke: functionKey => {
    throw new Error(`No resolver answer set for ${functionKey}`);
  },
  productContext: {},
  submitted: [],
};

const bridge = {
  callBridge: async (cmd: string, data?: { functionKey?: string; payload?: unknown; forgeDoc?: ForgeDoc }) => {
    if (cmd === 'reconcile' && data?.forgeDoc) {
      state.latest = data.forgeDoc;
      return undefined;
    }
    if (cmd === 'invoke') return state.onInvoke(String(data?.functionKey), data?.payload);
    if (cmd === 'getContext') return state.productContext;
    if (cmd === 'submit') {
      state.submitted.push(data);
      return true;
    }
    return undefined;
  },
};

const g = globalThis as unknown as { __bridge: typeof bridge; self: unknown; IS_REACT_ACT_ENVIRONMENT: boolean };
g.__bridge = bridge;
g.self = globalThis;
g.IS_REACT_ACT_ENVIRONMENT = true;
