import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import {
  type AlertmanagerPayload,
  alertText,
  gsmFriendly,
  parseAlertmanagerPayload,
} from './alertText.ts';

const SERVER = 'tutti.example.org';

function alert(overrides: Record<string, unknown> = {}) {
  return {
    status: 'firing',
    labels: { alertname: 'TuttiServerDown', server: SERVER, severity: 'critical' },
    annotations: {
      summary: 'not reachable from both locations',
      summary_de: 'von beiden Standorten nicht erreichbar',
    },
    startsAt: '2025-03-01T10:00:00Z',
    fingerprint: 'a1b2c3d4e5f60718',
    ...overrides,
  };
}

function payload(
  status: 'firing' | 'resolved',
  alerts: unknown[] = [alert({ status })],
): AlertmanagerPayload {
  return parseAlertmanagerPayload({
    version: '4',
    groupKey: '{}:{alertname="TuttiServerDown"}',
    status,
    receiver: 'tutti',
    alerts,
  });
}

const de = { language: 'de', maxLength: 160 } as const;
const en = { language: 'en', maxLength: 160 } as const;

describe('the SMS text of a notification', () => {
  it('says outage and recovery with server, summary and alert, in German or English', () => {
    expect(alertText(payload('firing'), de)).toBe(
      `Tutti AUSFALL: ${SERVER} - von beiden Standorten nicht erreichbar (TuttiServerDown)`,
    );
    expect(alertText(payload('resolved'), de)).toBe(
      `Tutti BEHOBEN: ${SERVER} - von beiden Standorten nicht erreichbar (TuttiServerDown)`,
    );
    expect(alertText(payload('firing'), en)).toBe(
      `Tutti DOWN: ${SERVER} - not reachable from both locations (TuttiServerDown)`,
    );
    expect(alertText(payload('resolved'), en)).toBe(
      `Tutti RESOLVED: ${SERVER} - not reachable from both locations (TuttiServerDown)`,
    );
  });

  it('calls an alert that is not critical a warning', () => {
    const warning = alert({
      labels: { alertname: 'TuttiBackupTooOld', server: SERVER, severity: 'warning' },
      annotations: { summary: 'newest backup older than 26 h' },
    });
    expect(alertText(payload('firing', [warning]), en)).toBe(
      `Tutti WARNING: ${SERVER} - newest backup older than 26 h (TuttiBackupTooOld)`,
    );
  });

  it('names the server once when the summary names it already, and copes without either', () => {
    const named = alert({ annotations: { summary_de: `${SERVER} ist nicht erreichbar` } });
    expect(alertText(payload('firing', [named]), de)).toBe(
      `Tutti AUSFALL: ${SERVER} ist nicht erreichbar (TuttiServerDown)`,
    );
    const location = alert({
      labels: { alertname: 'TuttiLocationDown', severity: 'warning', location: 'standort-b' },
      annotations: {},
    });
    expect(alertText(payload('firing', [location]), de)).toBe(
      'Tutti WARNUNG: standort-b (TuttiLocationDown)',
    );
    const bare = alert({ labels: { alertname: 'TuttiLocationDown' }, annotations: {} });
    expect(alertText(payload('firing', [bare]), de)).toBe('Tutti WARNUNG: TuttiLocationDown');
  });

  it('names the count of a group and speaks of the firing ones only', () => {
    const backup = (club: string, status = 'firing') =>
      alert({
        status,
        labels: { alertname: 'TuttiBackupTooOld', server: SERVER, severity: 'warning', club },
        annotations: { summary: 'backup too old' },
        fingerprint: `fp-${club}`,
      });
    const group = payload('firing', [backup('a'), backup('b'), backup('c', 'resolved')]);
    expect(alertText(group, en)).toBe(
      `Tutti WARNING: ${SERVER} - 2 alerts: backup too old (TuttiBackupTooOld)`,
    );
    expect(alertText(group, de)).toBe(
      `Tutti WARNUNG: ${SERVER} - 2 Meldungen: backup too old (TuttiBackupTooOld)`,
    );
  });

  it('shortens the summary to fit maxLength and keeps the state, the server and the alert', () => {
    const long = alert({
      annotations: { summary: `${'Sehr lange Beschreibung '.repeat(20)}Ende` },
    });
    const text = alertText(payload('firing', [long]), { language: 'de', maxLength: 100 });
    expect(text).toHaveLength(100);
    expect(text).toMatch(
      /^Tutti AUSFALL: tutti\.example\.org - Sehr lange .*\.\.\. \(TuttiServerDown\)$/,
    );
    expect(text).not.toContain('Ende');
  });

  it('cuts the whole text when even the frame is too long', () => {
    const named = alert({
      labels: { alertname: `Tutti${'X'.repeat(80)}`, server: SERVER, severity: 'critical' },
    });
    const text = alertText(payload('firing', [named]), { language: 'en', maxLength: 60 });
    expect(Array.from(text)).toHaveLength(60);
    expect(text.startsWith(`Tutti DOWN: ${SERVER}`)).toBe(true);
    expect(text.endsWith('...')).toBe(true);
  });

  it('never cuts a character in half', () => {
    const emoji = alert({ annotations: { summary: '🔥'.repeat(200) } });
    const text = alertText(payload('firing', [emoji]), { language: 'en', maxLength: 70 });
    expect(Array.from(text).length).toBeLessThanOrEqual(70);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps to characters a plain SMS can carry', () => {
    expect(gsmFriendly('„Platte“ – fast voll…  ')).toBe('"Platte" - fast voll...');
    const typographic = alert({ annotations: { summary_de: 'Sicherung – „alt“' } });
    expect(alertText(payload('firing', [typographic]), de)).toBe(
      `Tutti AUSFALL: ${SERVER} - Sicherung - "alt" (TuttiServerDown)`,
    );
  });
});

describe('the notification payload', () => {
  const refusal = (value: unknown) => {
    try {
      parseAlertmanagerPayload(value);
    } catch (error) {
      if (isAppError(error))
        return { status: error.status, fields: Object.keys(error.fields ?? {}) };
      throw error;
    }
    return null;
  };

  it('takes what Alertmanager sends, unknown fields included', () => {
    expect(refusal({ ...payload('firing'), truncatedAlerts: 0, commonLabels: {} })).toBeNull();
  });

  it('refuses a payload of another version, without alerts or without an alert name', () => {
    expect(refusal({ ...payload('firing'), version: '3' })?.fields).toEqual(['version']);
    expect(refusal({ ...payload('firing'), alerts: [] })?.fields).toEqual(['alerts']);
    expect(
      refusal({ ...payload('firing'), alerts: [alert({ labels: { server: SERVER } })] })?.fields,
    ).toEqual(['alerts.0.labels.alertname']);
    expect(refusal({ ...payload('firing'), status: 'broken' })?.fields).toEqual(['status']);
    expect(refusal('not an object')?.fields).toEqual(['_form']);
  });
});
