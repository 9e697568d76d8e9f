import { screen, within } from '@testing-library/react';
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

  it('lists the findings most severe first, each with its subject, rule, explanation and recommendation', async () => {
    await render(fakeItamApi({ getRiskFindings: async () => findingsResponse(findings) }));
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

  it('filters by severity and by rule, and clears the filters when nothing matches', async () => {
    await render(fakeItamApi({ getRiskFindings: async () => findingsResponse(findings) }));
    await userEvent.click(screen.getByRole('button', { name: /Severity/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'High' }));
    expect(subjects()).toEqual([
      expect.stringContaining('SQL Server Enterprise 2022'),
      expect.stringContaining('SRV-00002'),
    ]);

    await userEvent.click(screen.getByRole('button', { name: /Rule/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'End of life' }));
    expect(subjects()).toEqual([expect.stringContaining('SRV-00002')]);

    await userEvent.click(screen.getByRole('button', { name: /Rule/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Asset without owner' }));
    expect(screen.getByText('No findings match these filters')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(subjects()).toHaveLength(4);
  });
});
