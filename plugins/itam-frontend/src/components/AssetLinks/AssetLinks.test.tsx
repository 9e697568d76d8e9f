import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AssetTicket } from '@itam/common';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetLinks } from './AssetLinks';

const ticket: AssetTicket = {
  assetId: 'a1',
  site: 'acme.atlassian.net',
  issueKey: 'OPS-12',
  ticketType: 'incident',
  summary: 'Laptop will not boot',
  status: 'Done',
  resolved: true,
  createdAt: '2026-02-01T00:00:00Z',
  createdBy: 'user:default/agent',
};

describe('AssetLinks', () => {
  it('shows progress while the links load', async () => {
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate={false} />, {
      api: fakeItamApi({ getEntityLinks: () => pending(), getAssetTickets: () => pending() }),
    });
    expect(screen.getAllByTestId('progress')).toHaveLength(2);
  });

  it('shows each failure where it happened', async () => {
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate={false} />, {
      api: fakeItamApi({
        getEntityLinks: async () => Promise.reject(apiError(500, 'links down')),
        getAssetTickets: async () => [],
      }),
    });
    expect(
      await screen.findByText('Error: Could not load the linked entities: links down'),
    ).toBeInTheDocument();
    expect(screen.getByText('No Jira tickets are linked to this asset.')).toBeInTheDocument();
  });

  it('says when nothing is linked', async () => {
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate={false} />, {
      api: fakeItamApi({ getEntityLinks: async () => [], getAssetTickets: async () => [] }),
    });
    expect(await screen.findByText('Not linked to any catalogue entity.')).toBeInTheDocument();
    expect(screen.getByText('No Jira tickets are linked to this asset.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Link to a catalogue entity' })).not.toBeInTheDocument();
  });

  it('lists the linked entities and tickets with links to them', async () => {
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate={false} />, {
      api: fakeItamApi({
        getEntityLinks: async () => [{ entityRef: 'component:default/payments-api', role: 'runs-on' }],
        getAssetTickets: async () => [ticket],
      }),
    });
    const entities = within(await screen.findByRole('list', { name: 'Linked entities' }));
    expect(entities.getByText('Runs on')).toBeInTheDocument();
    expect(entities.getByRole('link', { name: /payments-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    const tickets = within(await screen.findByRole('list', { name: 'Linked tickets' }));
    expect(tickets.getByRole('link', { name: 'OPS-12' })).toHaveAttribute(
      'href',
      'https://acme.atlassian.net/browse/OPS-12',
    );
    expect(tickets.getByText('Incident')).toBeInTheDocument();
    expect(tickets.getByText('Done (resolved)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Unlink/ })).not.toBeInTheDocument();
  });

  it('checks a new link with the common schema before sending it', async () => {
    const api = fakeItamApi({ getEntityLinks: async () => [], getAssetTickets: async () => [] });
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate />, { api });
    const form = within(await screen.findByRole('group', { name: 'Link to a catalogue entity' }));
    await userEvent.type(form.getByRole('textbox', { name: 'Catalogue entity' }), 'user:default/jane');
    await userEvent.click(form.getByRole('button', { name: 'Link' }));
    expect(await form.findByText(/must reference a component or resource or system/)).toBeInTheDocument();
    expect(api.addEntityLink).not.toHaveBeenCalled();
  });

  it('links and unlinks entities, reloading the list', async () => {
    const api = fakeItamApi({
      getEntityLinks: jest
        .fn()
        .mockResolvedValueOnce([{ entityRef: 'system:default/shop', role: 'uses' }])
        .mockResolvedValue([
          { entityRef: 'system:default/shop', role: 'uses' },
          { entityRef: 'component:default/api', role: 'runs-on' },
        ]),
      getAssetTickets: async () => [],
      addEntityLink: async (_id, link) => ({ entityRef: link.entityRef, role: link.role }),
      removeEntityLink: async () => undefined,
    });
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate />, { api });
    const form = within(await screen.findByRole('group', { name: 'Link to a catalogue entity' }));
    await userEvent.type(form.getByRole('textbox', { name: 'Catalogue entity' }), 'component:api');
    await userEvent.click(form.getByRole('button', { name: 'Link' }));
    await waitFor(() =>
      expect(api.addEntityLink).toHaveBeenCalledWith('a1', {
        entityRef: 'component:default/api',
        role: 'runs-on',
      }),
    );
    expect(await screen.findByRole('link', { name: /api/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Unlink system:default/shop' }));
    expect(api.removeEntityLink).toHaveBeenCalledWith('a1', { entityRef: 'system:default/shop', role: 'uses' });
  });

  it('shows why the backend refused a link', async () => {
    await renderWithItam(<AssetLinks assetId="a1" version={1} canUpdate />, {
      api: fakeItamApi({
        getEntityLinks: async () => [],
        getAssetTickets: async () => [],
        addEntityLink: async () =>
          Promise.reject(apiError(422, 'entityRef: no catalogue entity "component:default/ghost" exists')),
      }),
    });
    const form = within(await screen.findByRole('group', { name: 'Link to a catalogue entity' }));
    await userEvent.type(form.getByRole('textbox', { name: 'Catalogue entity' }), 'component:default/ghost');
    await userEvent.click(form.getByRole('button', { name: 'Link' }));
    expect(
      await screen.findByText(
        'Could not link the entity: entityRef: no catalogue entity "component:default/ghost" exists',
      ),
    ).toBeInTheDocument();
  });
});
