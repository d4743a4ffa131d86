/**
 * The gateway request's templates: where the phone number and the text go, and how each is
 * encoded there. Gateways differ (a GET with query parameters, a form, a JSON body), so the
 * template names the encoding instead of the relay guessing it from a Content-Type:
 *
 * - in `url`, `{to}` and `{text}` are always percent-encoded (`encodeURIComponent`): an alert's
 *   text can never change the address or add a parameter;
 * - in `body`, `{to}` and `{text}` are inserted as they are (a text/plain body),
 *   `{to:url}`/`{text:url}` percent-encoded (a form: `to={to:url}&msg={text:url}`), and
 *   `{to:json}`/`{text:json}` as a complete JSON string, quotes included
 *   (`{"to":{to:json},"text":{text:json}}`).
 *
 * Any other `{word}` or `{word:word}` is refused when the configuration is read, so a typo
 * (`{txt}`) is found at start and not by a phone receiving "{txt}".
 */

export type TemplatePlace = 'url' | 'body';

export interface SmsValues {
  to: string;
  text: string;
}

const PLACEHOLDER = /\{([A-Za-z_]+)(?::([A-Za-z_]+))?\}/g;
const NAMES = new Set(['to', 'text']);
const ENCODINGS: Record<TemplatePlace, ReadonlySet<string>> = {
  url: new Set(['', 'url']),
  body: new Set(['', 'url', 'json']),
};

export type TemplateProblem =
  | { key: 'server.smsRelay.config.unknownPlaceholder'; placeholder: string }
  | { key: 'server.smsRelay.config.placeholderNotInUrl'; placeholder: string };

/** The first placeholder of `template` that the rule above does not allow in `place`. */
export function templateProblem(template: string, place: TemplatePlace): TemplateProblem | null {
  for (const [whole, name, encoding = ''] of template.matchAll(PLACEHOLDER)) {
    if (!NAMES.has(name!) || !ENCODINGS.body.has(encoding))
      return { key: 'server.smsRelay.config.unknownPlaceholder', placeholder: whole };
    if (!ENCODINGS[place].has(encoding))
      return { key: 'server.smsRelay.config.placeholderNotInUrl', placeholder: whole };
  }
  return null;
}

/** Which of `{to}` and `{text}` (in any encoding) the template uses. */
export function placeholdersOf(template: string): Set<keyof SmsValues> {
  const used = new Set<keyof SmsValues>();
  for (const [, name] of template.matchAll(PLACEHOLDER))
    if (NAMES.has(name!)) used.add(name as keyof SmsValues);
  return used;
}

function encode(value: string, place: TemplatePlace, encoding: string): string {
  if (place === 'url' || encoding === 'url') return encodeURIComponent(value);
  if (encoding === 'json') return JSON.stringify(value);
  return value;
}

/** The template with the values put in; expects a template `templateProblem` accepted. */
export function fillTemplate(template: string, place: TemplatePlace, values: SmsValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string, encoding = '') =>
    NAMES.has(name) ? encode(values[name as keyof SmsValues], place, encoding) : whole,
  );
}
