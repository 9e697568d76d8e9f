import type { Page } from 'playwright-core';
import { screenshot, startPortal, type Portal } from './portal';

// One portal for the file: starting it (backend, catalogue ingestion) takes a while, and the
// tests share the example data, each touching its own assets.
let portal: Portal;
let page: Page;

beforeAll(async () => {
  portal = await startPortal();
  page = await portal.signedInPage();
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

const open = (path: string) => page.goto(`${portal.baseUrl}${path}`);

describe('the example portal in Chromium', () => {
  it("shows a component's assets on its Assets tab", async () => {
    await open('/catalog/default/component/payments-api');
    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await page.getByRole('link', { name: 'SRV-00001' }).waitFor();
    await page.getByText('SAAS-00030').waitFor();
    await page.getByText(/Under-licensed/).first().waitFor();
    await screenshot(page, 'entity-assets-tab');
  });

  it('filters the register by class', async () => {
    await open('/itam/assets');
    await page.getByRole('link', { name: 'SAAS-00030' }).waitFor();
    await page.getByRole('button', { name: /Class/ }).click();
    await page.getByRole('option', { name: 'Hardware' }).click();
    await page.waitForURL(/assetClass=hardware|\/itam\/assets/);
    await page.getByRole('link', { name: 'SRV-00001' }).waitFor();
    await page.getByRole('link', { name: 'SAAS-00030' }).waitFor({ state: 'detached' });
    await screenshot(page, 'register');
  });

  it('registers an asset, explains the refused move to deployed, then deploys it', async () => {
    await open('/itam/assets/new');
    await page.getByRole('textbox', { name: 'Asset tag' }).fill('LAP-E2E-001');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Laptop for the e2e test');
    await page.getByRole('button', { name: /Class/ }).click();
    await page.getByRole('option', { name: 'Hardware' }).click();
    await page.getByRole('textbox', { name: 'Type' }).fill('laptop');
    await page.getByRole('button', { name: /Lifecycle stage/ }).click();
    await page.getByRole('option', { name: 'In stock' }).click();
    await page.getByRole('button', { name: 'Register asset' }).click();

    await page.getByRole('heading', { name: /LAP-E2E-001/ }).waitFor();
    const deploy = page.getByRole('button', { name: 'Move to Deployed' });
    await deploy.waitFor();
    expect(await deploy.isDisabled()).toBe(true);
    await page.getByText('The asset needs an owner before it is deployed').waitFor();

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Owner' }).fill('group:default/sre');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: /LAP-E2E-001/ }).waitFor();

    await page.getByRole('button', { name: 'Move to Deployed' }).click();
    // Deployed: the move to deployed is gone, the way back to stock is offered, and the history
    // records the transition.
    await page.getByRole('button', { name: 'Move to Deployed' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Move to In stock' }).waitFor();
    await page.getByText('(version 3)').waitFor();
    await page.getByText('The asset needs an owner before it is deployed').waitFor({ state: 'detached' });
    await screenshot(page, 'asset-page');
  });

  it('shows the SQL Server shortfall first on the licences page', async () => {
    await open('/itam/licences');
    const rows = page.getByRole('row');
    await page.getByRole('link', { name: 'SQL Server Enterprise 2022' }).waitFor();
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Under-licensed/);
    await page.getByText('Short 16 cores').waitFor();
    await page.getByText('€115,200.00').first().waitFor();
    await screenshot(page, 'licences');
  });
});

describe('the example portal in Chromium: imports and KPIs', () => {
  it('imports a CSV with one bad row, shows that row’s error and writes nothing', async () => {
    await open('/itam/imports');
    const csv = [
      'tag,name,assetClass,type,lifecycleStage',
      'LAP-IMP-001,Imported laptop one,hardware,laptop,in-stock',
      'LAP-IMP-002,Imported laptop two,hardware,laptop,on-the-moon',
    ].join('\n');
    await page.getByLabel('File to import').setInputFiles({
      name: 'laptops.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'Import result' });
    await result.getByText(/Import failed/).waitFor();
    const rowError = result.getByRole('region', { name: 'Row errors' }).getByRole('row', { name: /Row 3/ });
    await expect(rowError.textContent()).resolves.toMatch(/lifecycleStage/);
    await result.getByText('Nothing was written to the register.').waitFor();
    await screenshot(page, 'import-row-error');

    await open('/itam/assets');
    await page.getByRole('searchbox', { name: 'Search' }).fill('LAP-IMP');
    await page.getByText('No assets match these filters').waitFor();
  });

  it('shows the KPI dashboard with the maturity level', async () => {
    await open('/itam/kpis');
    await page.getByRole('heading', { name: 'KPIs and maturity' }).waitFor();
    await page.getByRole('group', { name: 'Compliance rate' }).waitFor();
    await page.getByText(/Level \d of 5/).waitFor();
    await page.getByRole('figure', { name: 'Compliance rate by month' }).waitFor();
    await screenshot(page, 'kpi-dashboard');
  });
});

/** The left edge of the page's content: its first table, form or panel below the tabs. */
async function contentLeft(): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const mainLeft = main.getBoundingClientRect().left;
    const blocks = [...main.querySelectorAll('table, form, [role="region"], h2, h3')];
    const lefts = blocks.map(b => b.getBoundingClientRect().left).filter(x => x > mainLeft);
    return Math.min(...lefts) - mainLeft;
  });
}

/**
 * Cells of the key columns (tag, asset, name, product, cost), or of every column, whose text is
 * cut off.
 */
async function truncatedKeyCells(columns: 'key' | 'all' = 'key'): Promise<string[]> {
  return page.evaluate(everyColumn => {
    const cut: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll('thead th')].map(th => (th.textContent ?? '').trim());
      // A header is read whole on every column: it names what the column holds. Its text is
      // measured as laid out (a clipped line keeps its full width) against the header's box.
      table.querySelectorAll('thead th').forEach((th, i) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const text = range.getBoundingClientRect();
        const box = th.getBoundingClientRect();
        const style = getComputedStyle(th);
        const room = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (text.width > room + 1) cut.push(`header: ${headers[i]}`);
      });
      const keys = headers.flatMap((h, i) =>
        everyColumn || /^(tag|asset|name|product|cost|purchase cost|book value|subject)\b/i.test(h) ? [i] : [],
      );
      for (const row of table.querySelectorAll('tbody tr')) {
        const cells = row.querySelectorAll(':scope > td, :scope > th');
        for (const i of keys) {
          const cell = cells[i];
          if (!cell) continue;
          for (const el of [cell, ...cell.querySelectorAll('*')] as HTMLElement[]) {
            const style = getComputedStyle(el);
            const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
            if (clips && el.scrollWidth > el.clientWidth + 1) {
              cut.push(`${headers[i]}: ${(cell.textContent ?? '').trim()}`);
              break;
            }
          }
        }
      }
    }
    return cut;
  }, columns === 'all');
}

describe('the example portal in Chromium at 1440 px', () => {
  it('lays out every ITAM page with the catalogue\'s padding, its headers and key columns whole', async () => {
    await open('/catalog');
    await page.getByRole('table').first().waitFor();
    const catalogueLeft = await contentLeft();
    expect(catalogueLeft).toBeGreaterThan(8);
    const pages: [string, string, () => Promise<unknown>][] = [
      ['/itam/assets', 'register-1440', () => page.getByRole('link', { name: 'SRV-00001' }).waitFor()],
      ['/itam/licences', 'licences-1440', () => page.getByRole('link', { name: 'SQL Server Enterprise 2022' }).waitFor()],
      ['/itam/risks', 'risks-1440', () => page.getByText(/Computed /).waitFor()],
      ['/itam/kpis', 'kpis-1440', () => page.getByRole('group', { name: 'Compliance rate' }).waitFor()],
      ['/itam/imports', 'imports-1440', () => page.getByLabel('File to import').waitFor()],
      ['/itam/audits', 'audits-1440', () => page.getByRole('heading', { name: 'Audit campaigns' }).waitFor()],
    ];
    // Every page is looked at before the verdict, so one run lists every page's problems.
    const layout: { path: string; left: number; cut: string[] }[] = [];
    for (const [path, name, ready] of pages) {
      await open(path);
      await ready();
      await screenshot(page, name);
      // Within 2 px: a panel's border may sit a pixel off the catalogue's table.
      const left = await contentLeft();
      layout.push({ path, left: Math.abs(left - catalogueLeft) <= 2 ? Math.round(catalogueLeft) : Math.round(left), cut: await truncatedKeyCells() });
    }
    // A product's licence position, and the entity tab, have their key columns whole too.
    await open('/itam/licences');
    await page.getByRole('link', { name: 'SQL Server Enterprise 2022' }).click();
    await page.getByText('Short 16 cores').first().waitFor();
    // Its sections load on their own: the entitlements and the installations.
    await page.getByRole('rowheader', { name: /EA-2024-SQL-ENT/ }).waitFor();
    await page.getByRole('rowheader', { name: /SRV-00001/ }).last().waitFor();
    await screenshot(page, 'licence-position-1440');
    // The explanation of a position is read cell by cell: nothing on it is cut off.
    const positionCut = await truncatedKeyCells('all');
    await open('/catalog/default/component/payments-api');
    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await page.getByRole('link', { name: 'SRV-00001' }).waitFor();
    // Its licence and risk columns load on their own: checked once they have.
    await page.getByText(/open findings?$/).first().waitFor();
    await screenshot(page, 'entity-assets-tab-1440');
    const entityTabCut = await truncatedKeyCells();
    expect(layout).toEqual(pages.map(([path]) => ({ path, left: Math.round(catalogueLeft), cut: [] })));
    expect({ positionCut, entityTabCut }).toEqual({ positionCut: [], entityTabCut: [] });
  });
});
