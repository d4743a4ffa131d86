/**
 * A virtualised, sortable list for thousands of rows: TanStack Table for columns, sort state and
 * cells, TanStack Virtual so only the rows on screen are in the DOM.
 *
 * Why it is built this way (10,000 members, one keystroke ≤ 16 ms): rows are sorted once per data
 * and sort order (and cached), the search only filters that sorted list, and TanStack's row model
 * is built for the few rows on screen, not for all 10,000. A row that stays on screen while
 * typing does not render again (its component is memoised on the record).
 */
import { Table, Text, UnstyledButton } from '@mantine/core';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type HeaderGroup,
  type Row,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DataTable.module.css';
import { type SortKeyOf, sortRowsCached } from './sortRows.ts';

const ROW_HEIGHT = 37;

/**
 * Which rows to show. `narrows(previous)` may say that every row this filter keeps was kept by
 * `previous` too (one more letter typed): then only the previous result is searched.
 */
export interface RowFilter<T> {
  (row: T): boolean;
  narrows?(previous: RowFilter<T>): boolean;
}

export interface DataTableProps<T> {
  data: T[];
  /** Applied after sorting; pass a memoised filter (or undefined for all rows). */
  filter?: RowFilter<T>;
  columns: ColumnDef<T, unknown>[];
  initialSorting?: SortingState;
  onOpen(row: T): void;
  emptyText: string;
  getRowId(row: T): string;
  label: string;
  /** Kept up to date with the rows as shown (sorted, searched): what "Exportieren" takes. */
  shownRows?: RefObject<T[]>;
}

function useSortedRows<T>(data: T[], columns: ColumnDef<T, unknown>[], sorting: SortingState): T[] {
  return useMemo(() => {
    const rule = sorting[0];
    const column = rule && columns.find((c) => c.id === rule.id);
    const keyOf =
      column && 'accessorFn' in column ? (column.accessorFn as SortKeyOf<T>) : undefined;
    if (!rule || !keyOf) return data;
    return sortRowsCached(data, keyOf, rule.desc);
  }, [data, columns, sorting]);
}

function useFilteredRows<T>(sorted: T[], filter: RowFilter<T> | undefined): T[] {
  const last = useRef<{ sorted: T[]; filter: RowFilter<T>; visible: T[] } | null>(null);
  return useMemo(() => {
    if (!filter) {
      last.current = null;
      return sorted;
    }
    const previous = last.current;
    const base =
      previous && previous.sorted === sorted && filter.narrows?.(previous.filter)
        ? previous.visible
        : sorted;
    const visible = base.filter(filter);
    last.current = { sorted, filter, visible };
    return visible;
  }, [sorted, filter]);
}

interface DataRowProps<T> {
  row: Row<T>;
  columns: ColumnDef<T, unknown>[];
  onOpen(row: T): void;
}

function DataRowInner<T>({ row, onOpen }: DataRowProps<T>) {
  return (
    <Table.Tr
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
      {row.getVisibleCells().map((cell) => {
        const value = cell.getValue();
        // A value cut off by a narrow column can still be read in full on hovering; a column
        // that draws its own cell (a badge, a translated status) shows no raw value there.
        const plain = !cell.column.columnDef.cell && typeof value === 'string';
        return (
          <Table.Td key={cell.id} title={plain ? value : undefined}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}
/** Row objects are rebuilt with the window; the record and the columns decide what is shown. */
const DataRow = memo(
  DataRowInner,
  (a, b) => a.row.original === b.row.original && a.columns === b.columns && a.onOpen === b.onOpen,
) as typeof DataRowInner;

interface HeadProps<T> {
  headerGroups: HeaderGroup<T>[];
  /** Not read here, but TanStack keeps the header groups when only the sort order changes. */
  sorting: SortingState;
  sortHint: string;
}

/** The column headings; they change with the columns or the sort order, not while typing. */
function DataTableHeadInner<T>({ headerGroups, sortHint }: HeadProps<T>) {
  return (
    <Table.Thead>
      {headerGroups.map((group) => (
        <Table.Tr key={group.id}>
          {group.headers.map((header) => {
            const sortedBy = header.column.getIsSorted();
            // Shares of the table's width: the list fits the window, never scrolls sideways.
            const total = group.headers.reduce((sum, h) => sum + h.getSize(), 0);
            return (
              <Table.Th
                key={header.id}
                className={header.column.getCanSort() ? classes.sortable : undefined}
                style={{ width: `${(header.getSize() / total) * 100}%` }}
                aria-sort={
                  sortedBy === 'asc' ? 'ascending' : sortedBy === 'desc' ? 'descending' : undefined
                }
              >
                {header.column.getCanSort() ? (
                  <UnstyledButton
                    onClick={header.column.getToggleSortingHandler()}
                    className={classes.sort}
                    title={sortHint}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    {sortedBy === 'asc' ? ' ▲' : sortedBy === 'desc' ? ' ▼' : ''}
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
  );
}
const DataTableHead = memo(DataTableHeadInner) as typeof DataTableHeadInner;

export function DataTable<T>({
  data,
  filter,
  columns,
  initialSorting = [],
  onOpen,
  emptyText,
  getRowId,
  label,
  shownRows,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const sorted = useSortedRows(data, columns, sorting);
  const visible = useFilteredRows(sorted, filter);
  useEffect(() => {
    if (shownRows) shownRows.current = visible;
  }, [shownRows, visible]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
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
  const onScreen = useMemo(() => items.map((item) => visible[item.index]!), [items, visible]);
  const table = useReactTable({
    data: onScreen,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    // A click toggles between ascending and descending; a list is never left unsorted.
    enableSortingRemoval: false,
    // One sort rule: a shift-click would show a second arrow that nothing applies.
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
  });

  return (
    <>
      <div ref={scrollRef} className={classes.scroll} data-testid="data-table">
        <Table
          stickyHeader
          highlightOnHover
          aria-label={label}
          aria-rowcount={visible.length}
          className={classes.table}
        >
          <DataTableHead
            headerGroups={table.getHeaderGroups()}
            sorting={sorting}
            sortHint={t('common.sortHint')}
          />
          <Table.Tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td
                  style={{ height: paddingTop, padding: 0, border: 0 }}
                  colSpan={columns.length}
                />
              </tr>
            )}
            {table.getRowModel().rows.map((row) => (
              <DataRow key={row.id} row={row} columns={columns} onOpen={onOpen} />
            ))}
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
        {visible.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {emptyText}
          </Text>
        )}
      </div>
      <Text c="dimmed" size="xs" data-testid="row-count">
        {t('common.count', { shown: visible.length, total: data.length })}
      </Text>
    </>
  );
}
