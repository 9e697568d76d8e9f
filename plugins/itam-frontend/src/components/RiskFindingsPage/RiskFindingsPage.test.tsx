import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { aFinding, findingsResponse } from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { RiskFindingsPage } from './RiskFindingsPage';

function render(api: ReturnType<typeof fakeItamApi>) {
  return renderWithItam(<RiskFindingsPage />, { api });
}

const findings = [
  aFinding({
    ruleId: 'asset-without-owner',
    severity: 'medium',
    subject: { kind: 'asset', id: 'lap-1', label: 'LAP-00042' },
    assetId: 'lap-1',
    assetTag: 'LAP-00042',
    explanation: 'LAP-00042 is deployed without an owner.',
    suggestedAction: 'Name an accountable owner.',
  }),
  aFinding({
    ruleId: 'licence-shortfall',
    severity: 'high',
    subject: { kind: 'product', id: 'microsoft-sql-server-2022-enterprise', label: 'SQL Server Enterprise 2022' },
    assetId: undefined,
    assetTag: undefined,
    relatedAssetIds: ['srv-1'],
    explanation: 'SQL Server Enterprise 2022 is short of 16 licences on 2026-12-01. Devices involved (1): SRV-00001.',
    suggestedAction: 'Harvest unused installations, or buy the missing licences before the next true-up or vendor audit.',
  }),
  aFinding({
    ruleId: 'retired-not-sanitised',
    severity: 'critical',
    subject: { kind: 'asset', id: 'nas-1', label: 'NAS-00003' },
    assetId: 'nas-1',
    assetTag: 'NAS-00003',
    explanation: 'NAS-00003 was retired holding confidential data and has no sanitisation record.',
    suggestedAction: 'Sanitise its media and record it before disposal.',
  }),
  aFinding(),
];

const subjects = () => screen.getAllByRole('rowheader').map(h => h.textContent);

describe('RiskFindingsPage', () => {
  it('shows progress while the findings load', async () => {
    const api = fakeItamApi({ getRiskFindings: () => pending() });
    await render(api);
    expect(screen.getByRole('heading', { name: 'Risk findings' })).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getRiskFindings).toHaveBeenCalled();
  });

  it('says when nothing was found', async () => {
    await render(fakeItamApi({ getRiskFindings: async () => findingsResponse([]) }));
    expect(screen.getByText('No risk findings')).toBeInTheDocument();
    expect(screen.getByText('Computed 2026-12-01 09:00 UTC')).toBeInTheDocument();
  });

  it('shows the backend error with a retry that asks again', async () => {
    const api = fakeItamApi({
      getRiskFindings: jest
        .fn()
        .mockRejectedValueOnce(apiError(500, 'scan failed'))
        .mockResolvedValueOnce(findingsResponse([aFinding()])),
    });
    await render(api);
    expect(screen.getByText('Error: Could not load the risk findings: scan failed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /SRV-00002/ })).toBeInTheDocument();
    expect(api.getRiskFindings).toHaveBeenCalledTimes(2);
  });

  it('says when the findings are still being evaluated for the first time, and asks again on its own', async () => {
    jest.useFakeTimers();
    try {
      const message = 'Risk findings are being evaluated for the first time (120000 assets evaluated so far); ask again in a minute';
      const api = fakeItamApi({
        getRiskFindings: jest
          .fn()
          .mockRejectedValueOnce(apiError(503, message))
          .mockResolvedValueOnce(findingsResponse([aFinding()])),
      });
      await render(api);
      expect(screen.getByText('Info: Not available yet')).toBeInTheDocument();
      expect(screen.getByText('This page asks again every 30 seconds.')).toBeInTheDocument();
      expect(screen.getByText(message)).toBeInTheDocument();
      expect(api.getRiskFindings).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(30_000);
      await waitFor(() => expect(api.getRiskFindings).toHaveBeenCalledTimes(2));
      jest.useRealTimers();
      expect(await screen.findByRole('link', { name: /SRV-00002/ })).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists the findings most severe first, each with its subject, rule, explanation and recommendation', async () => {
    await render(fakeItamApi({ getRiskFindings: async query => findingsResponse(findings, query) }));
    expect(subjects()).toEqual([
      expect.stringContaining('NAS-00003'),
      expect.stringContaining('SQL Server Enterprise 2022'),
      expect.stringContaining('SRV-00002'),
      expect.stringContaining('LAP-00042'),
    ]);
    expect(screen.getByText('4 findings: 1 critical, 2 high, 1 medium')).toBeInTheDocument();
    const nas = screen.getByRole('row', { name: /NAS-00003/ });
    expect(within(nas).getByRole('link', { name: /NAS-00003/ })).toHaveAttribute('href', '/itam/assets/nas-1');
    expect(within(nas).getByText('Critical')).toBeInTheDocument();
    expect(within(nas).getByText('Retired but not sanitised')).toBeInTheDocument();
    expect(
      within(nas).getByText('NAS-00003 was retired holding confidential data and has no sanitisation record.'),
    ).toBeInTheDocument();
    expect(within(nas).getByText('Recommended: Sanitise its media and record it before disposal.')).toBeInTheDocument();
    const sql = screen.getByRole('row', { name: /SQL Server Enterprise 2022/ });
    expect(within(sql).getByRole('link', { name: /SQL Server Enterprise 2022/ })).toHaveAttribute(
      'href',
      '/itam/licences/microsoft-sql-server-2022-enterprise',
    );
  });

  it('filters by severity and by rule on the server, each option counting what it would list, and clears the filters when nothing matches', async () => {
    const api = fakeItamApi({ getRiskFindings: async query => findingsResponse(findings, query) });
    await render(api);
    await userEvent.click(screen.getByRole('button', { name: /Severity/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'High (2)' }));
    await waitFor(() =>
      expect(subjects()).toEqual([
        expect.stringContaining('SQL Server Enterprise 2022'),
        expect.stringContaining('SRV-00002'),
      ]),
    );
    expect(api.getRiskFindings).toHaveBeenLastCalledWith(expect.objectContaining({ severity: 'high' }));

    await userEvent.click(screen.getByRole('button', { name: /Rule/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'End of life (1)' }));
    await waitFor(() => expect(subjects()).toEqual([expect.stringContaining('SRV-00002')]));
    expect(api.getRiskFindings).toHaveBeenLastCalledWith(expect.objectContaining({ severity: 'high', ruleId: 'end-of-life' }));

    await userEvent.click(screen.getByRole('button', { name: /Rule/ }));
    // Counted with the severity chosen: no high finding is about an asset without an owner.
    await userEvent.click(await screen.findByRole('option', { name: 'Asset without owner (0)' }));
    expect(await screen.findByText('No findings match these filters')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(subjects()).toHaveLength(4));
  });

  it('reads a page at a time from the server and follows its cursor', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      aFinding({
        subject: { kind: 'asset', id: `srv-${i}`, label: `SRV-${String(i).padStart(5, '0')}` },
        assetId: `srv-${i}`,
        assetTag: `SRV-${String(i).padStart(5, '0')}`,
      }),
    );
    const api = fakeItamApi({ getRiskFindings: async query => findingsResponse(many, query) });
    await render(api);
    expect(screen.getByText('60 findings: 60 high')).toBeInTheDocument();
    expect(subjects()).toHaveLength(50);
    expect(subjects()[0]).toContain('SRV-00000');
    expect(api.getRiskFindings).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 50, cursor: undefined }));
    await userEvent.click(screen.getByRole('button', { name: 'Next table page' }));
    expect(await screen.findByRole('row', { name: /SRV-00059/ })).toBeInTheDocument();
    expect(subjects()).toHaveLength(10);
    expect(api.getRiskFindings).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 50, cursor: '50' }));
  });
});
