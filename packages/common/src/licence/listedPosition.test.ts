import { listedPosition } from './listedPosition';
import { reconcileLicences } from './reconcile';

describe('listedPosition', () => {
  it('keeps the figures and counts the harvest candidates, leaving out the lists that grow with the installations', () => {
    const report = reconcileLicences(
      {
        products: [{ id: 'p', publisher: 'Acme', name: 'Tool', underManagement: true }],
        entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 5, unitCost: 10, currency: 'EUR' }],
        installations: [
          { id: '1', deviceId: 'd1', productId: 'p', lastUsed: null },
          { id: '2', deviceId: 'd2', productId: 'p', lastUsed: '2026-06-29' },
        ],
        devices: [],
        userAssignments: [],
        concurrentPeaks: [],
      },
      { asOf: '2026-06-30' },
    );
    const [position] = report.products;
    const { explanation: _explanation, harvestCandidates, ...figures } = position;
    expect(harvestCandidates).toHaveLength(1);
    expect(listedPosition(position)).toEqual({ ...figures, harvestCandidateCount: 1 });
    expect(listedPosition(position)).not.toHaveProperty('explanation');
  });
});
