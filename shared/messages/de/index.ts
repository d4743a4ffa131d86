/** German, the first language: every key exists here first. */
import { cli } from './cli.ts';
import { core } from './core.ts';
import { errors } from './errors.ts';
import { importTexts } from './importTexts.ts';
import { reasons } from './reasons.ts';
import { server } from './server.ts';
import { validation } from './validation.ts';

export const de = {
  validation,
  reasons,
  core,
  errors,
  server,
  cli,
  import: importTexts,
};
