/**
 * Hands a file the core made to the person: in the browser a download, in the desktop program
 * Electron's "Speichern unter" for the same download.
 */
import { notifications } from '@mantine/notifications';
import type { ExportedFile } from '../../../shared/api/export.ts';
import type { ApiResult } from '../../../shared/api/result.ts';
import { i18next } from '../i18n/index.ts';
import { errorText } from '../i18n/messageText.ts';

export function saveFile(file: ExportedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The core's answer to "make this file": the file handed over with a notice saying so, or the
 * refusal said in words. True when the file was handed over.
 */
export function handOver(result: ApiResult<ExportedFile>): boolean {
  if (!result.ok) {
    notifications.show({ color: 'red', message: errorText(result.error), autoClose: 8000 });
    return false;
  }
  saveFile(result.value);
  notifications.show({
    message: i18next.t('export.done', { file: result.value.fileName }),
    autoClose: 4000,
  });
  return true;
}
