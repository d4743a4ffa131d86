/** "Etiketten & Serienbrief" beside the member list: for the members it shows. */
import { Button } from '@mantine/core';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain/member.ts';
import { offersFileExport } from '../web/webMode.ts';
import { MemberPrintDialog } from './MemberPrintDialog.tsx';

export function MemberPrintButton({ shownRows }: { shownRows: RefObject<Member[]> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!offersFileExport()) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="member-print-open">
        {t('export.printOpen')}
      </Button>
      {open && (
        <MemberPrintDialog
          shownIds={() => (shownRows.current ?? []).map((m) => m.id)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
