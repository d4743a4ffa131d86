import { describe, expect, it } from 'vitest';
import { CoreError } from '../core/coreError.ts';
import { askNewPassphrase } from './newPassphrase.ts';

function dialogue(answers: string[]) {
  const said: string[] = [];
  const asked: string[] = [];
  return {
    said,
    asked,
    ask: async (question: string) => {
      asked.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('asked once too often');
      return answer;
    },
    say: (line: string) => said.push(line),
  };
}

const OPTIONS = {
  question: 'Neue Passphrase: ',
  problem: (p: string) => (p.length < 12 ? 'Zu kurz: mindestens 12 Zeichen.' : null),
};

describe('a new passphrase on the terminal', () => {
  it('checks the length on the first entry and asks again, without asking to repeat it', async () => {
    const d = dialogue(['zu kurz', 'Probe am Donnerstag', 'Probe am Donnerstag']);
    expect(await askNewPassphrase(d, OPTIONS)).toBe('Probe am Donnerstag');
    expect(d.said[0]).toBe('Zu kurz: mindestens 12 Zeichen. Bitte noch einmal.');
    expect(d.asked).toEqual(['Neue Passphrase: ', 'Neue Passphrase: ', 'Passphrase wiederholen: ']);
  });

  it('asks again after a typo in the repetition instead of ending', async () => {
    const d = dialogue([
      'Probe am Donnerstag',
      'Probe am Donnerstga',
      'Probe am Donnerstag',
      'Probe am Donnerstag',
    ]);
    expect(await askNewPassphrase(d, OPTIONS)).toBe('Probe am Donnerstag');
    expect(d.said).toEqual(['Die beiden Eingaben stimmen nicht überein. Bitte noch einmal.']);
  });

  it('gives up after three rounds with one line saying nothing changed', async () => {
    const d = dialogue(['kurz', 'kurz', 'kurz']);
    const error = await askNewPassphrase(d, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toBe(
      'Nach 3 Versuchen keine passende Passphrase; es wurde nichts geändert.',
    );
  });
});
