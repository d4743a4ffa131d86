/**
 * One Alertmanager notification (webhook payload version 4) → one short SMS text, e.g.
 * `Tutti AUSFALL: tutti.example.org - von beiden Standorten nicht erreichbar (TuttiServerDown)`.
 *
 * The text keeps to the GSM 7-bit alphabet where it can: a single "–", "…" or „“ turns the whole
 * SMS into UCS-2, whose segments hold 70 characters instead of 160 — a 160-character text would
 * then go out as three SMS. So typographic punctuation (also in the rules' summaries) becomes
 * its plain form, and a text longer than `maxLength` ends in "...".
 */
import { z } from 'zod';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import { parseWith } from '../http/json.ts';

const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: z
    .looseObject({
      alertname: z.string().min(1).max(200),
      server: z.string().max(253).optional(),
      severity: z.string().max(50).optional(),
    })
    .catchall(z.string().max(2000)),
  annotations: z.record(z.string(), z.string().max(2000)).default({}),
  startsAt: z.string().max(64),
  fingerprint: z.string().max(64).optional(),
});

/** What Alertmanager posts to a webhook; fields the relay does not use are let through. */
export const alertmanagerPayloadSchema = z.looseObject({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(10_000),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alertSchema).min(1).max(1000),
});

export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
export type Alert = AlertmanagerPayload['alerts'][number];

/** The payload, or an AppError that answers 400 naming the wrong fields. */
export function parseAlertmanagerPayload(value: unknown): AlertmanagerPayload {
  return parseWith(alertmanagerPayloadSchema, value);
}

export interface AlertTextOptions {
  language: Language;
  maxLength: number;
}

const GSM_FRIENDLY: [RegExp, string][] = [
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u201e\u201c\u201d\u00ab\u00bb]/g, '"'],
  [/[\u201a\u2018\u2019]/g, "'"],
  [/[\u00a0\u202f]/g, ' '],
];

export function gsmFriendly(text: string): string {
  return GSM_FRIENDLY.reduce((t, [pattern, plain]) => t.replace(pattern, plain), text).trim();
}

const ELLIPSIS = '...';

/** The first `length` characters (code points: an emoji is never cut in half). */
function cut(text: string, length: number): string {
  return Array.from(text).slice(0, Math.max(0, length)).join('');
}

const lengthOf = (text: string) => Array.from(text).length;
const distinct = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/** The rules' summary in the relay's language (`summary_de`, `summary_en`), else `summary`. */
function summaryOf(alert: Alert, language: Language): string {
  return gsmFriendly(alert.annotations[`summary_${language}`] ?? alert.annotations.summary ?? '');
}

export function alertText(payload: AlertmanagerPayload, options: AlertTextOptions): string {
  const { language, maxLength } = options;
  // A firing notification also lists the group's alerts that have resolved meanwhile.
  const matching = payload.alerts.filter((alert) => alert.status === payload.status);
  const alerts = matching.length > 0 ? matching : payload.alerts;
  const state =
    payload.status === 'resolved'
      ? 'resolved'
      : alerts.some((alert) => alert.labels.severity === 'critical')
        ? 'critical'
        : 'warning';
  const head = `Tutti ${translate({ key: `server.smsRelay.sms.${state}` }, language)}: `;
  const tail = ` (${gsmFriendly(distinct(alerts.map((a) => a.labels.alertname)).join(', '))})`;
  const summary = summaryOf(alerts[0]!, language);
  // What the alert is about: the server, or the monitoring location for a location's own alerts.
  const servers = gsmFriendly(
    distinct(alerts.map((a) => a.labels.server ?? a.labels.location)).join(', '),
  );
  // Rules often name the server in their summary already; once is enough in 160 characters.
  const subject = servers && !summary.includes(servers) ? servers : '';
  const count =
    alerts.length > 1
      ? translate({ key: 'server.smsRelay.sms.alerts', params: { count: alerts.length } }, language)
      : '';
  const compose = (shownSummary: string) => {
    const about = [subject, [count, shownSummary].filter(Boolean).join(': ')].filter(Boolean);
    return about.length > 0 ? head + about.join(' - ') + tail : head + tail.slice(2, -1);
  };

  const full = compose(summary);
  if (lengthOf(full) <= maxLength) return full;
  // Shorten the summary first: state, server and alert name say what happened.
  // (What the text around a one-character summary takes, separators included.)
  const room = maxLength - (lengthOf(compose('x')) - 1) - lengthOf(ELLIPSIS);
  if (summary && room >= 10) return compose(cut(summary, room).trimEnd() + ELLIPSIS);
  return cut(full, maxLength - lengthOf(ELLIPSIS)).trimEnd() + ELLIPSIS;
}
