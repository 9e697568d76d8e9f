import type { Asset } from '@itam/common';
import { END_OF_LIFE_NOTICE_DAYS, WARRANTY_NOTICE_DAYS } from '../common/constants';
import type { DateStatus, Health } from '../common/types';
import { dateStatus } from './date-status';

const RANK: Record<Health, number> = { ok: 0, attention: 1, critical: 2 };

export interface AssetHealth {
  warranty: DateStatus;
  endOfLife: DateStatus;
  health: Health;
}

/**
 * Warranty and end-of-life status of an asset on `today`, and its overall health:
 * `critical` when past end of life, or out of warranty on a tier 1 or 2 asset; `attention` when
 * out of warranty, either date is near, or the asset is retired or disposed; `ok` otherwise.
 */
export function assetHealth(
  asset: Pick<Asset, 'warrantyEnd' | 'endOfLife' | 'criticality' | 'lifecycleStage'>,
  today: string,
): AssetHealth {
  const warranty = dateStatus(asset.warrantyEnd, today, WARRANTY_NOTICE_DAYS);
  const endOfLife = dateStatus(asset.endOfLife, today, END_OF_LIFE_NOTICE_DAYS);
  let health: Health = 'ok';
  if (endOfLife === 'passed' || (warranty === 'passed' && asset.criticality <= 2)) {
    health = 'critical';
  } else if (
    warranty === 'passed' ||
    warranty === 'due-soon' ||
    endOfLife === 'due-soon' ||
    asset.lifecycleStage === 'retired' ||
    asset.lifecycleStage === 'disposed'
  ) {
    health = 'attention';
  }
  return { warranty, endOfLife, health };
}

/** The worst of several health values; undefined for none. */
export function worstHealth(values: readonly Health[]): Health | undefined {
  return values.reduce<Health | undefined>(
    (worst, h) => (worst === undefined || RANK[h] > RANK[worst] ? h : worst),
    undefined,
  );
}
