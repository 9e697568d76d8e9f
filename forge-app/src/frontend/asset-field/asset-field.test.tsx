import { answerInvoke, findAll, render, setProductContext, settle, submitted, textOf } from '../testing/fake-bridge';
import { AssetFieldEdit } from './asset-field-edit';
import { AssetFieldView } from './asset-field-view';
import { act } from 'react';

describe('the asset field', () => {
  it('shows the tags it holds', async () => {
    setProductContext({ extension: { fieldValue: ['SRV-1', 'LAP-2'] } });
    await render(<AssetFieldView />);
    expect(findAll('Tag').map(t => t.props.text)).toEqual(['SRV-1', 'LAP-2']);
    setProductContext({ extension: { fieldValue: null } });
    await render(<AssetFieldView />);
    expect(textOf()).toBe('No assets');
  });

  it('edits: searches the register, picks assets and submits their tags', async () => {
    setProductContext({ extension: { fieldValue: ['SRV-1'] } });
    const calls: [string, unknown][] = [];
    answerInvoke((key, payload) => {
      calls.push([key, payload]);
      return {
        ok: true,
        data: [{ id: 'a2', tag: 'LAP-2', name: 'laptop', lifecycleStage: 'in-stock', criticality: 4, linked: false }],
      };
    });
    await render(<AssetFieldEdit />);
    const select = () => findAll('Select')[0].props;
    expect(select().value).toEqual([{ label: 'SRV-1', value: 'SRV-1' }]);
    await act(async () => {
      (select().onInputChange as (q: string) => void)('lap');
    });
    await settle();
    expect(calls).toEqual([['searchFieldAssets', { q: 'lap' }]]);
    expect(select().options).toEqual([
      { label: 'SRV-1', value: 'SRV-1' },
      { label: 'LAP-2 laptop', value: 'LAP-2' },
    ]);
    await act(async () => {
      (select().onChange as (v: unknown) => void)([{ label: 'SRV-1', value: 'SRV-1' }, { label: 'LAP-2 laptop', value: 'LAP-2' }]);
    });
    const [edit] = findAll('CustomFieldEdit');
    await act(async () => {
      (edit.props.onSubmit as () => void)();
    });
    await settle();
    expect(submitted()).toEqual([['SRV-1', 'LAP-2']]);
  });
});
