import { CellText, type ColumnConfig } from '@backstage/ui';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PagedTable } from './PagedTable';

type Row = { id: string; name: string };
const columns: ColumnConfig<Row>[] = [{ id: 'name', label: 'Name', isRowHeader: true, cell: r => <CellText title={r.name} /> }];
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Device ${String(i).padStart(3, '0')}` }));
const names = () => screen.getAllByRole('rowheader').map(h => h.textContent);

describe('PagedTable', () => {
  it('shows a short list whole, without page controls', () => {
    render(<PagedTable columnConfig={columns} data={rows(3)} />);
    expect(names()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Next table page' })).not.toBeInTheDocument();
  });

  it('shows a long list a page at a time', async () => {
    render(<PagedTable columnConfig={columns} data={rows(120)} />);
    expect(names()).toHaveLength(50);
    expect(names()[0]).toContain('Device 000');
    await userEvent.click(screen.getByRole('button', { name: 'Next table page' }));
    expect(names()[0]).toContain('Device 050');
    await userEvent.click(screen.getByRole('button', { name: 'Next table page' }));
    expect(names()).toHaveLength(20);
  });
});
