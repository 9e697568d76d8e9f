import { screen, within } from '@testing-library/react';
import { anAsset, fakeItamApi } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetDepreciation } from './AssetDepreciation';

const laptop = anAsset({
  purchase: { date: '2024-01-01', cost: 1200, currency: 'EUR' },
  endOfLife: '2028-01-01',
});

async function render(asset = laptop, today = '2025-07-02') {
  await renderWithItam(<AssetDepreciation asset={asset} today={today} />, { api: fakeItamApi() });
  return screen.getByRole('region', { name: 'Depreciation' });
}

describe('AssetDepreciation', () => {
  it('shows the current book value, the chart and the schedule year by year', async () => {
    const section = await render();
    expect(within(section).getByRole('heading', { name: 'Depreciation' })).toBeInTheDocument();
    expect(within(section).getByTestId('current-book-value')).toHaveTextContent('€750.41');
    expect(within(section).getByText('On 2025-07-02, after €449.59 of depreciation.')).toBeInTheDocument();
    expect(
      within(section).getByText(/Straight-line \(the default method\) over 4 years \(purchase date to end of life\), from 2024-01-01: cost €1,200.00, salvage value €0.00\./),
    ).toBeInTheDocument();

    const chart = within(section).getByRole('figure', { name: 'Book value over the useful life' });
    expect(chart.querySelector('svg title')).toHaveTextContent('Book value over the useful life');
    expect(chart.querySelector('.recharts-line')).not.toBeNull();
    expect(within(chart).getByText('Today')).toBeInTheDocument();

    const rows = within(section).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]).getByText('Year 1')).toBeInTheDocument();
    expect(within(rows[0]).getByText('2024-01-01 to 2024-12-31')).toBeInTheDocument();
    const cells = (row: HTMLElement) => within(row).getAllByRole('gridcell').map(c => c.textContent);
    expect(cells(rows[0])).toEqual(['€300.00', '€300.00', '€900.00']);
    expect(cells(rows[3])).toEqual(['€300.00', '€1,200.00', '€0.00']);
    expect(within(rows[1]).getByText('Current year')).toBeInTheDocument();
    expect(screen.getAllByText('Current year')).toHaveLength(1);
  });

  it('uses the depreciation attributes and says so', async () => {
    const section = await render(
      anAsset({
        purchase: { date: '2024-01-01', cost: 1000, currency: 'USD' },
        endOfLife: undefined,
        attributes: { depreciationMethod: 'sum-of-years-digits', usefulLifeYears: 4, salvageValue: 0 },
      }),
      '2024-01-01',
    );
    expect(within(section).getByText(/^Sum-of-years' digits over 4 years, from 2024-01-01/)).toBeInTheDocument();
    expect(within(section).queryByText(/Set the asset attributes/)).not.toBeInTheDocument();
    // SYD over 4 years: 4/10, 3/10, 2/10, 1/10 of 1000.
    const rows = within(section).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getAllByRole('gridcell')[0].textContent)).toEqual([
      'US$400.00',
      'US$300.00',
      'US$200.00',
      'US$100.00',
    ]);
  });

  it('says when the asset is fully depreciated, with nothing marked current', async () => {
    const section = await render(laptop, '2029-05-01');
    expect(within(section).getByTestId('current-book-value')).toHaveTextContent('€0.00');
    expect(within(section).getByText('Fully depreciated: the useful life ended on 2027-12-31.')).toBeInTheDocument();
    expect(within(section).queryByText('Current year')).not.toBeInTheDocument();
    expect(within(section).queryByText('Today')).not.toBeInTheDocument();
  });

  it('says which fields are missing instead of a schedule', async () => {
    const section = await render(anAsset({ purchase: { date: '2024-01-01' } }));
    expect(within(section).getByText('Depreciation cannot be calculated')).toBeInTheDocument();
    expect(
      within(section).getByText('Missing: Purchase cost. Record it on the asset to see its book value over time.'),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('figure')).not.toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains depreciation data it cannot use', async () => {
    const section = await render(
      anAsset({ purchase: { date: '2024-01-01', cost: 1200, currency: 'EUR' }, attributes: { salvageValue: 5000 } }),
    );
    expect(within(section).getByText('Warning: The depreciation data is not valid')).toBeInTheDocument();
    expect(within(section).getByText('Salvage value (salvageValue) must not exceed cost (1200).')).toBeInTheDocument();
    expect(within(section).queryByRole('figure')).not.toBeInTheDocument();
  });
});
