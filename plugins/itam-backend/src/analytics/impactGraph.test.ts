import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogueGraphSource } from './impactGraph';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/sre' },
});

describe('CatalogueGraphSource', () => {
  it('builds the catalogue graph once, then answers from it while a stale one is rebuilt in the background', async () => {
    let now = 0;
    let release: () => void = () => undefined;
    const answers = [
      async () => ({ items: [component('a')] }),
      // The rebuild is held until the test lets it finish.
      () => new Promise<{ items: Entity[] }>(resolve => (release = () => resolve({ items: [component('a'), component('b')] }))),
    ];
    let call = 0;
    const getEntities = jest.fn((): Promise<{ items: Entity[] }> => answers[call++]());
    const source = new CatalogueGraphSource({
      catalog: { getEntities } as unknown as CatalogService,
      auth: mockServices.auth(),
      maxAgeMs: 1000,
      now: () => now,
    });
    expect((await source.get()).entities.map(e => e.ref)).toEqual(['component:default/a']);
    expect((await source.get()).entities).toHaveLength(1);
    expect(getEntities).toHaveBeenCalledTimes(1);

    now = 5000;
    // Stale: answered at once from the graph in hand, one rebuild started.
    expect((await source.get()).entities).toHaveLength(1);
    expect((await source.get()).entities).toHaveLength(1);
    expect(getEntities).toHaveBeenCalledTimes(2);
    release();
    await new Promise(resolve => setImmediate(resolve));
    expect((await source.get()).entities.map(e => e.ref)).toEqual(['component:default/a', 'component:default/b']);

    // An invalidation marks it stale the same way.
    answers.push(async () => ({ items: [] }));
    source.invalidate();
    expect((await source.get()).entities).toHaveLength(2);
    await new Promise(resolve => setImmediate(resolve));
    expect((await source.get()).entities).toHaveLength(0);
  });
});
