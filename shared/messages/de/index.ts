/** German, the first language: every key exists here first. */
import { errors } from './errors.ts';
import { reasons } from './reasons.ts';
import { server } from './server.ts';
import { validation } from './validation.ts';

export const de = { validation, reasons, errors, server };
