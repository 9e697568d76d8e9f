import { mockApis } from '@backstage/test-utils';
import { ItamApiError } from '@itam/common';
import { ItamBackendClient } from './ItamBackendClient';

function client(respond: (url: string) => Response) {
  const fetch = jest.fn(async (url: string) => respond(url));
  const itam = new ItamBackendClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'https://portal.example.com' }),
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { itam, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ItamBackendClient', () => {
  it('calls the itam backend found by discovery, through fetchApi', async () => {
    const { itam, fetch } = client(() => json({ items: [], nextCursor: 'n' }));
    await expect(itam.listAssets({ assetClass: 'cloud', limit: 10 })).resolves.toEqual({
      items: [],
      nextCursor: 'n',
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://portal.example.com/api/itam/assets?assetClass=cloud&limit=10',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('sends the version for optimistic concurrency', async () => {
    const { itam, fetch } = client(() => json({ id: 'a1' }));
    await itam.updateAsset('a1', 4, { location: 'HQ' });
    expect(fetch).toHaveBeenCalledWith(
      'https://portal.example.com/api/itam/assets/a1',
      expect.objectContaining({
        method: 'PATCH',
        headers: expect.objectContaining({ 'if-match': '"4"' }),
        body: JSON.stringify({ location: 'HQ' }),
      }),
    );
  });

  it('turns an error answer into an ItamApiError with status and body', async () => {
    const { itam } = client(() =>
      json({ error: { name: 'ConflictError', message: 'stale version' } }, 409),
    );
    const error = await itam.getAsset('a1').catch(e => e);
    expect(error).toBeInstanceOf(ItamApiError);
    expect(error).toMatchObject({ status: 409, message: 'stale version', errorName: 'ConflictError' });
  });
});
