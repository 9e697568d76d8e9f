import type { AffectedAsset, AffectedEntity, ImpactHop } from '@itam/common';
import { pathText, reachedItems } from './impact-text';

const srv = { type: 'asset', id: 'a1', tag: 'SRV-1' } as const;
const vm = { type: 'asset', id: 'a2', tag: 'VM-7' } as const;
const shop = { type: 'entity', ref: 'component:default/shop' } as const;
const hosts: ImpactHop = { from: srv, to: vm, relation: 'hosts', inverse: false };
const runsOn: ImpactHop = { from: vm, to: shop, relation: 'runs-on', inverse: true };

describe('pathText', () => {
  it('chains each hop from the change outwards', () => {
    expect(pathText([hosts])).toBe('SRV-1 → hosts → VM-7');
    expect(pathText([hosts, runsOn])).toBe('SRV-1 → hosts → VM-7 → reverse of runs-on → component:default/shop');
  });

  it('is empty for an item the change names', () => {
    expect(pathText([])).toBe('');
  });
});

describe('reachedItems', () => {
  it('lists what the change reaches beyond what it names, entities first, with their paths', () => {
    const asset = (tag: string, distance: number, path: ImpactHop[]) =>
      ({ id: tag, tag, name: `${tag} box`, lifecycleStage: 'deployed', distance, path, openIncidents: [] }) as AffectedAsset;
    const entity = { ref: 'component:default/shop', kind: 'component', title: 'Shop', owners: [], distance: 2, path: [hosts, runsOn] } as AffectedEntity;
    expect(reachedItems({ affectedAssets: [asset('SRV-1', 0, []), asset('VM-7', 1, [hosts])], affectedEntities: [entity] })).toEqual([
      { label: 'Shop (component:default/shop)', kind: 'component', path: 'SRV-1 → hosts → VM-7 → reverse of runs-on → component:default/shop' },
      { label: 'VM-7 VM-7 box', kind: 'asset', path: 'SRV-1 → hosts → VM-7' },
    ]);
  });
});
