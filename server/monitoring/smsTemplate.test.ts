import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf, templateProblem } from './smsTemplate.ts';

const values = { to: '+4917012345678', text: 'Tutti "AUSFALL" & mehr\nzweite Zeile' };

describe('the gateway templates', () => {
  it('percent-encodes both values in the url, whatever the placeholder says', () => {
    expect(fillTemplate('https://gw/s?to={to}&m={text:url}', 'url', values)).toBe(
      'https://gw/s?to=%2B4917012345678&m=Tutti%20%22AUSFALL%22%20%26%20mehr%0Azweite%20Zeile',
    );
  });

  it('inserts plain, percent-encoded or JSON values in the body as the placeholder says', () => {
    expect(fillTemplate('{to}: {text}', 'body', values)).toBe(`${values.to}: ${values.text}`);
    expect(fillTemplate('to={to:url}', 'body', values)).toBe('to=%2B4917012345678');
    const json = fillTemplate('{"to":{to:json},"text":{text:json},"n":{"a":1}}', 'body', values);
    expect(JSON.parse(json)).toEqual({ ...values, n: { a: 1 } });
  });

  it('finds unknown placeholders and JSON in the url', () => {
    expect(templateProblem('{"to":{to:json}}', 'body')).toBeNull();
    expect(templateProblem('x={tel}', 'body')).toEqual({
      key: 'server.smsRelay.config.unknownPlaceholder',
      placeholder: '{tel}',
    });
    expect(templateProblem('?t={text:json}', 'url')).toEqual({
      key: 'server.smsRelay.config.placeholderNotInUrl',
      placeholder: '{text:json}',
    });
    expect([...placeholdersOf('?a={to:url}&b={text}')].sort()).toEqual(['text', 'to']);
  });
});
