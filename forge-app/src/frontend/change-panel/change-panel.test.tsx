import { answerInvoke, click, findAll, render, textOf, textsOf, type } from '../testing/fake-bridge';
import { ChangePanel } from './change-panel';

const srv = { id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 1, owner: 'group:default/sre', openIncidents: ['OPS-4'] };
const changePanel = (assets: object[]) => ({
  ok: true,
  data: { issueKey: 'CHG-1', assets, owners: assets.length ? ['group:default/sre'] : [], ...(assets.length ? { highestCriticality: 1 } : {}) },
});

describe('ChangePanel', () => {
  it('shows a spinner while loading', async () => {
    answerInvoke(() => new Promise(() => undefined));
    await render(<ChangePanel />);
    expect(findAll('Spinner')).toHaveLength(1);
  });

  it('explains an error', async () => {
    answerInvoke(() => ({ ok: false, error: { code: 'backend-unauthorized', message: 'Token refused.' } }));
    await render(<ChangePanel />);
    expect(findAll('SectionMessage')[0].props).toMatchObject({ appearance: 'error', title: 'ITAM register refused the app' });
  });

  it('says when the change has no linked assets', async () => {
    answerInvoke(() => ({ ok: true, data: { issueKey: 'CHG-1', assets: [], owners: [] } }));
    await render(<ChangePanel />);
    expect(textOf()).toContain('No assets are linked to this change yet.');
    expect(findAll('Textfield').map(f => f.props.name)).toEqual(['q']);
  });

  it('shows highest criticality, owners to notify and each asset with its open incidents', async () => {
    answerInvoke(() => ({
      ok: true,
      data: {
        issueKey: 'CHG-1',
        highestCriticality: 1,
        owners: ['group:default/sre', 'user:default/jane'],
        assets: [
          { id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 1, owner: 'group:default/sre', openIncidents: ['OPS-4'] },
          { id: 'a2', tag: 'VM-1', name: 'vm', lifecycleStage: 'maintenance', criticality: 3, openIncidents: [] },
        ],
      },
    }));
    await render(<ChangePanel />);
    expect(textsOf('Heading')).toEqual(['SRV-1', 'VM-1']);
    expect(textsOf('Lozenge')).toEqual(['Tier 1', 'Tier 1', 'deployed', 'Tier 3', 'maintenance']);
    expect(textsOf('Text')).toEqual(
      expect.arrayContaining([
        'Highest criticality:',
        'Owners to notify: group:default/sre, user:default/jane',
        'Open incidents: OPS-4',
        'Owner: none recorded',
        'No open incidents.',
      ]),
    );
  });

  it('links an asset found in the register, then shows the change again', async () => {
    let linked = false;
    const calls: string[] = [];
    answerInvoke((key, payload) => {
      calls.push(key);
      if (key === 'searchAssets') {
        return { ok: true, data: [{ id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 1, linked }] };
      }
      if (key === 'linkAsset') {
        expect(payload).toEqual({ assetId: 'a1' });
        linked = true;
        return { ok: true, data: { issueKey: 'CHG-1', assets: [] } };
      }
      return changePanel(linked ? [srv] : []);
    });
    await render(<ChangePanel />);
    await type('q', 'srv');
    await click('Search');
    await click('Link SRV-1');
    expect(calls).toEqual(['getChangePanel', 'searchAssets', 'linkAsset', 'getChangePanel']);
    expect(textsOf('Heading')).toEqual(['SRV-1']);
  });

  it('unlinks an asset, and shows why when that fails', async () => {
    const refused = { ok: false, error: { code: 'forbidden', message: 'You need permission to edit this issue.' } };
    const done = { ok: true, data: { issueKey: 'CHG-1', assets: [] } };
    let unlinkAnswer: object = refused;
    answerInvoke(key => (key === 'unlinkAsset' ? unlinkAnswer : changePanel(unlinkAnswer === done ? [] : [srv])));
    await render(<ChangePanel />);
    await click('Unlink SRV-1');
    expect(textsOf('SectionMessage')).toEqual(['You need permission to edit this issue.']);
    expect(textsOf('Heading')).toEqual(['SRV-1']);
    unlinkAnswer = done;
    await click('Unlink SRV-1');
    expect(textOf()).toContain('No assets are linked to this change yet.');
  });
});
