import { anAsset } from '../testing/fixtures';
import { DEFAULT_RISK_CONFIG, parseRiskConfig } from './config';
import { assetFindingBase, describeAsset, IN_ESTATE_STAGES, isCriticalAsset } from './assetFacts';

describe('asset facts', () => {
  it('counts tiers up to criticalTierMax as critical', () => {
    expect(isCriticalAsset({ criticality: 1 }, DEFAULT_RISK_CONFIG)).toBe(true);
    expect(isCriticalAsset({ criticality: 2 }, DEFAULT_RISK_CONFIG)).toBe(true);
    expect(isCriticalAsset({ criticality: 3 }, DEFAULT_RISK_CONFIG)).toBe(false);
    expect(isCriticalAsset({ criticality: 2 }, parseRiskConfig({ criticalTierMax: 1 }))).toBe(false);
  });

  it('leaves retired and disposed assets out of the estate', () => {
    expect(IN_ESTATE_STAGES.has('deployed')).toBe(true);
    expect(IN_ESTATE_STAGES.has('retired')).toBe(false);
    expect(IN_ESTATE_STAGES.has('disposed')).toBe(false);
  });

  it('names an asset by tag, adding a distinct name', () => {
    expect(describeAsset({ tag: 'SRV-1', name: 'db host' })).toBe('SRV-1 (db host)');
    expect(describeAsset({ tag: 'SRV-1', name: 'SRV-1' })).toBe('SRV-1');
  });

  it('builds the asset subject', () => {
    expect(assetFindingBase(anAsset({ id: 'x', tag: 'LAP-7' }))).toEqual({
      subject: { kind: 'asset', id: 'x', label: 'LAP-7' },
      assetId: 'x',
      assetTag: 'LAP-7',
    });
  });
});
