import type { de } from '../de/index.ts';
import type { Texts } from '../texts.ts';
import { errors } from './errors.ts';
import { reasons } from './reasons.ts';
import { server } from './server.ts';
import { validation } from './validation.ts';

export const en: Texts<typeof de> = { validation, reasons, errors, server };
