import { Route, Routes } from 'react-router-dom';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { anAuditCampaign } from '../../testing/importAuditFixtures';
import { permissions, renderWithItam } from '../../testing/renderWithItam';
import { AuditsPage } from './AuditsPage';

const campaigns = [
  anAuditCampaign(),
  anAuditCampaign({
    id: 'audit-2',
    name: 'Everything 2025',
    scope: {},
    dueDate: undefined,
    status: 'closed',
    createdBy: 'user:default/sam',
    createdAt: '2025-12-01T08:00:00.000Z',
  }),
];

describe('AuditsPage', () => {
  it('shows progress while the campaigns load', async () => {
    await renderWithItam(<AuditsPage />, { api: fakeItamApi({ listAudits: () => pending() }) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when there are no campaigns', async () => {
    await renderWithItam(<AuditsPage />, { api: fakeItamApi({ listAudits: async () => [] }) });
    expect(await screen.findByText('No audit campaigns yet')).toBeInTheDocument();
  });

  it('shows why the campaigns could not load, with a retry', async () => {
    const api = fakeItamApi({
      listAudits: jest.fn().mockRejectedValueOnce(apiError(500, 'store down')).mockResolvedValue(campaigns),
    });
    await renderWithItam(<AuditsPage />, { api });
    expect(await screen.findByText('Error: Could not load the audit campaigns: store down')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /Berlin laptops Q1/ })).toBeInTheDocument();
  });

  it('lists each campaign with status, scope, due date and creator, linking to it', async () => {
    await renderWithItam(<AuditsPage />, { api: fakeItamApi({ listAudits: async () => campaigns }) });
    const open = await screen.findByRole('row', { name: /Berlin laptops Q1/ });
    expect(within(open).getByRole('link', { name: 'Berlin laptops Q1' })).toHaveAttribute('href', '/itam/audits/audit-1');
    expect(within(open).getByText('Open')).toBeInTheDocument();
    expect(within(open).getByText('Hardware; at Berlin')).toBeInTheDocument();
    expect(within(open).getByText(/^2026-03-31/)).toBeInTheDocument();
    expect(within(open).getByText('user:default/alex')).toBeInTheDocument();
    expect(within(open).getByText('2026-03-01 09:00 UTC')).toBeInTheDocument();
    const closed = screen.getByRole('row', { name: /Everything 2025/ });
    expect(within(closed).getByText('Closed')).toBeInTheDocument();
    expect(within(closed).getByText('Every asset not disposed')).toBeInTheDocument();
    expect(within(closed).getByText('No due date')).toBeInTheDocument();
  });

  it('explains each invalid field next to it instead of creating the campaign', async () => {
    const api = fakeItamApi({ listAudits: async () => campaigns });
    await renderWithItam(<AuditsPage />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'New audit campaign' }));
    const form = screen.getByRole('form', { name: 'New audit campaign' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Due date' }), '31/03/2026');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Owners' }), 'component:api');
    await userEvent.click(within(form).getByRole('button', { name: 'Start campaign' }));

    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('must not be empty')).toBeInTheDocument();
    expect(within(form).getByText('must be a date formatted YYYY-MM-DD')).toBeInTheDocument();
    expect(within(form).getByText(/"component:api" must reference a user or group entity/)).toBeInTheDocument();
    expect(api.createAudit).not.toHaveBeenCalled();
  });

  it('starts a campaign with its scope and opens it', async () => {
    const api = fakeItamApi({
      listAudits: async () => campaigns,
      createAudit: async input => anAuditCampaign({ id: 'audit-9', name: input.name }),
    });
    await renderWithItam(
      <Routes>
        <Route path="/itam/audits" element={<AuditsPage />} />
        <Route path="/itam/audits/:auditId" element={<p>campaign page</p>} />
      </Routes>,
      { api, routeEntries: ['/itam/audits'] },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'New audit campaign' }));
    const form = screen.getByRole('form', { name: 'New audit campaign' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Spring check');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Due date' }), '2026-04-30');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Hardware' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Deployed' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Locations' }), 'Berlin, Munich ');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Owners' }), 'group:sre');
    await userEvent.click(within(form).getByRole('button', { name: 'Start campaign' }));

    expect(await screen.findByText('campaign page')).toBeInTheDocument();
    expect(api.createAudit).toHaveBeenCalledWith({
      name: 'Spring check',
      dueDate: '2026-04-30',
      scope: {
        assetClasses: ['hardware'],
        lifecycleStages: ['deployed'],
        locations: ['Berlin', 'Munich'],
        owners: ['group:default/sre'],
      },
    });
  });

  it('shows the backend refusing the campaign next to the form', async () => {
    const api = fakeItamApi({
      listAudits: async () => [],
      createAudit: async () => {
        throw apiError(400, 'Invalid body', { issues: [{ path: 'name', message: 'is already used by an open campaign' }] });
      },
    });
    await renderWithItam(<AuditsPage />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'New audit campaign' }));
    const form = screen.getByRole('form', { name: 'New audit campaign' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Spring check');
    await userEvent.click(within(form).getByRole('button', { name: 'Start campaign' }));
    expect(await within(form).findByText('is already used by an open campaign')).toBeInTheDocument();
  });

  it('does not offer a new campaign without the audit permission', async () => {
    await renderWithItam(<AuditsPage />, {
      api: fakeItamApi({ listAudits: async () => campaigns }),
      permissionApi: permissions('DENY'),
    });
    await screen.findByRole('row', { name: /Berlin laptops Q1/ });
    expect(screen.queryByRole('button', { name: 'New audit campaign' })).not.toBeInTheDocument();
  });
});
