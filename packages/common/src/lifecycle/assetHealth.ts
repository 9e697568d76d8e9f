import type { Asset } from '../asset/types';
import { assetDateStatus, isCriticalTier, type EndDateState, type NoticeWindows } from './dateStatus';

/**
 * An asset's overall state, worst last: `ok`, `attention`, `critical`.
 *
 * @public
 */
export type AssetHealthLevel = 'ok' | 'attention' | 'critical';

/**
 * An asset's end dates as they stand, whether its tier counts as critical, and its overall health.
 *
 * @public
 */
export interface AssetHealth {
  warranty: EndDateState;
  endOfLife: EndDateState;
  endOfSupport: EndDateState;
  /** Whether the asset's tier is one the register's configuration counts as critical. */
  critical: boolean;
  health: AssetHealthLevel;
}

const RANK: Record<AssetHealthLevel, number> = { ok: 0, attention: 1, critical: 2 };

/**
 * An asset's health on `today`, judged by its end dates with the register's notice windows (as
 * the risk findings and the Backstage pages judge them): `critical` when past end of life or
 * support, or out of warranty on a critical tier; `attention` when out of warranty, any date is
 * near, or the asset is retired or disposed; `ok` otherwise.
 *
 * @param settings - the register's notice windows and highest critical tier (`GET /settings`)
 * @public
 */
export function assetHealth(
  asset: Pick<Asset, 'warrantyEnd' | 'endOfLife' | 'endOfSupport' | 'criticality' | 'lifecycleStage'>,
  today: string,
  settings: { noticeWindows: NoticeWindows; criticalTierMax: number },
): AssetHealth {
  const dates = assetDateStatus(asset, today, settings.noticeWindows);
  const [warranty, endOfLife, endOfSupport] = [dates.warranty.state, dates.endOfLife.state, dates.endOfSupport.state];
  const critical = isCriticalTier(asset.criticality, settings.criticalTierMax);
  let health: AssetHealthLevel = 'ok';
  if (endOfLife === 'passed' || endOfSupport === 'passed' || (warranty === 'passed' && critical)) {
    health = 'critical';
  } else if (
    warranty === 'passed' ||
    [warranty, endOfLife, endOfSupport].includes('due-soon') ||
    asset.lifecycleStage === 'retired' ||
    asset.lifecycleStage === 'disposed'
  ) {
    health = 'attention';
  }
  return { warranty, endOfLife, endOfSupport, critical, health };
}

/**
 * The worst of several health values; undefined for none.
 *
 * @public
 */
export function worstAssetHealth(values: readonly AssetHealthLevel[]): AssetHealthLevel | undefined {
  return values.reduce<AssetHealthLevel | undefined>(
    (worst, h) => (worst === undefined || RANK[h] > RANK[worst] ? h : worst),
    undefined,
  );
}
