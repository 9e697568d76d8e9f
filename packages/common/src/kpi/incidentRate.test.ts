import { anAsset } from '../testing/fixtures';
import { assetFailureIncidentRate } from './incidentRate';
import type { AssetTicketLink } from './kpiInputs';

const window = { from: '2026-01-01', to: '2026-01-31' };
const assets = [
  anAsset({ id: 'srv-1', lifecycleStage: 'deployed' }),
  anAsset({ id: 'srv-2', lifecycleStage: 'deployed' }),
  anAsset({ id: 'srv-3', lifecycleStage: 'maintenance' }),
  anAsset({ id: 'lap-1', lifecycleStage: 'in-stock' }),
  anAsset({ id: 'old-1', lifecycleStage: 'retired' }),
];
const link = (assetId: string, issueKey: string, createdAt: string, ticketType: AssetTicketLink['ticketType'] = 'incident'): AssetTicketLink => ({
  assetId,
  site: 'acme.atlassian.net',
  issueKey,
  ticketType,
  createdAt,
});

describe('assetFailureIncidentRate', () => {
  it('counts incident links per ticket and asset, in the window, per asset under management', () => {
    const r = assetFailureIncidentRate({
      window,
      assets,
      ticketLinks: [
        link('srv-1', 'OPS-1', '2026-01-03T09:00:00Z'),
        link('srv-2', 'OPS-1', '2026-01-03T09:00:00Z'), // one incident, two failing assets
        { ...link('srv-1', 'ops-1', '2026-01-03T09:00:00Z'), site: 'ACME.atlassian.net' }, // the same link again
        link('srv-3', 'OPS-7', '2026-01-31T23:30:00Z'),
        link('srv-1', 'OPS-9', '2026-02-01T00:00:00Z'), // after the window
        link('srv-1', 'OPS-0', '2025-12-31T23:59:59Z'), // before the window
        link('srv-2', 'CHG-4', '2026-01-10T10:00:00Z', 'change'), // not an incident
        link('old-1', 'OPS-5', '2026-01-10T10:00:00Z'), // asset no longer under management
      ],
    });
    expect(r).toMatchObject({
      id: 'asset-failure-incident-rate',
      value: 0.75,
      numerator: 3,
      denominator: 4,
      unit: 'incidents per asset per window',
    });
  });

  it('is 0 with no incidents and null with no assets', () => {
    expect(assetFailureIncidentRate({ window, assets, ticketLinks: [] }).value).toBe(0);
    expect(assetFailureIncidentRate({ window, assets: [], ticketLinks: [] })).toMatchObject({
      value: null,
      reason: 'no assets under management',
    });
  });

  it('refuses a link without a zone on its time, naming the field', () => {
    expect(() =>
      assetFailureIncidentRate({ window, assets, ticketLinks: [link('srv-1', 'OPS-1', '2026-01-03 09:00')] }),
    ).toThrow('ticketLinks.0.createdAt: must be an ISO 8601 date-time');
  });
});
