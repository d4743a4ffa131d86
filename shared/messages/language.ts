/** The languages Tutti speaks; German first, English complete. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The command line's language: `--lang en|de` wins, else `LC_ALL`, `LC_MESSAGES` or `LANG`
 * starting with "en" (as POSIX orders them), else German.
 */
export function commandLineLanguage(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Language {
  const flag = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (flag >= 0) {
    const value = args[flag]!.includes('=') ? args[flag]!.split('=')[1] : args[flag + 1];
    if (value?.toLowerCase().startsWith('en')) return 'en';
    if (value?.toLowerCase().startsWith('de')) return 'de';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'de';
}
