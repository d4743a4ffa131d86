/**
 * The words of long work on screen (issue #26) in both languages: every stage a backup,
 * verification or restore reports, "Abbrechen" named for each work, and the cancelled and
 * refused outcomes the core answers — English without German left in it.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_STAGES, CANCELLABLE_WORKS } from '../../../shared/api/work.ts';
import { translate } from '../../../shared/messages/translate.ts';
import { de } from '../i18n/de.ts';
import { en } from '../i18n/en.ts';

const GERMAN = /[äöüÄÖÜß]|\b(der|die|das|und|nicht|wird|werden|Sicherung|abbrechen|Daten)\b/;

describe('texts of long work', () => {
  it('name every stage and every work in German and English', () => {
    for (const stage of BACKUP_STAGES) {
      expect(de.work.stage[stage]).toMatch(/…$/);
      expect(en.work.stage[stage]).toMatch(/…$/);
      expect(en.work.stage[stage]).not.toMatch(GERMAN);
    }
    for (const work of CANCELLABLE_WORKS) {
      expect(de.work.cancelNamed[work]).toMatch(/abbrechen$/);
      expect(en.work.cancelNamed[work]).toMatch(/^Cancel /);
      expect(en.work.progress[work]).not.toMatch(GERMAN);
    }
    expect(de.work.cancel).toBe('Abbrechen');
    expect(en.work.cancel).toBe('Cancel');
    expect(en.work.checked).not.toMatch(GERMAN);
  });

  it('say a cancelled and a refused outcome in both languages', () => {
    const say = (key: string, language: 'de' | 'en') => translate({ key }, language);
    expect(say('import.cancelled', 'de')).toContain('abgebrochen');
    expect(say('import.cancelled', 'en')).toContain('cancelled');
    expect(say('errors.backup.cancelled', 'de')).toContain('abgebrochen');
    expect(say('errors.backup.restoreNotCancellable', 'de')).toBe(
      'Die Wiederherstellung ersetzt gerade die Daten und kann nicht mehr abgebrochen werden.',
    );
    for (const key of [
      'import.cancelled',
      'import.runNotCancellable',
      'errors.backup.cancelled',
      'errors.backup.verifyCancelled',
      'errors.backup.restoreCancelled',
      'errors.backup.restoreNotCancellable',
      'errors.work.nothingToCancel',
    ]) {
      expect(say(key, 'en')).not.toBe(key);
      expect(say(key, 'en')).not.toMatch(GERMAN);
    }
  });
});
