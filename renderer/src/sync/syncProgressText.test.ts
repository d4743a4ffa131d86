import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de.ts';
import { en } from '../i18n/en.ts';
import { syncProgressPercent, syncProgressText } from './syncProgressText.ts';

async function translator(lng: 'de' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('the first sync progress in words', () => {
  it('says it in German with German digit grouping', async () => {
    const t = await translator('de');
    expect(syncProgressText(t, { received: 12_400, total: 57_562 })).toBe(
      '12.400 von 57.562 Datensätzen',
    );
    expect(syncProgressText(t, { received: 57_562, total: 57_562 })).toBe(
      '57.562 von 57.562 Datensätzen',
    );
    expect(t('sync.progressLabel')).toBe('Erster Abgleich: übernommene Datensätze');
    expect(t('sync.badge.stopped')).toBe('Angehalten');
  });

  it('says it in English with English digit grouping', async () => {
    const t = await translator('en');
    expect(syncProgressText(t, { received: 12_400, total: 57_562 })).toBe(
      '12,400 of 57,562 records',
    );
    expect(syncProgressText(t, { received: 0, total: 999 })).toBe('0 of 999 records');
    expect(t('sync.progressLabel')).toBe('First sync: records received');
  });

  it('fills the bar by the share received, never beyond it', () => {
    expect(syncProgressPercent({ received: 12_400, total: 57_562 })).toBeCloseTo(21.54, 2);
    expect(syncProgressPercent({ received: 0, total: 0 })).toBe(0);
    expect(syncProgressPercent({ received: 5, total: 4 })).toBe(100);
  });
});
