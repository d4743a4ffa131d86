/**
 * Step 2: the tables found and the proposed mapping, editable: what each table holds, which
 * columns identify a row, which column fills which field. Savable as a mapping file.
 */
import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSourceView, ImportTableView } from '../../../shared/api/import.ts';
import type { ImportMapping, TableMapping } from '../../../shared/import/mapping.ts';
import { proposeColumns } from '../../../shared/import/proposeMapping.ts';
import {
  IMPORT_ENTITIES,
  IMPORT_TARGETS,
  type ImportEntity,
} from '../../../shared/import/targets.ts';
import { messageText } from '../i18n/messageText.ts';
import { downloadText } from './download.ts';

const NOT_IMPORTED = '-';
/** A column without a field: not lost — its values are kept with each record. */
const UNMAPPED = '-';
/** A column a person chose to leave out: neither imported nor kept. */
const IGNORED = '!ignore';
const AUTOMATIC = 'auto';
/** Tables whose rows name members or instruments: loans, honours, an instrument's borrower. */
const REFERRING = new Set<ImportEntity>(['loans', 'honours', 'instruments']);

function sampleText(table: ImportTableView, column: string): string {
  return table.sample
    .map((row) => row[column])
    .filter((value) => value !== null && value !== undefined && String(value).trim() !== '')
    .slice(0, 3)
    .map((value) => String(value).slice(0, 30))
    .join(' · ');
}

function TableMappingEditor({
  table,
  mapping,
  proposed,
  onChange,
}: {
  table: ImportTableView;
  mapping: TableMapping;
  proposed: TableMapping | undefined;
  onChange: (next: TableMapping) => void;
}) {
  const { t } = useTranslation();
  const entity = mapping.entity;
  const entityOptions = [
    { value: NOT_IMPORTED, label: t('importWizard.notImported') },
    ...IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}.other`) })),
  ];
  const setEntity = (value: string | null) => {
    if (!value || value === NOT_IMPORTED) {
      onChange({ ...mapping, entity: null, key: [], columns: {} });
      return;
    }
    const next = value as ImportEntity;
    const columns = proposeColumns(
      next,
      table.columns.map((c) => c.name),
    );
    // The key the core proposed looked at every row; a few sample rows cannot tell a unique
    // column, so another kind of record starts with the natural key.
    const key = proposed?.entity === next ? proposed.key : [];
    onChange({ ...mapping, entity: next, columns, key });
  };
  const setField = (column: string, field: string | null) => {
    const columns = { ...mapping.columns };
    delete columns[column];
    const ignore = (mapping.ignore ?? []).filter((c) => c !== column);
    if (field === IGNORED) ignore.push(column);
    else if (field && field !== UNMAPPED) {
      for (const [other, used] of Object.entries(columns))
        if (used === field) delete columns[other];
      columns[column] = field;
    }
    const { ignore: _previous, ...rest } = mapping;
    onChange(ignore.length > 0 ? { ...rest, columns, ignore } : { ...rest, columns });
  };
  const unmapped = table.columns
    .map((c) => c.name)
    .filter(
      (c) => !mapping.columns[c] && !mapping.key.includes(c) && !(mapping.ignore ?? []).includes(c),
    );
  const setReferencesBy = (value: string | null) => {
    const { referencesBy: _previous, ...rest } = mapping;
    onChange(value === 'key' || value === 'number' ? { ...rest, referencesBy: value } : rest);
  };
  const fieldOptions = entity
    ? [
        { value: UNMAPPED, label: t('importWizard.unmapped') },
        { value: IGNORED, label: t('importWizard.ignored') },
        ...IMPORT_TARGETS[entity].map((target) => ({
          value: target.field,
          label: t(target.labelKey),
        })),
      ]
    : [];

  return (
    <Paper withBorder p="md" data-testid={`import-table-${table.name}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          {/* The file's own name for the table: data, in the club's language. */}
          <Title order={2} size="h4" data-user-data>
            {table.name}
          </Title>
          <Badge variant="light">{t('importWizard.rows', { count: table.rowCount })}</Badge>
        </Group>
        <Group align="flex-end">
          <Select
            label={t('importWizard.holds')}
            data={entityOptions}
            value={entity ?? NOT_IMPORTED}
            onChange={setEntity}
            allowDeselect={false}
            w={220}
            data-testid={`import-entity-${table.name}`}
          />
          {entity && (
            <MultiSelect
              label={t('importWizard.key')}
              description={t('importWizard.keyHint')}
              data={table.columns.map((c) => c.name)}
              value={mapping.key}
              onChange={(key) => onChange({ ...mapping, key })}
              maxValues={5}
              w={320}
              data-testid={`import-key-${table.name}`}
            />
          )}
          {entity && REFERRING.has(entity) && (
            <Select
              label={t('importWizard.referencesBy')}
              description={t('importWizard.referencesByHint')}
              data={[
                { value: AUTOMATIC, label: t('importWizard.referencesByAuto') },
                { value: 'key', label: t('importWizard.referencesByKey') },
                { value: 'number', label: t('importWizard.referencesByNumber') },
              ]}
              value={mapping.referencesBy ?? AUTOMATIC}
              onChange={setReferencesBy}
              allowDeselect={false}
              w={320}
              data-testid={`import-references-${table.name}`}
            />
          )}
        </Group>
        {entity && unmapped.length > 0 && (
          <Text size="sm" c="orange.9" data-testid={`import-unmapped-${table.name}`}>
            {t('importWizard.unmappedList', { columns: unmapped.join(', ') })}
          </Text>
        )}
        {entity && (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('importWizard.column')}</Table.Th>
                <Table.Th>{t('importWizard.sample')}</Table.Th>
                <Table.Th>{t('importWizard.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.columns.map((column) => (
                <Table.Tr key={column.name}>
                  <Table.Td>{column.name}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {sampleText(table, column.name)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('importWizard.fieldFor', { column: column.name })}
                      data={fieldOptions}
                      value={
                        mapping.columns[column.name] ??
                        ((mapping.ignore ?? []).includes(column.name) ? IGNORED : UNMAPPED)
                      }
                      onChange={(field) => setField(column.name, field)}
                      allowDeselect={false}
                      searchable
                      data-testid={`import-field-${table.name}-${column.name}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

export function MappingStep({
  view,
  mapping,
  onChange,
  onBack,
  onPreview,
  busy,
  error,
}: {
  view: ImportSourceView;
  mapping: ImportMapping;
  onChange: (next: ImportMapping) => void;
  onBack: () => void;
  onPreview: () => void;
  busy: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const save = () =>
    downloadText(
      `${view.fileName.replace(/\.[^.]+$/, '')}-zuordnung.json`,
      `${JSON.stringify(mapping, null, 2)}\n`,
      'application/json',
    );
  return (
    <Stack>
      <Text>{t('importWizard.mappingIntro', { file: view.fileName })}</Text>
      {view.notes.map(messageText).map((note) => (
        <Text size="sm" c="dimmed" key={note}>
          {note}
        </Text>
      ))}
      {view.tables.map((table) => {
        const current = mapping.tables.find((m) => m.source === table.name) ?? {
          source: table.name,
          entity: null,
          key: [],
          columns: {},
        };
        return (
          <TableMappingEditor
            key={table.name}
            table={table}
            mapping={current}
            proposed={view.mapping.tables.find((m) => m.source === table.name)}
            onChange={(next) =>
              onChange({
                ...mapping,
                tables: [...mapping.tables.filter((m) => m.source !== table.name), next],
              })
            }
          />
        );
      })}
      {error && (
        <Text c="red" data-testid="import-mapping-error">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('importWizard.back')}
        </Button>
        <Button variant="light" onClick={save} data-testid="import-save-mapping">
          {t('importWizard.saveMapping')}
        </Button>
        <Button onClick={onPreview} loading={busy} data-testid="import-preview">
          {t('importWizard.preview')}
        </Button>
      </Group>
    </Stack>
  );
}
