import type { errors as de } from '../de/errors.ts';
import type { Texts } from '../texts.ts';

export const errors: Texts<typeof de> = {};
