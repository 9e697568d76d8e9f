import { Route, Routes } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { fakeItamApi } from '../../testing/fakeItamApi';
import { anAuditCampaign, anAuditWithResult } from '../../testing/importAuditFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { AuditsRouter } from './AuditsRouter';

function render(path: string) {
  const api = fakeItamApi({
    listAudits: async () => [anAuditCampaign()],
    getAudit: async () => anAuditWithResult(),
  });
  return renderWithItam(
    <Routes>
      <Route path="/itam/audits/*" element={<AuditsRouter />} />
    </Routes>,
    { api, routeEntries: [path] },
  );
}

describe('AuditsRouter', () => {
  it('lists the campaigns at its root', async () => {
    await render('/itam/audits');
    expect(await screen.findByRole('heading', { name: 'Audit campaigns' })).toBeInTheDocument();
  });

  it('routes to a campaign by id', async () => {
    await render('/itam/audits/audit-1');
    expect(await screen.findByRole('heading', { name: 'Berlin laptops Q1' })).toBeInTheDocument();
  });

  it('says when a page does not exist, with a way back', async () => {
    await render('/itam/audits/audit-1/nothing-here');
    expect(screen.getByText('There is no such page in the audits')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the audit campaigns' })).toHaveAttribute(
      'href',
      '/itam/audits',
    );
  });
});
