import { describe, expect, it } from 'vitest';
import { formatFileSize } from './sizes.ts';

describe('file sizes', () => {
  it('never shows a small backup as 0,0 MB', () => {
    expect(formatFileSize(812)).toBe('812 Byte');
    expect(formatFileSize(48_213)).toBe('48,2 kB');
    expect(formatFileSize(5_812_345)).toBe('5,8 MB');
    expect(formatFileSize(1_234_567_890)).toBe('1,2 GB');
    expect(formatFileSize(999_950)).toBe('1,0 MB');
    expect(formatFileSize(48_213, 'en')).toBe('48.2 kB');
    expect(formatFileSize(812, 'en')).toBe('812 Bytes');
  });
});
