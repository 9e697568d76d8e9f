import { createAsset, updateAsset } from '../asset/operations';
import { newAssetSchema } from '../asset/schema';
import { ItamRuleViolationError } from '../errors';
import { anAsset } from '../testing/fixtures';
import { checkStageRequirements } from './stageRequirements';

const at = '2026-06-01T10:00:00.000Z';
const actor = 'user:default/asset-manager';
const sanitisation = { date: '2026-05-30', method: 'purge' as const, performedBy: 'Shredco Ltd' };

function ruleIdsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ItamRuleViolationError) return e.violations.map(v => v.ruleId);
    throw e;
  }
  return [];
}

describe('checkStageRequirements', () => {
  it('names the rule and the field of every unmet requirement of a new record', () => {
    expect(checkStageRequirements(anAsset({ lifecycleStage: 'deployed', owner: undefined }), { at })).toEqual([
      { ruleId: 'deploy-requires-owner', field: 'owner', message: 'A deployed asset needs an owner' },
    ]);
    expect(
      checkStageRequirements(anAsset({ lifecycleStage: 'disposed', dataClassification: 'restricted' }), { at }).map(v => v.ruleId),
    ).toEqual(['dispose-requires-sanitisation']);
    expect(
      checkStageRequirements(anAsset({ sanitisation: { ...sanitisation, date: '2026-06-02' } }), { at }).map(v => v.ruleId),
    ).toEqual(['sanitisation-not-in-future']);
  });

  it('accepts what each stage requires, and stages that require nothing', () => {
    expect(checkStageRequirements(anAsset({ lifecycleStage: 'deployed' }), { at })).toEqual([]);
    expect(checkStageRequirements(anAsset({ lifecycleStage: 'disposed', dataClassification: 'restricted', sanitisation }), { at })).toEqual([]);
    expect(checkStageRequirements(anAsset({ lifecycleStage: 'disposed', dataClassification: 'internal' }), { at })).toEqual([]);
    expect(checkStageRequirements(anAsset({ lifecycleStage: 'planned', owner: undefined }), { at })).toEqual([]);
  });

  it('holds an edit only to what it breaks', () => {
    const legacy = anAsset({ lifecycleStage: 'deployed', owner: undefined });
    expect(checkStageRequirements({ ...legacy, owner: undefined }, { at, before: legacy })).toEqual([]);
    const deployed = anAsset({ lifecycleStage: 'deployed' });
    expect(checkStageRequirements({ ...deployed, owner: undefined }, { at, before: deployed }).map(v => v.ruleId)).toEqual([
      'deploy-requires-owner',
    ]);
  });
});

describe('create and update apply the stage requirements', () => {
  const create = (input: object) =>
    createAsset({ id: 'n1', data: newAssetSchema.parse({ tag: 'N-1', name: 'n', assetClass: 'hardware', type: 'server', ...input }), actor, at });

  it('refuses to create an asset deployed without owner or disposed without sanitisation', () => {
    expect(ruleIdsOf(() => create({ lifecycleStage: 'deployed' }))).toEqual(['deploy-requires-owner']);
    expect(ruleIdsOf(() => create({ lifecycleStage: 'disposed', dataClassification: 'confidential' }))).toEqual([
      'dispose-requires-sanitisation',
    ]);
    expect(create({ lifecycleStage: 'deployed', owner: 'group:default/sre' }).asset.lifecycleStage).toBe('deployed');
    expect(create({ lifecycleStage: 'disposed', dataClassification: 'confidential', sanitisation }).asset.version).toBe(1);
  });

  it('refuses a patch that removes what the stage requires, and allows other edits', () => {
    const deployed = anAsset({ lifecycleStage: 'deployed' });
    expect(ruleIdsOf(() => updateAsset({ asset: deployed, patch: { owner: null }, actor, at }))).toEqual(['deploy-requires-owner']);
    const disposed = anAsset({ lifecycleStage: 'disposed', dataClassification: 'restricted', sanitisation });
    expect(ruleIdsOf(() => updateAsset({ asset: disposed, patch: { sanitisation: null }, actor, at }))).toEqual([
      'dispose-requires-sanitisation',
    ]);
    const internal = anAsset({ lifecycleStage: 'disposed', dataClassification: 'internal' });
    expect(ruleIdsOf(() => updateAsset({ asset: internal, patch: { dataClassification: 'restricted' }, actor, at }))).toEqual([
      'dispose-requires-sanitisation',
    ]);
    expect(updateAsset({ asset: deployed, patch: { location: 'DC-2' }, actor, at })?.asset.location).toBe('DC-2');
  });
});
