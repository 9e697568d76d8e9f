import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import type { DiscoveryObservationInput } from '../types';
import { unregisteredDiscoveredRule } from './unregisteredDiscovered';

const assets = [
  anAsset({ id: 'a', externalIds: [{ source: 'glpi', sourceId: '17' }], serialNumber: 'PF3ABC' }),
  anAsset({ id: 'b', lifecycleStage: 'disposed', serialNumber: 'OLD-1' }),
];

function run(discoveries: DiscoveryObservationInput[]) {
  return unregisteredDiscoveredRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets, discoveries }));
}

describe('unregistered-discovered rule', () => {
  it('matches by external id or by serial (any case, any stage)', () => {
    expect(
      run([
        { source: 'glpi', sourceId: '17' },
        { source: 'intune', sourceId: 'x-1', serialNumber: ' pf3abc ' },
        { source: 'intune', sourceId: 'x-2', serialNumber: 'old-1' },
      ]),
    ).toEqual([]);
  });

  it('reports a device matching nothing, with what was seen', () => {
    const [f, ...rest] = run([
      { source: 'glpi', sourceId: '99', serialNumber: 'zz9', name: 'pc-lobby', seenOn: '2026-05-30' },
    ]);
    expect(rest).toEqual([]);
    expect(f).toEqual({
      ruleId: 'unregistered-discovered',
      severity: 'medium',
      subject: { kind: 'discovery', id: 'glpi:99', label: 'pc-lobby' },
      explanation:
        'Discovery source glpi reported device 99 (named pc-lobby, serial ZZ9, last seen 2026-05-30); no asset has that external id or serial number.',
      suggestedAction: expect.stringMatching(/Register the device/),
    });
  });

  it('does not match a source id under another source', () => {
    expect(run([{ source: 'intune', sourceId: '17' }]).map(f => f.subject)).toEqual([
      { kind: 'discovery', id: 'intune:17', label: 'intune:17' },
    ]);
  });

  it('reports a device seen twice once, from its latest sighting, in any order', () => {
    const seen = [
      { source: 'glpi', sourceId: '5', name: 'old-name', seenOn: '2026-04-01' },
      { source: 'glpi', sourceId: '5', name: 'new-name', seenOn: '2026-05-01' },
    ];
    const forward = run(seen);
    const backward = run([...seen].reverse());
    expect(forward).toHaveLength(1);
    expect(forward[0].subject.label).toBe('new-name');
    expect(backward).toEqual(forward);
  });
});
