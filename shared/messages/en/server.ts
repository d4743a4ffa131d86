import type { server as de } from '../de/server.ts';
import type { Texts } from '../texts.ts';

export const server: Texts<typeof de> = {};
