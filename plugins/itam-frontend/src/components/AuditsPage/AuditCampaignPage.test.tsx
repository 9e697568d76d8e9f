import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { anAuditResult, anAuditWithResult, AUDIT_FINDINGS, auditFindingsPages } from '../../testing/importAuditFixtures';
import { permissions, renderWithItam } from '../../testing/renderWithItam';
import { AuditCampaignPage } from './AuditCampaignPage';

describe('AuditCampaignPage', () => {
  it('shows progress while the campaign loads', async () => {
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, {
      api: fakeItamApi({ getAudit: () => pending() }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when the campaign does not exist', async () => {
    await renderWithItam(<AuditCampaignPage auditId="nope" />, {
      api: fakeItamApi({
        getAudit: async () => {
          throw apiError(404, 'No audit campaign nope');
        },
      }),
    });
    expect(await screen.findByText('No audit campaign nope')).toBeInTheDocument();
  });

  it('shows why the campaign could not load, with a retry', async () => {
    const api = fakeItamApi({
      getAudit: jest.fn().mockRejectedValueOnce(apiError(500, 'boom')).mockResolvedValue(anAuditWithResult()),
      listAuditFindings: auditFindingsPages(),
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    expect(await screen.findByText('Error: Could not load the audit campaign: boom')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Berlin laptops Q1' })).toBeInTheDocument();
  });

  it('shows the scope, accuracy, coverage, counts per kind and the findings from the server', async () => {
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, {
      api: fakeItamApi({ getAudit: async () => anAuditWithResult(), listAuditFindings: auditFindingsPages() }),
    });
    expect(await screen.findByRole('heading', { name: 'Berlin laptops Q1' })).toBeInTheDocument();
    const scope = screen.getByRole('list', { name: 'Scope' });
    expect(within(scope).getByText('Asset classes:')).toHaveTextContent('Asset classes: Hardware');
    expect(within(scope).getByText('Locations:')).toHaveTextContent('Locations: Berlin');
    expect(within(scope).getByText('Owners:')).toHaveTextContent('Owners: any');
    const figures = screen.getByRole('list', { name: 'Audit figures' });
    expect(within(figures).getByText('Register accuracy:')).toHaveTextContent('Register accuracy: 25%');
    expect(within(figures).getByText('Coverage:')).toHaveTextContent('Coverage: 75%');
    const counts = screen.getByRole('list', { name: 'Findings by kind' });
    expect(within(counts).getAllByRole('listitem').map(i => i.textContent)).toEqual([
      'Verified: 1',
      'Location mismatch: 1',
      'Not found: 1',
      'Not checked yet: 1',
      'Unexpected: 1',
    ]);

    const mismatch = screen.getByRole('row', { name: /LAP-2/ });
    expect(within(mismatch).getByRole('link', { name: 'LAP-2' })).toHaveAttribute('href', '/itam/assets/a2');
    expect(within(mismatch).getByText('Location mismatch')).toBeInTheDocument();
    expect(within(mismatch).getByText('Berlin')).toBeInTheDocument();
    expect(within(mismatch).getByText('Munich')).toBeInTheDocument();
    expect(within(mismatch).getByText('LAP-2 was seen at Munich, but the register says Berlin')).toBeInTheDocument();
    const unexpected = screen.getByRole('row', { name: /LAP-99/ });
    expect(within(unexpected).queryByRole('link')).not.toBeInTheDocument();
    expect(within(unexpected).getByText('not recorded')).toBeInTheDocument();
  });

  it('lists one kind of finding, asking the server for it, and pages through long lists', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...AUDIT_FINDINGS[3],
      assetId: `n${i}`,
      assetTag: `LAP-${String(100 + i)}`,
      explanation: `LAP-${100 + i} has not been checked yet`,
    }));
    const api = fakeItamApi({
      getAudit: async () => anAuditWithResult(),
      listAuditFindings: jest.fn(auditFindingsPages([...AUDIT_FINDINGS, ...many])),
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    expect(await screen.findByRole('row', { name: 'LAP-1' })).toBeInTheDocument();
    expect(api.listAuditFindings).toHaveBeenLastCalledWith('audit-1', { limit: 50, cursor: undefined });

    await userEvent.click(screen.getByRole('button', { name: /Finding/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Location mismatch (1)' }));
    await waitFor(() => expect(api.listAuditFindings).toHaveBeenLastCalledWith('audit-1', { kind: 'location-mismatch', limit: 50, cursor: undefined }));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'LAP-1' })).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /LAP-2/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Finding/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Not checked yet (1)' }));
    expect(await screen.findByRole('row', { name: 'LAP-104' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    expect(await screen.findByRole('row', { name: 'LAP-159' })).toBeInTheDocument();
    expect(api.listAuditFindings).toHaveBeenLastCalledWith('audit-1', { kind: 'not-observed', limit: 50, cursor: '50' });
  });

  it('says n/a and shows an empty state when nothing is in scope', async () => {
    const empty = anAuditResult({
      inScope: 0,
      accuracy: null,
      coverage: null,
      counts: { verified: 0, 'location-mismatch': 0, 'not-found': 0, 'not-observed': 0, unexpected: 0 },
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, {
      api: fakeItamApi({ getAudit: async () => anAuditWithResult({ result: empty }) }),
    });
    expect(await screen.findByText('No findings')).toBeInTheDocument();
    expect(screen.getByText('Register accuracy:')).toHaveTextContent('Register accuracy: n/a');
  });

  it('records an observation and shows the new findings', async () => {
    const after = anAuditWithResult({
      result: anAuditResult({
        accuracy: 0.5,
        counts: { verified: 2, 'location-mismatch': 1, 'not-found': 1, 'not-observed': 0, unexpected: 1 },
      }),
    });
    const api = fakeItamApi({
      getAudit: async () => anAuditWithResult(),
      listAuditFindings: auditFindingsPages(),
      addAuditObservations: async () => after,
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    const form = await screen.findByRole('form', { name: 'Record an observation' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Asset tag' }), 'LAP-4');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Location' }), 'Berlin');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Note' }), 'on desk 12');
    await userEvent.click(within(form).getByRole('button', { name: 'Record observation' }));

    expect(await within(form).findByText('Recorded: LAP-4 seen at Berlin')).toBeInTheDocument();
    expect(api.addAuditObservations).toHaveBeenCalledWith('audit-1', [
      { assetTag: 'LAP-4', result: 'seen', location: 'Berlin', note: 'on desk 12' },
    ]);
    expect(screen.getByText('Register accuracy:')).toHaveTextContent('Register accuracy: 50%');
    expect(within(form).getByRole('textbox', { name: 'Asset tag' })).toHaveValue('');
  });

  it('records a "not found" by serial number', async () => {
    const api = fakeItamApi({
      getAudit: async () => anAuditWithResult(),
      listAuditFindings: auditFindingsPages(),
      addAuditObservations: async () => anAuditWithResult(),
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    const form = await screen.findByRole('form', { name: 'Record an observation' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Serial number' }), 'PF3XYZ12');
    await userEvent.click(within(form).getByRole('radio', { name: 'Not found' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Record observation' }));
    expect(await within(form).findByText('Recorded: PF3XYZ12 not found')).toBeInTheDocument();
    expect(api.addAuditObservations).toHaveBeenCalledWith('audit-1', [{ serialNumber: 'PF3XYZ12', result: 'not-found' }]);
  });

  it('asks for a tag or serial next to the field instead of sending', async () => {
    const api = fakeItamApi({ getAudit: async () => anAuditWithResult(), listAuditFindings: auditFindingsPages() });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    const form = await screen.findByRole('form', { name: 'Record an observation' });
    await userEvent.click(within(form).getByRole('button', { name: 'Record observation' }));
    expect(within(form).getByRole('textbox', { name: 'Asset tag' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText(/names the asset by assetTag or serialNumber/)).toBeInTheDocument();
    expect(api.addAuditObservations).not.toHaveBeenCalled();
  });

  it('shows the backend refusing an observation next to the form', async () => {
    const api = fakeItamApi({
      getAudit: async () => anAuditWithResult(),
      listAuditFindings: auditFindingsPages(),
      addAuditObservations: async () => {
        throw apiError(409, 'Audit campaign audit-1 is closed');
      },
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    const form = await screen.findByRole('form', { name: 'Record an observation' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Asset tag' }), 'LAP-1');
    await userEvent.click(within(form).getByRole('button', { name: 'Record observation' }));
    expect(
      await within(form).findByText('The observation was not recorded: Audit campaign audit-1 is closed'),
    ).toBeInTheDocument();
  });

  it('closes the campaign after confirming, then shows it frozen', async () => {
    const closed = anAuditWithResult({
      status: 'closed',
      closedBy: 'user:default/alex',
      closedAt: '2026-03-20T16:00:00.000Z',
    });
    const api = fakeItamApi({
      getAudit: jest.fn().mockResolvedValueOnce(anAuditWithResult()).mockResolvedValue(closed),
      listAuditFindings: auditFindingsPages(),
      closeAudit: async () => closed,
    });
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Close campaign' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Closing freezes the findings/)).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it open' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.closeAudit).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Close campaign' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close the campaign' }));
    expect(await screen.findByText('This campaign is closed: no more observations can be recorded.')).toBeInTheDocument();
    expect(api.closeAudit).toHaveBeenCalledWith('audit-1');
    expect(screen.getByText(/Closed by user:default\/alex on 2026-03-20 16:00 UTC/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Record an observation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close campaign' })).not.toBeInTheDocument();
  });

  it('hides the observation form and closing without the audit permission', async () => {
    await renderWithItam(<AuditCampaignPage auditId="audit-1" />, {
      api: fakeItamApi({ getAudit: async () => anAuditWithResult(), listAuditFindings: auditFindingsPages() }),
      permissionApi: permissions('DENY'),
    });
    expect(await screen.findByRole('heading', { name: 'Berlin laptops Q1' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Record an observation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close campaign' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Recording observations and closing the campaign need the audit permission.'),
    ).toBeInTheDocument();
  });
});
