import { ASSET_LINK_TYPES, ENTITY_LINK_ROLES } from '../links/schema';
import {
  ASSET_LINK_STEPS,
  CATALOGUE_RELATION_STEPS,
  ENTITY_LINK_KINDS,
  IMPACT_EDGE_KINDS,
} from './relations';

const kind = (i: number) => IMPACT_EDGE_KINDS[i];

describe('impact edge vocabulary', () => {
  it('covers every asset link type and entity link role', () => {
    expect(Object.keys(ASSET_LINK_STEPS).sort()).toEqual([...ASSET_LINK_TYPES].sort());
    expect(Object.keys(ENTITY_LINK_KINDS).sort()).toEqual([...ENTITY_LINK_ROLES].sort());
  });

  it('walks a dependency from the dependency to the dependant, whichever end states it', () => {
    expect(CATALOGUE_RELATION_STEPS.get('dependsOn')!.from).toBe('target');
    expect(CATALOGUE_RELATION_STEPS.get('dependencyOf')!.from).toBe('source');
    expect(CATALOGUE_RELATION_STEPS.get('dependsOn')!.kind).toBe(CATALOGUE_RELATION_STEPS.get('dependencyOf')!.kind);
    expect(kind(CATALOGUE_RELATION_STEPS.get('dependsOn')!.kind)).toEqual({
      relation: 'dependsOn',
      inverse: true,
      layer: 'catalogue',
    });
  });

  it('walks partOf upwards only, stated from either end', () => {
    expect(CATALOGUE_RELATION_STEPS.get('partOf')!.from).toBe('source');
    expect(CATALOGUE_RELATION_STEPS.get('hasPart')!.from).toBe('target');
    expect(kind(CATALOGUE_RELATION_STEPS.get('hasPart')!.kind)).toMatchObject({ relation: 'partOf', inverse: false });
  });

  it('walks from a host to what it hosts, from a device to its software, from a part to the whole', () => {
    expect(ASSET_LINK_STEPS.hosts.from).toBe('source');
    expect(ASSET_LINK_STEPS['installed-on'].from).toBe('target');
    expect(ASSET_LINK_STEPS['part-of'].from).toBe('source');
    expect(kind(ASSET_LINK_STEPS['installed-on'].kind)).toMatchObject({ relation: 'installed-on', inverse: true });
  });

  it('reads entity link roles in their natural direction', () => {
    expect(kind(ENTITY_LINK_KINDS['runs-on'])).toMatchObject({ relation: 'runs-on', inverse: true });
    expect(kind(ENTITY_LINK_KINDS['stores-data-of'])).toMatchObject({ relation: 'stores-data-of', inverse: false });
  });

  it('does not walk ownership or unrelated relations', () => {
    for (const type of ['ownedBy', 'ownerOf', 'memberOf', 'childOf', 'toString']) {
      expect(CATALOGUE_RELATION_STEPS.get(type)).toBeUndefined();
    }
    expect(IMPACT_EDGE_KINDS.length).toBeLessThan(16);
  });
});
