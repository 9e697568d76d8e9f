import {
  createAsset,
  productFullName,
  entitlementSchema,
  compareText,
  formatIsoDay,
  isInAuditScope,
  newAssetSchema,
  parseOrThrow,
  parseIsoDay,
  type Asset,
  type AuditObservation,
  type AuditScope,
} from '@itam/common';
import { KnexAuditStore } from '../audits/KnexAuditStore';
import type { KnexAssetStore } from '../database/KnexAssetStore';
import { writeInstallations } from '../imports/writeBatches';
import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import { productBodySchema } from '../licences/licenceRoutes';
import { EXAMPLE_ASSETS } from './exampleAssets';
import { EXAMPLE_ENTITLEMENTS, EXAMPLE_INSTALLATIONS, EXAMPLE_PRODUCTS } from './exampleLicences';

const ACTOR = 'itam:example-data';

/**
 * Loads the example estate into an empty register (does nothing if any asset exists, so a
 * restart keeps what a user changed). Goes through the domain functions, so the example history
 * is as real as any other.
 *
 * @returns the number of assets created.
 * @public
 */
export async function seedExampleData(
  store: KnexAssetStore,
  options: { now?: () => Date; newId?: () => string } = {},
): Promise<number> {
  const existing = await store.listAssets({ limit: 1 });
  if (existing.items.length > 0) return 0;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const byTag = new Map<string, Asset>();
  for (const example of EXAMPLE_ASSETS) {
    const data = parseOrThrow(newAssetSchema, example.asset, `example asset ${example.asset.tag}`);
    const asset = await store.createAsset(createAsset({ id: newId(), data, actor: ACTOR, at: now() }));
    byTag.set(asset.tag, asset);
  }
  for (const example of EXAMPLE_ASSETS) {
    const asset = byTag.get(example.asset.tag)!;
    const stamp = { actor: ACTOR, at: now() };
    for (const link of example.entityLinks ?? []) await store.addEntityLink(asset.id, link, stamp);
    for (const link of example.assetLinks ?? []) {
      await store.addAssetLink(
        { sourceAssetId: asset.id, type: link.type, targetAssetId: byTag.get(link.targetTag)!.id },
        stamp,
      );
    }
    for (const ticket of example.tickets ?? []) await store.upsertTicketLink(asset.id, ticket, stamp);
  }
  await seedExampleLicences(store, byTag, now);
  await seedExampleAudit(store, [...byTag.values()], now, newId);
  return EXAMPLE_ASSETS.length;
}

/** Software products, entitlements and installations, through the licence store's checks. */
async function seedExampleLicences(store: KnexAssetStore, byTag: Map<string, Asset>, now: () => string) {
  const licences = KnexLicenceStore.create(store.knex);
  const stamp = { actor: ACTOR, at: now() };
  const today = parseIsoDay(stamp.at.slice(0, 10))!;
  const day = (offset: number) => formatIsoDay(today + offset);
  for (const product of EXAMPLE_PRODUCTS) {
    await licences.createProduct(parseOrThrow(productBodySchema, product, `example product ${product.id}`), stamp);
  }
  for (const { termEndInDays, ...example } of EXAMPLE_ENTITLEMENTS) {
    const input = termEndInDays === undefined ? example : { ...example, termStart: day(termEndInDays - 364), termEnd: day(termEndInDays) };
    await licences.createEntitlement(parseOrThrow(entitlementSchema, input, `example entitlement ${example.id}`), stamp);
  }
  const raw = new Map<string, { productName: string; publisher: string; version: string }[]>();
  for (const example of EXAMPLE_INSTALLATIONS) {
    const asset = byTag.get(example.assetTag)!;
    if ('raw' in example) {
      raw.set(asset.id, [...(raw.get(asset.id) ?? []), example.raw]);
      continue;
    }
    const product = EXAMPLE_PRODUCTS.find(p => p.id === example.productId)!;
    await licences.createInstallation(
      {
        assetId: asset.id,
        productId: product.id,
        productName: productFullName(product),
        ...(example.version ? { version: example.version } : {}),
      },
      stamp,
    );
  }
  await writeInstallations(
    store.knex,
    [...raw].map(([assetId, items]) => ({ assetId, source: 'glpi', items })),
    stamp.at,
  );
}

/**
 * A hardware count closed ten days ago: most assets seen where the register says, one seen
 * elsewhere, one not found and one unknown tag, so register accuracy and the audit page have
 * every kind of finding to show.
 */
async function seedExampleAudit(
  store: KnexAssetStore,
  assets: Asset[],
  now: () => string,
  newId: () => string,
) {
  const audits = KnexAuditStore.create(store.knex);
  const at = now();
  const daysAgo = (days: number) => {
    const instant = new Date(at);
    instant.setUTCDate(instant.getUTCDate() - days);
    return instant.toISOString();
  };
  const tenDaysAgo = daysAgo(10);
  const scope: AuditScope = { assetClasses: ['hardware'] };
  const inScope = assets.filter(a => isInAuditScope(a, scope)).sort((a, b) => compareText(a.tag, b.tag));
  const campaign = await audits.createCampaign({
    id: newId(),
    name: 'Hardware count, November',
    scope,
    dueDate: tenDaysAgo.slice(0, 10),
    status: 'open',
    createdBy: ACTOR,
    createdAt: daysAgo(20),
  });
  const observed = (o: Omit<AuditObservation, 'observedBy' | 'observedAt'>): AuditObservation & { assetId?: string } => ({
    ...o,
    observedBy: 'user:default/sam',
    observedAt: tenDaysAgo,
    assetId: assets.find(a => a.tag === o.assetTag)?.id,
  });
  const [misplaced, missing, ...rest] = inScope;
  const observations = [
    ...rest.map(a => observed({ assetTag: a.tag, result: 'seen', ...(a.location ? { location: a.location } : {}) })),
    ...(misplaced ? [observed({ assetTag: misplaced.tag, result: 'seen', location: 'Berlin office store room' })] : []),
    ...(missing ? [observed({ assetTag: missing.tag, result: 'not-found', note: 'Not at its recorded location' })] : []),
    observed({ assetTag: 'LAP-00999', result: 'seen', location: 'Berlin office', note: 'Tag not in the register' }),
  ];
  await audits.addObservations(campaign.id, observations);
  await audits.closeCampaign(campaign.id, 'user:default/sam', tenDaysAgo);
}
