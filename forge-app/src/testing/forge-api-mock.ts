import { FakeJira } from './fake-jira';

type Init = RequestInit & { path?: string };

/**
 * What a test's `@forge/api` mock routes to: Jira REST calls to a {@link FakeJira}, external
 * `fetch` to `edge.fetch` (by default Node's fetch, e.g. to a backend started in-process), and
 * `invokeRemote` to `edge.remote` (set by tests that start a backend: it adds the signed Forge
 * invocation token Forge would add).
 */
export const edge = {
  jira: new FakeJira(),
  fetch: (url: string, init?: RequestInit) => globalThis.fetch(url, init),
  remote: async (remoteKey: string, init: Init): Promise<Response> => {
    throw new Error(`No remote ${remoteKey} in this test (path ${init.path})`);
  },
};

/**
 * The module `@forge/api` is replaced with in tests, keeping its real `route`:
 * `jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock())`.
 */
export function forgeApiMock() {
  const actual = jest.requireActual('@forge/api');
  const api = {
    asApp: () => ({ requestJira: edge.jira.requestJira('app') }),
    asUser: () => ({ requestJira: edge.jira.requestJira('user') }),
    fetch: (url: string, init?: RequestInit) => edge.fetch(url, init),
    invokeRemote: (remoteKey: string, init: Init) => edge.remote(remoteKey, init),
  };
  return {
    __esModule: true,
    ...api,
    default: api,
    route: actual.route,
  };
}
