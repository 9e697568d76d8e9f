import { reconcileLicences } from './reconcile';
import { summarizeLicencePositions } from './summary';
import type { LicenceInput } from './types';

describe('summarizeLicencePositions', () => {
  const data: LicenceInput = {
    products: [
      { id: 'ok', publisher: 'A', name: 'Ok', underManagement: true },
      { id: 'short', publisher: 'A', name: 'Short', underManagement: true },
      { id: 'spare', publisher: 'A', name: 'Spare', underManagement: true },
      { id: 'unknown', publisher: 'A', name: 'Unknown', underManagement: true },
      { id: 'off', publisher: 'A', name: 'Off', underManagement: false },
    ],
    entitlements: [
      { id: 'e-ok', productId: 'ok', metric: 'per-device', quantity: 1 },
      { id: 'e-short', productId: 'short', metric: 'per-device', quantity: 0, unitCost: 25, currency: 'GBP' },
      { id: 'e-spare', productId: 'spare', metric: 'per-device', quantity: 9 },
      { id: 'e-unknown', productId: 'unknown', metric: 'per-core', quantity: 64 },
    ],
    installations: [
      { id: 'i1', deviceId: 'd1', productId: 'ok', lastUsed: null },
      { id: 'i2', deviceId: 'd1', productId: 'short' },
      { id: 'i3', deviceId: 'd2', productId: 'short' },
      { id: 'i4', deviceId: 'd1', productId: 'unknown' },
      { id: 'i5', deviceId: 'd1', productId: 'off', lastUsed: null },
    ],
    devices: [],
    userAssignments: [],
    concurrentPeaks: [],
  };

  it('counts statuses, the compliance rate, the true-up and the harvest candidates', () => {
    const report = reconcileLicences(data, { asOf: '2025-06-30' });
    expect(report.summary).toEqual({
      products: 5,
      reconciled: 4,
      byStatus: { compliant: 1, 'under-licensed': 1, 'over-licensed': 1, incomplete: 1, unreconciled: 1 },
      complianceRate: 0.5,
      trueUp: { cost: 50, currency: 'GBP', complete: true },
      harvestCandidates: 1,
    });
    expect(summarizeLicencePositions(report.products)).toEqual(report.summary);
  });

  it('refuses positions from reconciliations in different currencies', () => {
    const eur = reconcileLicences(data, { asOf: '2025-06-30' }).products;
    const usd = eur.map(p => ({ ...p, trueUp: { ...p.trueUp, currency: p.trueUp.cost > 0 ? 'USD' : p.trueUp.currency } }));
    expect(() => summarizeLicencePositions([...eur, ...usd])).toThrow('mixes currencies (GBP, USD)');
  });
});
