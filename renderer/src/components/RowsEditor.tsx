/**
 * A list a person edits as rows of fields (consents, membership periods): a heading, the rows
 * as a table with one input per cell, a message for the list, and a button that adds a row.
 * Each input is named by its column and line ("Von, Zeile 2") for screen readers.
 */
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface RowsColumn<Row> {
  header: string;
  cell(row: Row, index: number): ReactNode;
}

export function RowsEditor<Row>({
  field,
  title,
  intro,
  empty,
  rows,
  columns,
  actions,
  addLabel,
  onAdd,
  readOnly,
  error,
  testId,
}: {
  /** The record's field: errors and the cursor land here. */
  field: string;
  title: string;
  intro?: string;
  /** Said when there is no row (nothing when undefined). */
  empty?: string;
  rows: Row[];
  columns: RowsColumn<Row>[];
  actions(row: Row, index: number): ReactNode;
  addLabel: string;
  onAdd(): void;
  readOnly: boolean;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-field={field} tabIndex={-1}>
      <Text fw={600}>{title}</Text>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {rows.length === 0 && empty && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {rows.length > 0 && (
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <Table.Tr key={index}>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(row, index)}</Table.Td>
                ))}
                <Table.Td>{!readOnly && actions(row, index)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={onAdd}>
            {addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
