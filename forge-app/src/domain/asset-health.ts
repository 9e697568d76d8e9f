import { assetDateStatus, isCriticalTier, type Asset, type ItamSettings } from '@itam/common';
import type { DateStatus, Health } from '../common/types';

const RANK: Record<Health, number> = { ok: 0, attention: 1, critical: 2 };

export interface AssetHealth {
  warranty: DateStatus;
  endOfLife: DateStatus;
  endOfSupport: DateStatus;
  /** Whether the asset's tier is one the register's configuration counts as critical. */
  critical: boolean;
  health: Health;
}

/**
 * Warranty, end-of-life and end-of-support status of an asset on `today`, judged by common's
 * `assetDateStatus` with the register's notice windows (as the Backstage pages and the risk
 * findings judge them), and its overall health: `critical` when past end of life or support,
 * or out of warranty on a critical tier; `attention` when out of warranty, any date is near, or
 * the asset is retired or disposed; `ok` otherwise. Only this wording of health is the app's.
 */
export function assetHealth(
  asset: Pick<Asset, 'warrantyEnd' | 'endOfLife' | 'endOfSupport' | 'criticality' | 'lifecycleStage'>,
  today: string,
  settings: ItamSettings,
): AssetHealth {
  const dates = assetDateStatus(asset, today, settings.noticeWindows);
  const [warranty, endOfLife, endOfSupport] = [dates.warranty.state, dates.endOfLife.state, dates.endOfSupport.state];
  const critical = isCriticalTier(asset.criticality, settings.criticalTierMax);
  let health: Health = 'ok';
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

/** The worst of several health values; undefined for none. */
export function worstHealth(values: readonly Health[]): Health | undefined {
  return values.reduce<Health | undefined>(
    (worst, h) => (worst === undefined || RANK[h] > RANK[worst] ? h : worst),
    undefined,
  );
}
