import { describeImpactHop } from './describeHop';

const db = { type: 'entity' as const, ref: 'resource:default/db' };
const shop = { type: 'entity' as const, ref: 'component:default/shop' };
const host = { type: 'asset' as const, id: 'h1', tag: 'HOST-1' };
const vm = { type: 'asset' as const, id: 'v7', tag: 'VM-7' };

describe('describeImpactHop', () => {
  it('states an inverse hop from its affected end', () => {
    expect(describeImpactHop({ from: db, to: shop, relation: 'dependsOn', inverse: true })).toBe(
      'component:default/shop dependsOn resource:default/db',
    );
  });

  it('states a forward hop as walked', () => {
    expect(describeImpactHop({ from: host, to: vm, relation: 'hosts', inverse: false })).toBe(
      'asset HOST-1 hosts asset VM-7',
    );
  });
});
