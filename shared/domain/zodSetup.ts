/**
 * Global zod settings, imported before any schema is built:
 * - German messages for whatever a schema does not word itself;
 * - no JIT: zod would otherwise probe `new Function`, which the UI's content security policy
 *   forbids (and reports as a violation). Parsing a record stays in the microseconds.
 */
import { z } from 'zod';
import { de } from 'zod/locales';

z.config({ ...de(), jitless: true });
