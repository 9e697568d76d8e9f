import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Asset, TransitionOption } from '@itam/common';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetLifecycle } from './AssetLifecycle';

const allowed = (to: Asset['lifecycleStage']): TransitionOption => ({ to, allowed: true, violations: [] });

function render(
  api: ReturnType<typeof fakeItamApi>,
  options: { asset?: Asset; canUpdate?: boolean; onChanged?: () => void } = {},
) {
  return renderWithItam(
    <AssetLifecycle
      asset={options.asset ?? anAsset()}
      canUpdate={options.canUpdate ?? true}
      onChanged={options.onChanged ?? jest.fn()}
    />,
    { api },
  );
}

describe('AssetLifecycle', () => {
  it('shows the seven stages with the current one highlighted', async () => {
    await render(fakeItamApi({ getTransitionOptions: () => pending() }), {
      asset: anAsset({ lifecycleStage: 'deployed' }),
    });
    const steps = within(screen.getByLabelText('Lifecycle stages'));
    for (const label of ['Planned', 'Ordered', 'In stock', 'Deployed', 'Maintenance', 'Retired', 'Disposed']) {
      expect(steps.getByText(label)).toBeInTheDocument();
    }
    expect(screen.getByText('Deployed').closest('[aria-current="step"]')).not.toBeNull();
    expect(screen.getByText('Planned').closest('[aria-current="step"]')).toBeNull();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows why the possible moves could not be loaded', async () => {
    await render(
      fakeItamApi({ getTransitionOptions: async () => Promise.reject(apiError(500, 'boom')) }),
    );
    expect(
      await screen.findByText('Error: Could not load the possible moves: boom'),
    ).toBeInTheDocument();
  });

  it('says a disposed asset does not move again', async () => {
    await render(fakeItamApi({ getTransitionOptions: async () => [] }), {
      asset: anAsset({ lifecycleStage: 'disposed' }),
    });
    expect(await screen.findByText(/disposal is final/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move to/ })).not.toBeInTheDocument();
  });

  it('moves the asset with its version and reports the change', async () => {
    const onChanged = jest.fn();
    const api = fakeItamApi({
      getTransitionOptions: async () => [allowed('deployed'), allowed('maintenance')],
      transitionAsset: async () => anAsset({ lifecycleStage: 'deployed', version: 8 }),
    });
    await render(api, { asset: anAsset({ version: 7 }), onChanged });
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Deployed' }));
    expect(api.transitionAsset).toHaveBeenCalledWith('a1', 7, { to: 'deployed', reason: undefined, sanitisation: undefined });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('shows the rule that blocks a move under its disabled button', async () => {
    await render(
      fakeItamApi({
        getTransitionOptions: async () => [
          {
            to: 'deployed',
            allowed: false,
            violations: [{ ruleId: 'deploy-requires-owner', message: 'The asset needs an owner before it is deployed' }],
          },
          allowed('maintenance'),
        ],
      }),
    );
    expect(await screen.findByText('The asset needs an owner before it is deployed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move to Deployed' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move to Maintenance' })).toBeEnabled();
  });

  it('asks for a reason where a rule needs one and sends it', async () => {
    const api = fakeItamApi({
      getTransitionOptions: async () => [
        {
          to: 'retired',
          allowed: false,
          violations: [{ ruleId: 'reason-required', message: 'Moving the asset to retired needs a reason' }],
        },
      ],
      transitionAsset: async () => anAsset({ lifecycleStage: 'retired' }),
    });
    await render(api);
    const retire = await screen.findByRole('button', { name: 'Move to Retired' });
    expect(retire).toBeDisabled();
    expect(screen.getByText('Moving the asset to retired needs a reason')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), 'Screen broken beyond repair');
    expect(retire).toBeEnabled();
    expect(screen.queryByText('Moving the asset to retired needs a reason')).not.toBeInTheDocument();
    await userEvent.click(retire);
    expect(api.transitionAsset).toHaveBeenCalledWith('a1', 1, {
      to: 'retired',
      reason: 'Screen broken beyond repair',
      sanitisation: undefined,
    });
  });

  it('shows the rule messages when the backend refuses a move', async () => {
    const api = fakeItamApi({
      getTransitionOptions: async () => [allowed('deployed')],
      transitionAsset: async () =>
        Promise.reject(
          apiError(422, 'The asset reached end of life on 2020-01-01 and cannot be deployed [deploy-before-end-of-life]', {
            violations: undefined,
          }),
        ),
    });
    await render(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Deployed' }));
    expect(await screen.findByText('Moving the asset to Deployed was refused')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Reasons for the refusal' })).getByText(
        'The asset reached end of life on 2020-01-01 and cannot be deployed',
      ),
    ).toBeInTheDocument();
  });

  it('lists every violation the backend sends with a refusal', async () => {
    const refusal = apiError(422, 'refused');
    (refusal.body as Record<string, unknown>).violations = [
      { ruleId: 'deploy-requires-owner', message: 'The asset needs an owner before it is deployed' },
      { ruleId: 'hardware-received-before-deploy', message: 'Hardware must be received into stock before it is deployed' },
    ];
    await render(
      fakeItamApi({
        getTransitionOptions: async () => [allowed('deployed')],
        transitionAsset: async () => Promise.reject(refusal),
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Deployed' }));
    const reasons = await screen.findByRole('list', { name: 'Reasons for the refusal' });
    expect(within(reasons).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'The asset needs an owner before it is deployed',
      'Hardware must be received into stock before it is deployed',
    ]);
  });

  it('explains a version conflict and reloads on request', async () => {
    const onChanged = jest.fn();
    await render(
      fakeItamApi({
        getTransitionOptions: async () => [allowed('maintenance')],
        transitionAsset: async () => Promise.reject(apiError(409, 'version 1 is stale', {}, 'ConflictError')),
      }),
      { onChanged },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Maintenance' }));
    expect(await screen.findByText('Someone else changed this asset since you opened it')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload the asset' }));
    expect(onChanged).toHaveBeenCalled();
  });

  it('records the sanitisation with a disposal, checking it first', async () => {
    const api = fakeItamApi({
      getTransitionOptions: async () => [
        {
          to: 'disposed',
          allowed: false,
          violations: [
            { ruleId: 'reason-required', message: 'Moving the asset to disposed needs a reason' },
            { ruleId: 'dispose-requires-sanitisation', message: 'The asset held restricted data: record its sanitisation before disposal' },
          ],
        },
      ],
      transitionAsset: async () => anAsset({ lifecycleStage: 'disposed' }),
    });
    await render(api, { asset: anAsset({ lifecycleStage: 'retired', dataClassification: 'restricted' }) });
    const dispose = await screen.findByRole('button', { name: 'Move to Disposed' });
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), 'End of life');
    expect(dispose).toBeDisabled();
    const record = within(screen.getByRole('group', { name: 'Sanitisation record' }));
    await userEvent.type(record.getByRole('textbox', { name: 'Sanitised on' }), '31/05/2026');
    await userEvent.type(record.getByRole('textbox', { name: 'Performed by' }), 'Shredco');
    expect(dispose).toBeEnabled();
    await userEvent.click(dispose);
    expect(await screen.findByText('must be a date formatted YYYY-MM-DD')).toBeInTheDocument();
    expect(record.getByText('is required')).toBeInTheDocument();
    expect(api.transitionAsset).not.toHaveBeenCalled();

    await userEvent.clear(record.getByRole('textbox', { name: 'Sanitised on' }));
    await userEvent.type(record.getByRole('textbox', { name: 'Sanitised on' }), '2026-05-31');
    await userEvent.click(record.getByRole('button', { name: /Method/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'purge' }));
    await userEvent.click(dispose);
    await waitFor(() =>
      expect(api.transitionAsset).toHaveBeenCalledWith('a1', 1, {
        to: 'disposed',
        reason: 'End of life',
        sanitisation: { date: '2026-05-31', method: 'purge', performedBy: 'Shredco' },
      }),
    );
  });

  it('only lists the next stages to users who may not change the asset', async () => {
    await render(fakeItamApi({ getTransitionOptions: async () => [allowed('deployed'), allowed('retired')] }), {
      canUpdate: false,
    });
    expect(await screen.findByText(/It can move to Deployed, Retired/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move to/ })).not.toBeInTheDocument();
  });
});
