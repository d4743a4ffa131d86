/** German, the first language: every key exists here first. */
import { catalogueTexts } from '../../domain/catalogue/index.ts';
import { cli } from './cli.ts';
import { core } from './core.ts';
import { errors } from './errors.ts';
import { importTexts } from './importTexts.ts';
import { reasons } from './reasons.ts';
import { reports } from './reports.ts';
import { server } from './server.ts';
import { shell } from './shell.ts';
import { statistics } from './statistics.ts';
import { validation } from './validation.ts';
import { web } from './web.ts';

export const de = {
  ...catalogueTexts('de'),
  validation,
  reasons,
  core,
  errors,
  server,
  shell,
  cli,
  import: importTexts,
  reports,
  statistics,
  web,
};
