import { Table, useTable, type ColumnConfig, type TableItem } from '@backstage/ui';

/** Rows per page of a list held in the browser. */
export const LIST_PAGE_SIZE = 50;

/**
 * A table of rows already in hand, shown a page at a time: a product used on fifty thousand
 * devices lists that many consumers and installations, more than a page can render at once.
 * Lists that fit one page show no page controls.
 */
export function PagedTable<T extends TableItem>(props: { columnConfig: readonly ColumnConfig<T>[]; data: T[] }) {
  const { tableProps } = useTable<T>({
    mode: 'complete',
    data: props.data,
    paginationOptions: { pageSize: LIST_PAGE_SIZE, pageSizeOptions: [25, 50, 100] },
  });
  if (props.data.length <= LIST_PAGE_SIZE) {
    return <Table columnConfig={props.columnConfig as ColumnConfig<T>[]} data={props.data} pagination={{ type: 'none' }} />;
  }
  return <Table {...tableProps} columnConfig={props.columnConfig as ColumnConfig<T>[]} />;
}
