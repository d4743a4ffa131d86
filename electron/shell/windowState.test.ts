import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { restoreWindowState, saveWindowState } from './windowState.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'window-state.json');
});
afterEach(() => temp.cleanup());

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const external = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('puts the window back where it was', () => {
    saveWindowState(file, { x: 2100, y: 100, width: 1400, height: 900, maximized: true });
    expect(restoreWindowState(file, [laptop, external])).toEqual({
      bounds: { x: 2100, y: 100, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('brings a window from an unplugged screen back to the first one', () => {
    saveWindowState(file, { x: 2100, y: 100, width: 2400, height: 1300, maximized: false });
    expect(restoreWindowState(file, [laptop])).toEqual({
      bounds: { width: 1920, height: 1040 },
      maximized: false,
    });
  });

  it('starts with a default size on the first start or after a damaged file', () => {
    expect(restoreWindowState(file, [laptop]).bounds).toEqual({ width: 1280, height: 820 });
    writeFileSync(file, '{"x": "links"');
    expect(restoreWindowState(file, [laptop]).bounds).toEqual({ width: 1280, height: 820 });
  });
});
