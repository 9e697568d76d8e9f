import type { Entity } from '@backstage/catalog-model';
import { isItamAvailable } from './isItamAvailable';

const entity = (kind: string, annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
});

describe('isItamAvailable', () => {
  it.each(['Component', 'Resource', 'System', 'component'])('offers ITAM on a %s', kind => {
    expect(isItamAvailable(entity(kind))).toBe(true);
  });

  it.each(['User', 'Group', 'API', 'Domain', 'Location', 'Template'])('not on a %s', kind => {
    expect(isItamAvailable(entity(kind))).toBe(false);
  });

  it('can be turned off per entity with itam.io/enabled: "false"', () => {
    expect(isItamAvailable(entity('Component', { 'itam.io/enabled': 'false' }))).toBe(false);
    expect(isItamAvailable(entity('Component', { 'itam.io/enabled': ' FALSE ' }))).toBe(false);
    expect(isItamAvailable(entity('Component', { 'itam.io/enabled': 'true' }))).toBe(true);
  });
});
