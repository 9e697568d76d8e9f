import { Route, Routes, useParams } from 'react-router-dom';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetForm } from './AssetForm';

function AssetPageStandIn() {
  return <p>Asset page of {useParams().assetId}</p>;
}

function render(api: ReturnType<typeof fakeItamApi>, assetId?: string) {
  return renderWithItam(
    <Routes>
      <Route path="/itam/assets/new" element={<AssetForm />} />
      <Route path="/itam/assets/:assetId/edit" element={<AssetForm assetId={assetId} />} />
      <Route path="/itam/assets/:assetId" element={<AssetPageStandIn />} />
    </Routes>,
    { api, routeEntries: [assetId ? `/itam/assets/${assetId}/edit` : '/itam/assets/new'] },
  );
}

const field = (name: string | RegExp) => screen.getByRole('textbox', { name });

/** Types into a field in one go (the form is large; key-by-key typing is slow and adds nothing here). */
async function fill(name: string | RegExp, text: string) {
  await userEvent.click(field(name));
  await userEvent.paste(text);
}

async function choose(label: string | RegExp, option: string) {
  await userEvent.click(screen.getByRole('button', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('AssetForm (register)', () => {
  it('shows each missing required field’s message next to it and sends nothing', async () => {
    const api = fakeItamApi();
    await render(api);
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    expect(field(/Asset tag/)).toHaveAccessibleDescription('is required');
    expect(field(/^Name/)).toHaveAccessibleDescription('is required');
    expect(field(/^Type/)).toHaveAccessibleDescription('is required');
    expect(screen.getByRole('button', { name: /Class$/ })).toHaveAccessibleDescription(/is required/);
    expect(api.createAsset).not.toHaveBeenCalled();
  });

  it('explains bad values with the common schema’s messages, by field', async () => {
    const api = fakeItamApi();
    await render(api);
    await fill(/Asset tag/, '-bad');
    await fill(/^Type/, 'Laptop Pro');
    await fill('Purchase cost', '10');
    await fill('Warranty end', '31/03/2028');
    await fill(/^Owner/, 'component:default/api');
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    expect(field(/Asset tag/)).toHaveAccessibleDescription(/must start with a letter or digit/);
    expect(field(/^Type/)).toHaveAccessibleDescription(/kebab-case/);
    expect(field('Currency')).toHaveAccessibleDescription('is required when a cost is given');
    expect(field('Warranty end')).toHaveAccessibleDescription('must be a date formatted YYYY-MM-DD');
    expect(field(/^Owner/)).toHaveAccessibleDescription(/must reference a user or group entity/);
    expect(api.createAsset).not.toHaveBeenCalled();

    await fill('Currency', 'EUR');
    expect(field('Currency')).not.toHaveAttribute('aria-invalid');
  });

  it('registers a valid asset with the schema’s defaults and opens its page', async () => {
    const api = fakeItamApi({ createAsset: async () => anAsset({ id: 'new-1' }) });
    await render(api);
    await fill(/Asset tag/, 'LAP-00100');
    await fill(/^Name/, 'ThinkPad for Sam');
    await choose(/Class$/, 'Hardware');
    await fill(/^Type/, 'laptop');
    await fill(/^Owner/, 'group:sre');
    await fill('Purchase cost', '1299.5');
    await fill('Currency', 'EUR');
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    expect(await screen.findByText('Asset page of new-1')).toBeInTheDocument();
    expect(api.createAsset).toHaveBeenCalledWith({
      tag: 'LAP-00100',
      name: 'ThinkPad for Sam',
      assetClass: 'hardware',
      type: 'laptop',
      owner: 'group:default/sre',
      criticality: 3,
      dataClassification: 'internal',
      lifecycleStage: 'planned',
      purchase: { cost: 1299.5, currency: 'EUR' },
      externalIds: [],
      attributes: {},
    });
  });

  async function fillMinimal() {
    await fill(/Asset tag/, 'VM-1');
    await fill(/^Name/, 'Build VM');
    await choose(/Class$/, 'Cloud');
    await fill(/^Type/, 'vm');
    await fill(/^Owner/, 'user:default/ghost');
  }

  it('shows the backend’s field issues next to their fields', async () => {
    await render(
      fakeItamApi({
        createAsset: async () =>
          Promise.reject(
            apiError(400, 'Invalid asset', { issues: [{ path: 'tag', message: 'is already used by another asset' }] }),
          ),
      }),
    );
    await fillMinimal();
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    await waitFor(() =>
      expect(field(/Asset tag/)).toHaveAccessibleDescription('is already used by another asset'),
    );
  });

  it('puts an unknown catalogue entity next to the field that named it', async () => {
    await render(
      fakeItamApi({
        createAsset: async () =>
          Promise.reject(apiError(422, 'owner: no catalogue entity "user:default/ghost" exists')),
      }),
    );
    await fillMinimal();
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    await waitFor(() =>
      expect(field(/^Owner/)).toHaveAccessibleDescription(
        /no catalogue entity "user:default\/ghost" exists$/,
      ),
    );
  });

  it('explains a duplicate', async () => {
    await render(
      fakeItamApi({
        createAsset: async () => Promise.reject(apiError(409, 'An asset with tag VM-1 already exists')),
      }),
    );
    await fillMinimal();
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    expect(
      await screen.findByText('Not registered: An asset with tag VM-1 already exists'),
    ).toBeInTheDocument();
  });

  it('shows other failures without losing what was typed', async () => {
    await render(fakeItamApi({ createAsset: async () => Promise.reject(apiError(500, 'disk full')) }));
    await fillMinimal();
    await userEvent.click(screen.getByRole('button', { name: 'Register asset' }));
    expect(await screen.findByText('Error: Could not save the asset: disk full')).toBeInTheDocument();
    expect(field(/Asset tag/)).toHaveValue('VM-1');
  });
});

describe('AssetForm (edit)', () => {
  const asset = anAsset({ id: 'a1', version: 4, location: 'HQ', serialNumber: 'PF3' });

  it('shows progress, then the error, when the asset cannot be loaded', async () => {
    await render(fakeItamApi({ getAsset: () => pending() }), 'a1');
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows why the asset could not be loaded', async () => {
    await render(fakeItamApi({ getAsset: async () => Promise.reject(apiError(404, 'No asset a1')) }), 'a1');
    expect(await screen.findByText('Info: Could not load asset a1')).toBeInTheDocument();
  });

  it('starts from the asset and sends only the changes with the version it started from', async () => {
    const api = fakeItamApi({
      getAsset: async () => asset,
      updateAsset: async () => ({ ...asset, location: 'DC-1', version: 5 }),
    });
    await render(api, 'a1');
    expect(await screen.findByRole('textbox', { name: 'Location' })).toHaveValue('HQ');
    expect(screen.queryByRole('button', { name: /Lifecycle stage$/ })).not.toBeInTheDocument();
    await userEvent.clear(field('Location'));
    await fill('Location', 'DC-1');
    await userEvent.clear(field('Serial number'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Asset page of a1')).toBeInTheDocument();
    expect(api.updateAsset).toHaveBeenCalledWith('a1', 4, { location: 'DC-1', serialNumber: null });
  });

  it('refuses to clear a required field, next to it', async () => {
    const api = fakeItamApi({ getAsset: async () => asset });
    await render(api, 'a1');
    await userEvent.clear(await screen.findByRole('textbox', { name: /^Name/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(field(/^Name/)).toHaveAccessibleDescription('must not be empty');
    expect(api.updateAsset).not.toHaveBeenCalled();
  });

  it('says when there is nothing to save', async () => {
    const api = fakeItamApi({ getAsset: async () => asset });
    await render(api, 'a1');
    await userEvent.click(await screen.findByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Nothing to save: no field was changed.')).toBeInTheDocument();
    expect(api.updateAsset).not.toHaveBeenCalled();
  });

  it('explains a version conflict clearly and loads the current version on request', async () => {
    const api = fakeItamApi({
      getAsset: jest
        .fn()
        .mockResolvedValueOnce(asset)
        .mockResolvedValue({ ...asset, location: 'Server room', version: 5 }),
      updateAsset: async () =>
        Promise.reject(apiError(409, 'Asset a1 is at version 5, not 4', {}, 'ConflictError')),
    });
    await render(api, 'a1');
    await userEvent.clear(await screen.findByRole('textbox', { name: 'Location' }));
    await fill('Location', 'DC-1');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Someone else changed this asset since you opened the form'),
    ).toBeInTheDocument();
    expect(screen.getByText(/you were editing version 4/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load the current version' }));
    await waitFor(() => expect(field('Location')).toHaveValue('Server room'));
    expect(
      screen.queryByText('Someone else changed this asset since you opened the form'),
    ).not.toBeInTheDocument();
  });
});
