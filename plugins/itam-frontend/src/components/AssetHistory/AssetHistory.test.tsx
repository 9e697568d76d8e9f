import { screen, within } from '@testing-library/react';
import type { HistoryEvent } from '@itam/common';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetHistory } from './AssetHistory';

const created: HistoryEvent = {
  assetId: 'a1',
  version: 1,
  kind: 'created',
  actor: 'user:default/jane',
  at: '2026-01-05T09:30:00.000Z',
  changes: [
    { field: 'tag', after: 'LAP-1' },
    { field: 'purchase', after: { date: '2026-01-02', cost: 1299.5, currency: 'EUR' } },
  ],
};
const updated: HistoryEvent = {
  assetId: 'a1',
  version: 2,
  kind: 'updated',
  actor: 'user:default/sam',
  at: '2026-02-01T12:00:00.000Z',
  changes: [
    { field: 'location', before: 'HQ', after: 'DC-1' },
    { field: 'owner', after: 'group:default/sre' },
  ],
};
const moved: HistoryEvent = {
  assetId: 'a1',
  version: 3,
  kind: 'transitioned',
  actor: 'plugin:itam-importer',
  at: '2026-03-01T08:15:00.000Z',
  reason: 'Handed over to the SRE team',
  transition: { from: 'in-stock', to: 'deployed' },
  changes: [{ field: 'lifecycleStage', before: 'in-stock', after: 'deployed' }],
};

describe('AssetHistory', () => {
  it('shows progress while loading', async () => {
    const api = fakeItamApi({ getAssetHistory: () => pending() });
    await renderWithItam(<AssetHistory assetId="a1" version={3} />, { api });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getAssetHistory).toHaveBeenCalledWith('a1');
  });

  it('shows why the history could not be loaded', async () => {
    await renderWithItam(<AssetHistory assetId="a1" version={3} />, {
      api: fakeItamApi({ getAssetHistory: async () => Promise.reject(apiError(500, 'timeout')) }),
    });
    expect(await screen.findByText('Error: Could not load the history: timeout')).toBeInTheDocument();
  });

  it('says when there is no history', async () => {
    await renderWithItam(<AssetHistory assetId="a1" version={1} />, {
      api: fakeItamApi({ getAssetHistory: async () => [] }),
    });
    expect(await screen.findByText('No history recorded')).toBeInTheDocument();
  });

  it('lists the events newest first with who, when, why and each value before and after', async () => {
    await renderWithItam(<AssetHistory assetId="a1" version={3} />, {
      api: fakeItamApi({ getAssetHistory: async () => [created, updated, moved] }),
    });
    await screen.findByLabelText('History');
    const v3 = screen.getByTestId('history-v3');
    expect(within(v3).getByText(/Moved from In stock to Deployed/)).toBeInTheDocument();
    expect(within(v3).getByText('Reason: Handed over to the SRE team')).toBeInTheDocument();
    expect(within(v3).getByText(/plugin:itam-importer/)).toBeInTheDocument();
    expect(screen.getByText('2026-03-01 08:15 UTC')).toBeInTheDocument();

    const v2 = within(screen.getByRole('list', { name: 'Changes in version 2' }));
    expect(v2.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Location: HQ → DC-1',
      'Owner: not set → group:default/sre',
    ]);
    expect(v2.getAllByLabelText('before')[0]).toHaveTextContent('HQ');
    expect(v2.getAllByLabelText('after')[0]).toHaveTextContent('DC-1');
    expect(within(screen.getByTestId('history-v2')).getByRole('link', { name: /sam/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/sam',
    );

    const v1 = within(screen.getByRole('list', { name: 'Changes in version 1' }));
    expect(v1.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Asset tag: LAP-1',
      'Purchase: date: 2026-01-02, cost: 1299.5, currency: EUR',
    ]);
    expect(screen.queryByRole('list', { name: 'Changes in version 3' })).not.toBeInTheDocument();

    const order = ['history-v3', 'history-v2', 'history-v1'].map(id => screen.getByTestId(id));
    expect(order[0].compareDocumentPosition(order[1]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1].compareDocumentPosition(order[2]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
