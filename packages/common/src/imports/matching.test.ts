import type { Asset, NewAsset } from '../asset/types';
import { anAsset } from '../testing/fixtures';
import { externalIdKey, importPatch, matchImportRow, type ImportMatchIndex } from './matching';

const server = anAsset({ id: 'a-1', tag: 'SRV-00001', serialNumber: 'SN-1', externalIds: [{ source: 'snipe-it', sourceId: '17' }] });
const twinA = anAsset({ id: 'a-2', tag: 'LAP-00002', serialNumber: 'SN-DUP', externalIds: [] });
const twinB = anAsset({ id: 'a-3', tag: 'LAP-00003', serialNumber: 'SN-DUP', externalIds: [{ source: 'glpi', sourceId: 'x' }] });

/** The index a chunk's lookup would build over these register assets. */
function indexOf(assets: readonly Asset[]): ImportMatchIndex {
  const bySerial = new Map<string, Asset[]>();
  for (const a of assets) if (a.serialNumber) bySerial.set(a.serialNumber, [...(bySerial.get(a.serialNumber) ?? []), a]);
  return {
    assetIdByExternalId: new Map(assets.flatMap(a => a.externalIds.map(e => [externalIdKey(e), a.id] as const))),
    byId: new Map(assets.map(a => [a.id, a])),
    bySerial,
    byTag: new Map(assets.map(a => [a.tag, a])),
  };
}

const index = indexOf([server, twinA, twinB]);
const row = (asset: Partial<Pick<NewAsset, 'tag' | 'serialNumber' | 'externalIds'>>, tagGiven = true) => ({
  asset: { tag: 'NEW-00001', externalIds: [], ...asset },
  tagGiven,
});

describe('matchImportRow', () => {
  it('matches by external id before serial number and tag', () => {
    expect(matchImportRow(row({ tag: 'SRV-00001', serialNumber: 'SN-1', externalIds: [{ source: 'snipe-it', sourceId: '17' }] }), index)).toEqual({
      kind: 'existing',
      asset: server,
      matchedBy: 'externalIds',
    });
    expect(matchImportRow(row({ serialNumber: 'SN-1' }, false), index)).toEqual({ kind: 'existing', asset: server, matchedBy: 'serialNumber' });
    expect(matchImportRow(row({ tag: 'SRV-00001' }), index)).toEqual({ kind: 'existing', asset: server, matchedBy: 'tag' });
  });

  it('refuses external ids that name two assets', () => {
    const match = matchImportRow(
      row({ externalIds: [{ source: 'snipe-it', sourceId: '17' }, { source: 'glpi', sourceId: 'x' }] }),
      index,
    );
    expect(match).toEqual({ kind: 'refused', field: 'externalIds', message: 'belong to different assets of the register' });
  });

  it('lets the row\'s own tag pick among assets sharing a serial, and refuses the row when nothing does', () => {
    expect(matchImportRow(row({ tag: 'LAP-00003', serialNumber: 'SN-DUP' }), index)).toEqual({
      kind: 'existing',
      asset: twinB,
      matchedBy: 'serialNumber',
    });
    expect(matchImportRow(row({ tag: 'LAP-00003', serialNumber: 'SN-DUP' }, false), index)).toEqual({
      kind: 'refused',
      field: 'serialNumber',
      message: '"SN-DUP" is the serial number of 2 assets (LAP-00002, LAP-00003); give the row their tag or external id',
    });
  });

  it('creates a row that matches nothing, unless its tag is taken', () => {
    expect(matchImportRow(row({ tag: 'NEW-00009', serialNumber: 'SN-NEW' }), index)).toEqual({ kind: 'new' });
    // A generated tag (not given by the file) matches nothing, and may not take another's tag.
    expect(matchImportRow(row({ tag: 'SRV-00001' }, false), index)).toEqual({
      kind: 'refused',
      field: 'tag',
      message: '"SRV-00001" is already the tag of another asset; give the device its own tag',
    });
  });

  it('refuses a row whose tag belongs to another asset than the one its serial matched', () => {
    expect(matchImportRow(row({ tag: 'LAP-00002', serialNumber: 'SN-1' }), index)).toEqual({
      kind: 'refused',
      field: 'tag',
      message: '"LAP-00002" is the tag of asset a-2, but the row\'s serial number matches asset SRV-00001',
    });
  });
});

describe('importPatch', () => {
  const incoming = {
    ...server,
    name: 'Renamed',
    lifecycleStage: 'retired',
    externalIds: [{ source: 'snipe-it', sourceId: '17' }, { source: 'lansweeper', sourceId: 'L-1' }],
    attributes: { rack: 'B2' },
  } as unknown as NewAsset;
  const existing = { externalIds: server.externalIds, attributes: { rack: 'A1', room: '4' } };

  it('edits the fields the file gave, adds missing external ids and merges attributes, leaving the stage to a transition', () => {
    expect(importPatch(existing, incoming, new Set(['name', 'lifecycleStage', 'externalIds', 'attributes']))).toEqual({
      patch: {
        name: 'Renamed',
        externalIds: [{ source: 'snipe-it', sourceId: '17' }, { source: 'lansweeper', sourceId: 'L-1' }],
        attributes: { rack: 'B2', room: '4' },
      },
      externalIdsChanged: true,
    });
  });

  it('leaves alone what the file did not give, and external ids the asset already holds', () => {
    const known = { ...incoming, externalIds: server.externalIds } as NewAsset;
    expect(importPatch(existing, known, new Set(['externalIds']))).toEqual({ patch: {}, externalIdsChanged: false });
  });
});
