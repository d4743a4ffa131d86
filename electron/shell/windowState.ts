/**
 * Remembers where the main window was and how big, and puts it back there — unless that place
 * is no longer on any screen (a second monitor unplugged), then centred on the first screen.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import type { WindowBounds } from './windowSecurity.ts';

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof stateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_SIZE = { width: 1280, height: 820 };

function visibleEnough(state: Rect, workArea: Rect): boolean {
  // At least the title bar's left part must be on the screen, so the window can be grabbed.
  return (
    state.x + 100 > workArea.x &&
    state.x < workArea.x + workArea.width - 100 &&
    state.y >= workArea.y - 10 &&
    state.y < workArea.y + workArea.height - 50
  );
}

export function restoreWindowState(
  file: string,
  workAreas: Rect[],
): { bounds: WindowBounds; maximized: boolean } {
  let saved: WindowState | undefined;
  try {
    saved = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    saved = undefined; // first start, or a damaged file: the default is fine
  }
  if (saved && workAreas.some((area) => visibleEnough(saved, area))) {
    return {
      bounds: { x: saved.x, y: saved.y, width: saved.width, height: saved.height },
      maximized: saved.maximized,
    };
  }
  const primary = workAreas[0];
  const width = Math.min(saved?.width ?? DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width);
  const height = Math.min(
    saved?.height ?? DEFAULT_SIZE.height,
    primary?.height ?? DEFAULT_SIZE.height,
  );
  return { bounds: { width, height }, maximized: saved?.maximized ?? false };
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, `${JSON.stringify(stateSchema.parse(state))}\n`);
}
