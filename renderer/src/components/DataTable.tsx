/**
 * A virtualised, sortable list for thousands of rows: TanStack Table for columns and sort state,
 * TanStack Virtual so only the visible rows are in the DOM. Rows are sorted once when the data
 * or the sort order change and then filtered, which keeps their order: typing in the search box
 * only filters, it never sorts 10,000 rows again.
 */
import { Table, Text, UnstyledButton } from '@mantine/core';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DataTable.module.css';

const ROW_HEIGHT = 37;

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

type SortableColumn<T> = ColumnDef<T, unknown> & {
  id: string;
  accessorFn?: (row: T, index: number) => unknown;
};

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = a === null || a === undefined ? '' : String(a);
  const y = b === null || b === undefined ? '' : String(b);
  // Empty cells go last whatever the direction would say.
  if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
  return collator.compare(x, y);
}

function sortRows<T>(data: T[], columns: ColumnDef<T, unknown>[], sorting: SortingState): T[] {
  const rule = sorting[0];
  const column = rule && (columns as SortableColumn<T>[]).find((c) => c.id === rule.id);
  if (!rule || !column?.accessorFn) return data;
  const keyed = data.map((row, index) => ({ row, key: column.accessorFn!(row, index) }));
  const direction = rule.desc ? -1 : 1;
  keyed.sort((a, b) => {
    const empty = (a.key ?? '') === '' || (b.key ?? '') === '';
    const c = compareValues(a.key, b.key);
    return empty ? c : c * direction;
  });
  return keyed.map((k) => k.row);
}

export interface DataTableProps<T> {
  data: T[];
  /** Applied after sorting; pass a memoised function. */
  filter?: (row: T) => boolean;
  columns: ColumnDef<T, unknown>[];
  initialSorting?: SortingState;
  onOpen(row: T): void;
  emptyText: string;
  getRowId(row: T): string;
  label: string;
}

export function DataTable<T>({
  data,
  filter,
  columns,
  initialSorting = [],
  onOpen,
  emptyText,
  getRowId,
  label,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const sorted = useMemo(() => sortRows(data, columns, sorting), [data, columns, sorting]);
  const visible = useMemo(() => (filter ? sorted.filter(filter) : sorted), [sorted, filter]);
  const table = useReactTable({
    data: visible,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
  });
  const { rows } = table.getRowModel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Renders a first screen even before the scroll container has been measured.
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <>
      <div ref={scrollRef} className={classes.scroll} data-testid="data-table">
        <Table
          stickyHeader
          highlightOnHover
          aria-label={label}
          aria-rowcount={rows.length}
          className={classes.table}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <Table.Th
                      key={header.id}
                      style={{ width: header.getSize() }}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton
                          onClick={header.column.getToggleSortingHandler()}
                          className={classes.sort}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </UnstyledButton>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td
                  style={{ height: paddingTop, padding: 0, border: 0 }}
                  colSpan={columns.length}
                />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <Table.Tr
                  key={row.id}
                  data-row-id={row.id}
                  tabIndex={0}
                  className={classes.row}
                  onClick={() => onOpen(row.original)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') onOpen(row.original);
                    if (event.key === 'ArrowDown')
                      (event.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                    if (event.key === 'ArrowUp')
                      (event.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td
                  style={{ height: paddingBottom, padding: 0, border: 0 }}
                  colSpan={columns.length}
                />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {emptyText}
          </Text>
        )}
      </div>
      <Text c="dimmed" size="xs" data-testid="row-count">
        {t('common.count', { shown: rows.length, total: data.length })}
      </Text>
    </>
  );
}
