/** "Drucken / Exportieren" beside a list: opens the export dialog for what the list shows. */
import { Button } from '@mantine/core';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListExportEntity } from '../../../shared/api/export.ts';
import { offersFileExport } from '../web/webMode.ts';
import { ExportDialog } from './ExportDialog.tsx';

export function ExportButton<T extends { id: string }>({
  entity,
  shownRows,
}: {
  entity: ListExportEntity;
  /** Filled by the list (DataTable's `shownRows`): its records as shown now. */
  shownRows: RefObject<T[]>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!offersFileExport()) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="export-open">
        {t('export.open')}
      </Button>
      {open && (
        <ExportDialog
          entity={entity}
          shownIds={() => (shownRows.current ?? []).map((r) => r.id)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
