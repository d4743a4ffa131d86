import { catalogueTexts } from '../../domain/catalogue/index.ts';
import type { de } from '../de/index.ts';
import type { Texts } from '../textTypes.ts';
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

export const en: Texts<typeof de> = {
  ...catalogueTexts('en'),
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
