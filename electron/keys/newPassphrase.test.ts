import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
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
  question: msg('cli.passphrase.newBackup', { min: 12 }),
  problem: (p: string) =>
    p.length < 12 ? msg('errors.backup.passphraseTooShort', { min: 12 }) : null,
};

describe('a new passphrase on the terminal', () => {
  it('checks the length on the first entry and asks again, without asking to repeat it', async () => {
    const d = dialogue(['zu kurz', 'Probe am Donnerstag', 'Probe am Donnerstag']);
    expect(await askNewPassphrase(d, OPTIONS)).toBe('Probe am Donnerstag');
    expect(d.said[0]).toBe(
      'Die Passphrase der Datensicherung muss mindestens 12 Zeichen lang sein. Bitte noch einmal.',
    );
    const question = 'Neue Passphrase der Datensicherung (mind. 12 Zeichen): ';
    expect(d.asked).toEqual([question, question, 'Passphrase wiederholen: ']);
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
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'Nach 3 Versuchen keine passende Passphrase; es wurde nichts geändert.',
    );
  });

  it('asks and answers in English when the terminal speaks English', async () => {
    const d = dialogue(['short', 'Rehearsal on Thursday', 'Rehearsal on Thursdya', 'x', 'y']);
    const error = await askNewPassphrase(d, { ...OPTIONS, language: 'en' }).catch((e) => e);
    expect(d.asked).toEqual([
      'New backup passphrase (at least 12 characters): ',
      'New backup passphrase (at least 12 characters): ',
      'Repeat the passphrase: ',
      'New backup passphrase (at least 12 characters): ',
    ]);
    expect(d.said).toEqual([
      'The backup passphrase must be at least 12 characters long. Please try again.',
      'The two entries do not match. Please try again.',
      'The backup passphrase must be at least 12 characters long. Please try again.',
    ]);
    expect(translate((error as AppError).text, 'en')).toBe(
      'No matching passphrase after 3 attempts; nothing was changed.',
    );
  });
});
