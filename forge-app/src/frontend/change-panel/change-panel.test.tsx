import { answerInvoke, click, findAll, render, textOf, textsOf, type } from '../testing/fake-bridge';
import { ChangePanel } from './change-panel';

const srv = { id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 1, owner: 'group:default/sre', openIncidents: ['OPS-4'] };
const changePanel = (assets: object[]) => ({
  ok: true,
  data: { issueKey: 'CHG-1', assets, owners: assets.length ? ['group:default/sre'] : [], ...(assets.length ? { highestCriticality: 1 } : {}) },
});

const srvRef = { type: 'asset', id: 'a1', tag: 'SRV-1' };
const vmRef = { type: 'asset', id: 'a2', tag: 'VM-7' };
const shopRef = { type: 'entity', ref: 'component:default/shop' };
const hops = [
  { from: srvRef, to: vmRef, relation: 'hosts', inverse: false },
  { from: vmRef, to: shopRef, relation: 'runs-on', inverse: true },
];
const assessment = {
  window: { start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T23:59:59.999Z' },
  result: {
    notFound: { assetIds: [], entityRefs: [] },
    affectedAssets: [{ ...srv, distance: 0, path: [] }],
    affectedEntities: [{ ref: 'component:default/shop', kind: 'component', title: 'Shop', owners: ['group:default/shop-team'], distance: 2, path: hops }],
    ownersToNotify: [
      { owner: 'group:default/sre', owns: [srvRef], why: 'owns SRV-1' },
      { owner: 'group:default/shop-team', owns: [shopRef], why: 'owns the shop' },
    ],
    highestCriticality: { tier: 1, items: [srvRef] },
    openIncidents: [{ asset: srvRef, issueKeys: ['OPS-4'] }],
    traversal: { maxDepth: 4, deepest: 2, truncated: false },
    risk: {
      score: 12,
      level: 'high',
      impact: 3,
      likelihood: 4,
      reasons: [
        { factor: 'criticality', dimension: 'impact', points: 3, explanation: 'A tier 1 asset is affected.' },
        { factor: 'incident-history', dimension: 'likelihood', points: 4, explanation: '1 open incident on affected assets.' },
      ],
    },
  },
};

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

  it('shows the impact assessment: risk with every reason, what it reaches and how, owners, criticality, incidents', async () => {
    answerInvoke(() => ({ ok: true, data: { ...changePanel([srv]).data, assessment } }));
    await render(<ChangePanel />);
    expect(textsOf('Heading')).toEqual(['SRV-1', 'Impact assessment', 'Affected services and systems']);
    expect(textsOf('Lozenge')).toEqual(expect.arrayContaining(['high risk']));
    expect(textsOf('Text')).toEqual(
      expect.arrayContaining([
        'Risk score: 12 / 25',
        'criticality (+3 impact): A tier 1 asset is affected.',
        'incident-history (+4 likelihood): 1 open incident on affected assets.',
        'Shop (component:default/shop) (component): SRV-1 → hosts → VM-7 → reverse of runs-on → component:default/shop',
        'Owners to notify (assessment): group:default/sre, group:default/shop-team',
        'Open incidents (assessment): OPS-4',
      ]),
    );
  });

  it('records the assessment as a comment, and says so', async () => {
    const calls: string[] = [];
    answerInvoke(key => {
      calls.push(key);
      if (key === 'recordAssessment') return { ok: true, data: { commentId: '10000', score: 12, level: 'high' } };
      return { ok: true, data: { ...changePanel([srv]).data, assessment } };
    });
    await render(<ChangePanel />);
    await click('Record assessment as comment');
    expect(calls).toEqual(['getChangePanel', 'recordAssessment']);
    expect(textsOf('SectionMessage')).toEqual(['Added to the issue as a comment: risk 12 / 25 (high).']);
  });

  it('shows why recording the assessment failed', async () => {
    answerInvoke(key =>
      key === 'recordAssessment'
        ? { ok: false, error: { code: 'forbidden', message: 'You need permission to comment on this issue to record the assessment.' } }
        : { ok: true, data: { ...changePanel([srv]).data, assessment } },
    );
    await render(<ChangePanel />);
    await click('Record assessment as comment');
    expect(textsOf('SectionMessage')).toEqual(['You need permission to comment on this issue to record the assessment.']);
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
