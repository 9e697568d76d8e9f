import { answerInvoke, button, click, findAll, render, textOf, textsOf, type } from '../testing/fake-bridge';
import type { IncidentPanelData, PanelAsset } from '../../common/types';
import { IncidentPanel } from './incident-panel';

const asset: PanelAsset = {
  id: 'a1',
  tag: 'SRV-1',
  name: 'db host',
  lifecycleStage: 'deployed',
  criticality: 1,
  owner: 'group:default/sre',
  warranty: { date: '2026-01-31', status: 'passed' },
  endOfLife: { date: '2026-09-30', status: 'due-soon' },
  endOfSupport: { status: 'none' },
  critical: true,
  health: 'critical',
  incidents: { recentCount: 3, recentKeys: ['OPS-7', 'OPS-3'], hiddenCount: 1 },
  url: 'https://backstage.example.com/itam/assets/a1',
  licences: {
    status: 'under-licensed',
    products: [
      { productId: 'office', name: 'Office 2021', publisher: 'Microsoft', status: 'compliant', position: 0, unit: 'device' },
      { productId: 'sql-ent', name: 'SQL Server 2022 Enterprise', publisher: 'Microsoft', status: 'under-licensed', position: -16, unit: 'core' },
    ],
  },
};
const panel = (assets: PanelAsset[]): { ok: true; data: IncidentPanelData } => ({
  ok: true,
  data: { issueKey: 'OPS-9', assets },
});

describe('IncidentPanel', () => {
  it('shows a spinner while loading', async () => {
    answerInvoke(() => new Promise(() => undefined));
    await render(<IncidentPanel />);
    expect(findAll('Spinner')).toHaveLength(1);
  });

  it('explains a resolver error', async () => {
    answerInvoke(() => ({ ok: false, error: { code: 'not-configured', message: 'Connect the register first.' } }));
    await render(<IncidentPanel />);
    const [message] = findAll('SectionMessage');
    expect(message.props).toMatchObject({ appearance: 'warning', title: 'ITAM register not connected' });
    expect(textOf(message)).toBe('Connect the register first.');
  });

  it('explains a failed bridge call', async () => {
    answerInvoke(() => Promise.reject(new Error('network')));
    await render(<IncidentPanel />);
    expect(findAll('SectionMessage')[0].props).toMatchObject({ appearance: 'error' });
  });

  it('says when no assets are linked, and offers the search', async () => {
    answerInvoke(() => panel([]));
    await render(<IncidentPanel />);
    expect(textsOf('Text')).toContain('No assets are linked to this issue yet.');
    expect(findAll('Textfield').map(f => f.props.name)).toEqual(['q']);
  });

  it('shows each linked asset with stage, tier, warranty, end of life, licences, owner and incident history', async () => {
    answerInvoke(() => panel([asset]));
    await render(<IncidentPanel />);
    expect(textsOf('Heading')).toEqual(['SRV-1']);
    expect(findAll('Lozenge').map(l => [textOf(l), l.props.appearance])).toEqual([
      ['Critical', 'removed'],
      ['deployed', 'success'],
      ['Tier 1', 'removed'],
      ['Warranty ended 2026-01-31', 'removed'],
      ['End of life soon (2026-09-30)', 'moved'],
      ['Under-licensed', 'removed'],
    ]);
    expect(textsOf('Text')).toEqual(
      expect.arrayContaining([
        'db host',
        'Owner: group:default/sre',
        'Other incidents in the last 90 days: 3 (latest: OPS-7, OPS-3); 1 more recent you cannot view',
        'Office 2021 — compliant',
        'SQL Server 2022 Enterprise — under-licensed (short 16)',
      ]),
    );
  });

  it('links each asset to its page in Backstage, when the portal address is set', async () => {
    answerInvoke(() => panel([asset, { ...asset, id: 'a2', tag: 'LAP-2', url: undefined }]));
    await render(<IncidentPanel />);
    expect(findAll('Link').map(l => [l.props.href, textOf(l)])).toEqual([
      ['https://backstage.example.com/itam/assets/a1', 'Open in Backstage'],
    ]);
  });

  it('says when the licence status is unknown or there is no managed software, without listing products', async () => {
    answerInvoke(() =>
      panel([
        { ...asset, licences: { status: 'unknown', products: [] } },
        { ...asset, id: 'a2', tag: 'LAP-2', licences: { status: 'none', products: [] } },
      ]),
    );
    await render(<IncidentPanel />);
    const lozenges = findAll('Lozenge').map(l => [textOf(l), l.props.appearance]);
    expect(lozenges).toEqual(
      expect.arrayContaining([
        ['Licence status unknown', 'default'],
        ['No managed software', 'default'],
      ]),
    );
    expect(textsOf('Text').filter(t => t.includes(' — '))).toEqual([]);
    expect(findAll('SectionMessage')).toHaveLength(0);
  });

  it('unlinks an asset and shows the panel the resolver returns', async () => {
    const calls: [string, unknown][] = [];
    answerInvoke((key, payload) => {
      calls.push([key, payload]);
      return key === 'unlinkAsset' ? panel([]) : panel([asset]);
    });
    await render(<IncidentPanel />);
    await click('Unlink SRV-1');
    expect(calls).toEqual([
      ['getIncidentPanel', undefined],
      ['unlinkAsset', { assetId: 'a1' }],
    ]);
    expect(textsOf('Text')).toContain('No assets are linked to this issue yet.');
  });

  it('searches the register and links a result', async () => {
    const calls: [string, unknown][] = [];
    answerInvoke((key, payload) => {
      calls.push([key, payload]);
      if (key === 'searchAssets') {
        return {
          ok: true,
          data: [
            { id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 1, linked: true },
            { id: 'a2', tag: 'LAP-2', name: 'laptop', lifecycleStage: 'in-stock', criticality: 4, linked: false },
          ],
        };
      }
      return key === 'linkAsset' ? panel([asset, { ...asset, id: 'a2', tag: 'LAP-2' }]) : panel([asset]);
    });
    await render(<IncidentPanel />);
    expect(button('Search').props.isDisabled).toBe(true);
    await type('q', 'lap');
    expect(button('Search').props.isDisabled).toBe(false);
    await click('Search');
    expect(button('SRV-1 linked').props.isDisabled).toBe(true);
    await click('Link LAP-2');
    expect(calls.slice(1)).toEqual([
      ['searchAssets', { q: 'lap' }],
      ['linkAsset', { assetId: 'a2' }],
    ]);
    expect(textsOf('Heading')).toEqual(['SRV-1', 'LAP-2']);
  });

  it('keeps the panel and shows why a link failed', async () => {
    answerInvoke(key => {
      if (key === 'searchAssets') {
        return { ok: true, data: [{ id: 'a2', tag: 'LAP-2', name: 'laptop', lifecycleStage: 'in-stock', criticality: 4, linked: false }] };
      }
      if (key === 'linkAsset') return { ok: false, error: { code: 'forbidden', message: 'You need permission to edit this issue.' } };
      return panel([asset]);
    });
    await render(<IncidentPanel />);
    await type('q', 'lap');
    await click('Search');
    await click('Link LAP-2');
    expect(textsOf('SectionMessage')).toEqual(['You need permission to edit this issue.']);
    expect(textsOf('Heading')).toEqual(['SRV-1']);
  });

  it('says when a search finds nothing', async () => {
    answerInvoke(key => (key === 'searchAssets' ? { ok: true, data: [] } : panel([])));
    await render(<IncidentPanel />);
    await type('q', 'zzz');
    await click('Search');
    expect(textsOf('Text')).toContain('No assets match.');
  });
});
