/**
 * Global zod settings, imported before any schema is built:
 * - every issue's message is a key of shared/messages (`validation.*`): a schema names its own
 *   key, and whatever it does not word gets one here by the issue's kind; the parameters
 *   (`max`, `min`) come from the issue (see `issueMessage`);
 * - no JIT: zod would otherwise probe `new Function`, which the UI's content security policy
 *   forbids (and reports as a violation). Parsing a record stays in the microseconds.
 */
import { z } from 'zod';

type RawIssue = { code?: string; origin?: string; input?: unknown; expected?: string };

function keyOf(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? 'validation.required'
        : issue.expected === 'number'
          ? 'validation.number'
          : issue.expected === 'boolean'
            ? 'validation.yesOrNo'
            : 'validation.invalid';
    case 'too_big':
      return issue.origin === 'string'
        ? 'validation.tooLong'
        : issue.origin === 'array' || issue.origin === 'set'
          ? 'validation.tooMany'
          : 'validation.tooHigh';
    case 'too_small':
      return issue.origin === 'string' ? 'validation.required' : 'validation.tooLow';
    case 'invalid_format':
      return 'validation.invalid';
    case 'invalid_value':
      return 'validation.chooseFromList';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    default:
      return 'validation.invalid';
  }
}

z.config({ customError: (issue) => keyOf(issue as RawIssue), jitless: true });
