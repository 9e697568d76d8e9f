import type { Asset, JiraIssueAsset } from '@itam/common';
import { assetPropertyAction, assetPropertyUpToDate, assetPropertyValue } from './asset-property';

const item = (tag: string, patch: Partial<Asset> = {}, entities: string[] = []): JiraIssueAsset =>
  ({
    asset: { id: tag.toLowerCase(), tag, criticality: 3, ...patch } as Asset,
    link: {} as JiraIssueAsset['link'],
    entities: entities.map(entityRef => ({ entityRef, role: 'runs-on' as const })),
  });

describe('asset property', () => {
  it('indexes tags, owners, services and the highest criticality, sorted and without duplicates', () => {
    expect(
      assetPropertyValue([
        item('SRV-2', { owner: 'group:default/sre', criticality: 2 }, ['component:default/api', 'resource:default/db']),
        item('LAP-1', { owner: 'user:default/jane', criticality: 4 }, ['system:default/payments', 'component:default/api']),
        item('SRV-2', { owner: 'group:default/sre', criticality: 2 }),
      ]),
    ).toEqual({
      tags: ['LAP-1', 'SRV-2'],
      count: 2,
      owners: ['group:default/sre', 'user:default/jane'],
      services: ['component:default/api', 'system:default/payments'],
      highestCriticality: 2,
    });
    expect(assetPropertyValue([])).toEqual({ tags: [], count: 0, owners: [], services: [] });
  });

  it('is up to date only when every value matches; no property equals no assets', () => {
    const wanted = assetPropertyValue([item('LAP-1')]);
    expect(assetPropertyUpToDate({ ...wanted }, wanted)).toBe(true);
    expect(assetPropertyUpToDate({ ...wanted, tags: ['LAP-2'] }, wanted)).toBe(false);
    expect(assetPropertyUpToDate({ ...wanted, highestCriticality: 1 }, wanted)).toBe(false);
    // A property written before owners and services were indexed is rewritten.
    expect(assetPropertyUpToDate({ tags: ['LAP-1'], count: 1 }, assetPropertyValue([item('LAP-1', { owner: 'user:default/jane' })]))).toBe(false);
    expect(assetPropertyUpToDate(undefined, wanted)).toBe(false);
    expect(assetPropertyUpToDate(undefined, assetPropertyValue([]))).toBe(true);
  });

  it('never empties a non-empty property unless the app itself removed the links', () => {
    const some = assetPropertyValue([item('LAP-1')]);
    const none = assetPropertyValue([]);
    expect(assetPropertyAction(some, none, false)).toBe('refuse-clear');
    expect(assetPropertyAction(some, none, true)).toBe('write');
    expect(assetPropertyAction(undefined, none, false)).toBe('keep');
    expect(assetPropertyAction(none, some, false)).toBe('write');
    expect(assetPropertyAction(some, some, false)).toBe('keep');
  });
});
