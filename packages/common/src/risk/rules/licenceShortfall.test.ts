import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import type { LicenceShortfallInput } from '../types';
import { licenceShortfallRule } from './licenceShortfall';

const assets = [
  anAsset({ id: 'd2', tag: 'SRV-2' }),
  anAsset({ id: 'd1', tag: 'SRV-1' }),
  ...Array.from({ length: 6 }, (_, i) => anAsset({ id: `x${i}`, tag: `WKS-${i}` })),
];

function run(licenceShortfalls: LicenceShortfallInput[]) {
  return licenceShortfallRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets, licenceShortfalls }));
}

describe('licence-shortfall rule', () => {
  it('reports a product short of rights with its devices by tag', () => {
    const [f] = run([
      { productId: 'p-sql', productName: 'SQL Server 2022 Enterprise', shortfall: 8, deviceAssetIds: ['d2', 'unknown-7', 'd1', 'd2'] },
    ]);
    expect(f).toEqual({
      ruleId: 'licence-shortfall',
      severity: 'high',
      subject: { kind: 'product', id: 'p-sql', label: 'SQL Server 2022 Enterprise' },
      relatedAssetIds: ['d1', 'd2', 'unknown-7'],
      explanation:
        'SQL Server 2022 Enterprise is short of 8 licences on 2026-06-01. Devices involved (3): SRV-1, SRV-2, unknown-7.',
      suggestedAction: expect.stringMatching(/Harvest unused installations/),
    });
  });

  it('lists five devices and counts the rest', () => {
    const [f] = run([
      { productId: 'p', productName: 'Visio', shortfall: 1, deviceAssetIds: assets.map(a => a.id).slice(2) },
    ]);
    expect(f.explanation).toBe(
      'Visio is short of 1 licence on 2026-06-01. Devices involved (6): WKS-0, WKS-1, WKS-2, WKS-3, WKS-4 and 1 more.',
    );
  });

  it('skips products with no shortfall and refuses a non-number', () => {
    expect(run([{ productId: 'p', productName: 'P', shortfall: 0, deviceAssetIds: [] }])).toEqual([]);
    expect(run([{ productId: 'p', productName: 'P', shortfall: -3, deviceAssetIds: [] }])).toEqual([]);
    expect(() => run([{ productId: 'p', productName: 'P', shortfall: Number.NaN, deviceAssetIds: [] }])).toThrow(
      /licenceShortfalls\.0\.shortfall: must be a finite number/,
    );
  });

  it('omits the device sentence when none are named', () => {
    const [f] = run([{ productId: 'p', productName: 'P', shortfall: 2, deviceAssetIds: [] }]);
    expect(f.explanation).toBe('P is short of 2 licences on 2026-06-01.');
    expect(f.relatedAssetIds).toEqual([]);
  });
});
