import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportJob } from '@itam/common';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import {
  aDryRunJob,
  aFailedImportJob,
  aFile,
  anImportJob,
  aRunningImportJob,
  deferred,
  NATIVE_CSV,
  SNIPEIT_CSV,
} from '../../testing/importAuditFixtures';
import { permissions, renderWithItam } from '../../testing/renderWithItam';
import { ImportsPage, newJobId } from './ImportsPage';

async function chooseFile(name: string, content: string) {
  await userEvent.upload(screen.getByLabelText('File to import'), aFile(name, content));
}

describe('ImportsPage', () => {
  it('shows progress while the recent jobs load', async () => {
    await renderWithItam(<ImportsPage />, { api: fakeItamApi({ listImports: () => pending() }) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when there are no imports yet', async () => {
    await renderWithItam(<ImportsPage />, { api: fakeItamApi({ listImports: async () => [] }) });
    expect(await screen.findByText('No imports yet')).toBeInTheDocument();
  });

  it('shows why the recent jobs could not load, with a retry', async () => {
    const api = fakeItamApi({
      listImports: jest
        .fn()
        .mockRejectedValueOnce(apiError(500, 'database away'))
        .mockResolvedValue([anImportJob()]),
    });
    await renderWithItam(<ImportsPage />, { api });
    expect(
      await screen.findByText('Error: Could not load the recent imports: database away'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /2026-03-01 10:00 UTC/ })).toBeInTheDocument();
  });

  it('lists recent jobs and opens one to show its row errors', async () => {
    const failed = aFailedImportJob();
    const api = fakeItamApi({
      listImports: async () => [{ ...failed, errors: [] }, aDryRunJob({ createdAt: '2026-02-28T08:30:00.000Z' })],
      getImport: async () => failed,
    });
    await renderWithItam(<ImportsPage />, { api });
    const row = await screen.findByRole('row', { name: /2026-03-01 10:00 UTC/ });
    expect(within(row).getByText('ITAM CSV (register export)')).toBeInTheDocument();
    expect(within(row).getByText('Import')).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('1 created, 0 updated, 0 unchanged, 2 refused')).toBeInTheDocument();
    expect(within(row).getByText('user:default/alex')).toBeInTheDocument();
    const dryRow = screen.getByRole('row', { name: /2026-02-28 08:30 UTC/ });
    expect(within(dryRow).getByText('Dry run')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Show details' }));
    const details = await screen.findByRole('region', { name: /Details of the import/ });
    const errors = await within(details).findByRole('region', { name: 'Row errors' });
    expect(api.getImport).toHaveBeenCalledWith('job-failed');
    const bad = within(errors).getByRole('row', { name: 'Row 3' });
    expect(within(bad).getByText('assetClass')).toBeInTheDocument();
    expect(within(bad).getByText('must be one of "hardware", "software"')).toBeInTheDocument();
    expect(within(errors).getByText('Showing the first 2 of 3 row errors.')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Hide details' }));
    expect(screen.queryByRole('region', { name: /Details of the import/ })).not.toBeInTheDocument();
  });

  it('guesses the format from the file and previews a dry run: outcomes, and nothing written', async () => {
    const dryRun = aDryRunJob();
    const api = fakeItamApi({
      listImports: async () => [],
      runImport: async () => dryRun,
      getImport: async () => pending(),
    });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('assets.csv', NATIVE_CSV);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Format/ })).toHaveTextContent('ITAM CSV (register export)'),
    );
    expect(screen.queryByRole('textbox', { name: 'Currency' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    const result = await screen.findByRole('region', { name: 'Import result' });
    expect(api.runImport).toHaveBeenCalledWith({
      format: 'itam-csv',
      content: expect.anything(),
      dryRun: true,
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The file's bytes, as they are: the server detects the encoding.
    expect(Buffer.from(api.runImport.mock.calls[0][0].content as Uint8Array).toString('utf8')).toBe(NATIVE_CSV);
    expect(within(result).getByText('Dry run: nothing was written')).toBeInTheDocument();
    const counts = within(result).getByRole('list', { name: 'Row counts' });
    expect(within(counts).getByText('Created: 1')).toBeInTheDocument();
    expect(within(counts).getByText('Updated: 1')).toBeInTheDocument();
    expect(within(counts).getByText('Refused: 0')).toBeInTheDocument();
    const outcomes = within(result).getByRole('region', { name: 'What each row would do' });
    const created = within(outcomes).getByRole('row', { name: /Row 2/ });
    expect(within(created).getByText('Would create')).toBeInTheDocument();
    // An asset a preview would create does not exist yet: no link.
    expect(within(created).queryByRole('link')).not.toBeInTheDocument();
    const updated = within(outcomes).getByRole('row', { name: /Row 3/ });
    expect(within(updated).getByText('Would update')).toBeInTheDocument();
    expect(within(updated).getByText('Location, Owner')).toBeInTheDocument();
    expect(within(updated).getByRole('link', { name: 'LAP-2' })).toHaveAttribute('href', '/itam/assets/a2');
  });

  it('imports a Snipe-IT file with its currency and reports what was written', async () => {
    const api = fakeItamApi({
      listImports: async () => [],
      runImport: async () => anImportJob({ format: 'snipeit-csv' }),
      getImport: async () => pending(),
    });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('export.csv', SNIPEIT_CSV);
    const currency = await screen.findByRole('textbox', { name: 'Currency' });
    await userEvent.clear(currency);
    await userEvent.type(currency, 'gbp');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const result = await screen.findByRole('region', { name: 'Import result' });
    expect(api.runImport).toHaveBeenCalledWith({
      format: 'snipeit-csv',
      content: expect.anything(),
      dryRun: false,
      currency: 'GBP',
      jobId: expect.any(String),
    });
    expect(
      within(result).getByText('Import finished: the changes were written to the register'),
    ).toBeInTheDocument();
    expect(within(result).getByRole('region', { name: 'What each row did' })).toBeInTheDocument();
    expect(api.listImports.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('preselects the reading options from a dry run, shows the rows as they will be written and the warnings, and sends the choices', async () => {
    const dryRun = aDryRunJob({
      format: 'snipeit-csv',
      summary: {
        applied: false,
        reading: {
          encoding: 'windows-1252',
          encodingDetected: true,
          lineEnding: 'CRLF',
          kind: 'assets',
          kindDetected: true,
          dateFormats: [{ column: 'Purchase Date', format: 'DD/MM/YYYY', inferred: true }],
          decimalSeparator: '.',
          mode: 'atomic',
          unknownPeople: 'keep-as-text',
        },
        preview: [{ row: 2, values: { tag: 'GROK-1', name: 'Café laptop', type: 'laptop', lifecycleStage: 'in-stock', 'purchase.cost': 1299, 'purchase.currency': 'EUR', 'purchase.date': '2024-03-15' } }],
        warningCount: 1,
        warnings: [{ row: 2, field: 'Checked Out To: Username', message: '"leaver" is not a user in the catalogue: kept as text in the attribute custodianName' }],
      },
    });
    const api = fakeItamApi({ listImports: async () => [], runImport: async () => dryRun, getImport: async () => pending() });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('export.csv', SNIPEIT_CSV);
    await screen.findByRole('textbox', { name: 'Currency' });
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    const result = await screen.findByRole('region', { name: 'Import result' });
    expect(within(result).getByText(/Read as windows-1252 \(detected\); CRLF line endings; Snipe-IT assets \(told from the header\); Purchase Date as DD\/MM\/YYYY \(inferred\)\./)).toBeInTheDocument();
    const preview = within(result).getByRole('region', { name: 'The first rows as they will be written' });
    const row = within(preview).getByRole('row', { name: /Row 2/ });
    expect(within(row).getByText('Café laptop')).toBeInTheDocument();
    expect(within(row).getByText('1299 EUR')).toBeInTheDocument();
    const warnings = within(result).getByRole('region', { name: 'Warnings (rows imported with a remark)' });
    expect(within(warnings).getByText('Checked Out To: Username')).toBeInTheDocument();

    // The dry run's reading is now the form's: importing sends it.
    await waitFor(() => expect(screen.getByRole('button', { name: /Encoding/ })).toHaveTextContent('Windows-1252'));
    expect(screen.getByRole('button', { name: /Dates written as/ })).toHaveTextContent('DD/MM/YYYY');
    await userEvent.click(screen.getByRole('button', { name: /Rows that cannot be imported/ }));
    await userEvent.click(await screen.findByRole('option', { name: /Valid rows/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(api.runImport).toHaveBeenCalledTimes(2));
    expect(api.runImport.mock.calls[1][0]).toMatchObject({
      format: 'snipeit-csv',
      dryRun: false,
      kind: 'assets',
      encoding: 'windows-1252',
      dateFormat: 'DD/MM/YYYY',
      mode: 'valid-rows',
    });
    expect(api.runImport.mock.calls[1][0]).not.toHaveProperty('unknownPeople');
  });

  it('explains a bad currency next to the field instead of uploading', async () => {
    const api = fakeItamApi({ listImports: async () => [] });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('export.csv', SNIPEIT_CSV);
    const currency = await screen.findByRole('textbox', { name: 'Currency' });
    await userEvent.clear(currency);
    await userEvent.type(currency, 'euro');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/must be an ISO 4217 currency code/)).toBeInTheDocument();
    expect(api.runImport).not.toHaveBeenCalled();
  });

  it('asks for a file and a format before uploading', async () => {
    const api = fakeItamApi({ listImports: async () => [] });
    await renderWithItam(<ImportsPage />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText('Choose a file to import')).toBeInTheDocument();
    expect(screen.getByText('Choose the format of the file')).toBeInTheDocument();
    expect(screen.getByLabelText('File to import')).toHaveAttribute('aria-invalid', 'true');

    await chooseFile('inventory.txt', NATIVE_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Choose the format of the file')).toBeInTheDocument();
    expect(api.runImport).not.toHaveBeenCalled();
  });

  it('shows a failed import with its summary and each refused row', async () => {
    const api = fakeItamApi({ listImports: async () => [], runImport: async () => aFailedImportJob() });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('assets.csv', NATIVE_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const result = await screen.findByRole('region', { name: 'Import result' });
    expect(
      within(result).getByText(
        'Import failed: 2 row(s) refused: the job wrote nothing; fix them and import the file again',
      ),
    ).toBeInTheDocument();
    expect(within(result).getByText('Nothing was written to the register.')).toBeInTheDocument();
    const errors = within(result).getByRole('region', { name: 'Row errors' });
    const bad = within(errors).getByRole('row', { name: /Row 4/ });
    expect(within(bad).getByText('purchaseDate')).toBeInTheDocument();
    expect(within(bad).getByText('must be a date formatted YYYY-MM-DD')).toBeInTheDocument();
    expect(within(errors).getByText('Showing the first 2 of 3 row errors.')).toBeInTheDocument();
    expect(within(result).getByText('Refused: 2')).toBeInTheDocument();
  });

  it('shows the backend refusing the file next to the form', async () => {
    const api = fakeItamApi({
      listImports: async () => [],
      runImport: async () => {
        throw apiError(400, 'Import job j1 failed: bad JSON', {
          issues: [{ path: 'body', message: 'Unexpected token } in JSON at position 9' }],
        });
      },
    });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('assets.json', '[{"tag": }]');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const form = screen.getByRole('form', { name: 'Import a file' });
    expect(
      await within(form).findByText('The file was refused: Unexpected token } in JSON at position 9'),
    ).toBeInTheDocument();
    expect(api.runImport).toHaveBeenCalledWith(expect.objectContaining({ format: 'itam-json' }));
  });

  it('shows a server failure as an error panel', async () => {
    const api = fakeItamApi({
      listImports: async () => [],
      runImport: async () => {
        throw apiError(500, 'disk full');
      },
    });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('assets.csv', NATIVE_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Error: The import could not run: disk full')).toBeInTheDocument();
  });

  it('shows the running job\'s progress while the upload runs, then its result', async () => {
    const upload = deferred<ImportJob>();
    let jobs: ImportJob[] = [];
    const api = fakeItamApi({
      listImports: async () => jobs,
      runImport: () => upload.promise,
      getImport: async id => aRunningImportJob({ id }),
    });
    await renderWithItam(<ImportsPage />, { api });
    await screen.findByText('No imports yet');
    await chooseFile('assets.csv', NATIVE_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    // It follows the job it named in the upload, not whatever else is running.
    expect(api.getImport).toHaveBeenCalledWith(api.runImport.mock.calls[0][0].jobId);
    expect(screen.getByText('120 rows done, 500 B of 1000 B read')).toBeInTheDocument();
    expect(screen.getByText('Importing assets.csv')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    jobs = [anImportJob({ id: 'job-running' })];
    upload.resolve(anImportJob({ id: 'job-running' }));
    expect(await screen.findByRole('region', { name: 'Import result' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: 'Import progress' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
  });

  it('shows rows done on an indeterminate bar when the upload size is unknown', async () => {
    const upload = deferred<ImportJob>();
    const api = fakeItamApi({
      listImports: async () => [],
      getImport: async () =>
        aRunningImportJob({ dryRun: true, progress: { rowsDone: 7, bytesDone: 2048 } }),
      runImport: () => upload.promise,
    });
    await renderWithItam(<ImportsPage />, { api });
    await chooseFile('assets.csv', NATIVE_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));
    expect(await screen.findByText('7 rows done, 2.0 KB read')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).not.toHaveAttribute(
      'aria-valuenow',
    );
    expect(screen.getByText('Previewing assets.csv')).toBeInTheDocument();
    upload.resolve(aDryRunJob());
    expect(await screen.findByText('Dry run: nothing was written')).toBeInTheDocument();
  });

  it('hides the upload from users without the import permission', async () => {
    await renderWithItam(<ImportsPage />, {
      api: fakeItamApi({ listImports: async () => [anImportJob()] }),
      permissionApi: permissions('DENY'),
    });
    expect(await screen.findByText(/You do not have the import permission/)).toBeInTheDocument();
    expect(screen.queryByLabelText('File to import')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Preview (dry run)' })).not.toBeInTheDocument();
  });
});

describe('newJobId', () => {
  it('makes a version 4 UUID, also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newJobId()).toMatch(uuid);
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newJobId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
