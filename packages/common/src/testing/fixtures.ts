// The package's own name, so the testing entry point's API names the main entry point's type.
import type { Asset } from '@itam/common';

/**
 * A complete, valid stored asset for tests; override what a test is about.
 *
 * @public
 */
export function anAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: 'a1',
    tag: 'LAP-00042',
    name: 'ThinkPad T14 for Jane',
    assetClass: 'hardware',
    type: 'laptop',
    criticality: 3,
    dataClassification: 'internal',
    externalIds: [],
    attributes: {},
    lifecycleStage: 'in-stock',
    owner: 'user:default/jane',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
