/**
 * A secretary's work is not lost or spoiled by the desktop UI (issue #19): a dialog asks before
 * dropping what was typed, a date that is no date is reported as such and nothing else, the
 * entry date stays empty unless entered, inventory numbers are one key whatever their case.
 * The real `tutti start --browser` in Debian's Chromium at 1366×768.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopSession } from '../support/desktopSession.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-keep-work-' });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

/** "Rückgängig" in the notice of the change just saved (a notice of a delete may be open too). */
async function undoChange(): Promise<void> {
  await page
    .locator('.mantine-Notification-root', { hasText: 'wurde geändert' })
    .getByRole('button', { name: 'Rückgängig' })
    .click();
}

describe('the desktop keeps what a person typed', () => {
  it('asks before Esc or a click beside the dialog drops typed values', async () => {
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    await app.fill({ firstName: 'Gerda', lastName: 'Gründlich' });
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-question').waitFor();
    // "Weiter bearbeiten" is the default: Enter keeps the work.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('discard-question').count()).toBe(0);
    expect(await app.field('lastName').inputValue()).toBe('Gründlich');
    // A click beside the dialog asks too; discarding then closes it.
    await page.mouse.click(5, 5);
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('member-form').count()).toBe(0);
    // Unchanged, the dialog closes without asking.
    await page.getByTestId('new-member').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('member-form').count()).toBe(0);
  });

  it('reports an impossible birth date at its field only, and leaves the entry date empty', async () => {
    await page.getByTestId('new-member').click();
    expect(await app.field('entryDate').inputValue()).toBe('');
    await app.fill({ firstName: 'Erna', lastName: 'Ehrlich', birthDate: '31.02.1985' });
    await app.fill({ entryDate: '01.01.2000' });
    await app.save();
    await expect.poll(() => app.errorAt('birthDate').count()).toBe(1);
    expect(await page.getByText('Das Eintrittsdatum liegt vor dem Geburtsdatum.').count()).toBe(0);
    await app.fill({ birthDate: '28.02.1985', entryDate: '' });
    await app.save();
    await app.row('Ehrlich, Erna').click();
    expect(await app.field('entryDate').inputValue()).toBe('');
    await page.keyboard.press('Escape');
  });

  it('treats "inv-001" as the inventory number "INV-001" is', async () => {
    await app.goTo('instruments');
    await page.getByTestId('new-instrument').click();
    await app.fill({ inventoryNumber: 'INV-001', kind: 'Tuba' });
    await app.save();
    await app.row('INV-001').waitFor();
    await page.getByTestId('new-instrument').click();
    await app.fill({ inventoryNumber: ' inv-001 ', kind: 'Horn' });
    await app.save();
    await expect
      .poll(() => app.errorAt('inventoryNumber').textContent())
      .toMatch(/Die Inventarnummer .*inv-001.* ist schon vergeben/i);
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-confirm').click();
  });

  it('says what depends on a register before deleting it, takes it off its members and instruments, and undo puts it back', async () => {
    await app.goTo('registers');
    await page.getByTestId('new-register').click();
    await app.fill({ name: 'Schlagwerk' });
    await app.save();
    await app.row('Schlagwerk').waitFor();
    await app.goTo('members');
    await page.getByTestId('new-member').click();
    await app.fill({ firstName: 'Paula', lastName: 'Pauke' });
    await app.memberTab('club');
    await app.choose('registerIds', 'Schlagwerk');
    await app.save();
    await app.row('Pauke, Paula').waitFor();

    await app.goTo('registers');
    await app.row('Schlagwerk').click();
    await page.getByRole('button', { name: 'Löschen' }).click();
    expect(await page.getByTestId('delete-dependents').textContent()).toBe(
      '1 Mitglied und 0 Instrumente verlieren damit dieses Register; „Rückgängig“ stellt alles wieder her.',
    );
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => app.row('Schlagwerk').count()).toBe(0);

    // The member no longer names the register — no id anywhere.
    await app.goTo('members');
    await app.row('Pauke, Paula').click();
    await app.memberTab('club');
    const chips = await app.dialog().locator('.mantine-Pill-root').allTextContents();
    expect(chips).toEqual([]);
    expect(await app.dialog().innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.keyboard.press('Escape');

    // Undo restores the register together with its member.
    await app.goTo('registers');
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await app.row('Schlagwerk').waitFor();
    await app.goTo('members');
    await app.row('Pauke, Paula').click();
    await app.memberTab('club');
    await expect
      .poll(() => app.dialog().locator('.mantine-Pill-root').allTextContents())
      .toEqual(['Schlagwerk']);
    await page.keyboard.press('Escape');
  });

  it("shows a member's loans on the member, and deletes a loan with undo", async () => {
    await app.goTo('instruments');
    await app.row('INV-001').click();
    await page.getByTestId('tab-loans').click();
    await app.choose('memberId', 'Ehrlich, Erna', app.dialog());
    await page.getByTestId('issue-loan').click();
    await page.getByTestId('current-loan').waitFor();
    await page.getByTestId('return-loan').click();
    await page.getByTestId('loan-history').waitFor();
    await page.keyboard.press('Escape');

    await app.goTo('members');
    await app.row('Ehrlich, Erna').click();
    await app.memberTab('club');
    await expect.poll(() => page.getByTestId('member-loans').innerText()).toContain('INV-001 Tuba');
    await page.keyboard.press('Escape');

    await app.goTo('instruments');
    await app.row('INV-001').click();
    await page.getByTestId('tab-loans').click();
    await page.getByTestId('delete-loan').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => page.getByTestId('loan-history').count()).toBe(0);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.getByTestId('loan-history').waitFor();

    // A maintenance entry recorded by mistake goes the same way.
    await page.getByTestId('tab-maintenance').click();
    await app.fill({ date: '12.10.2026', work: 'Ventil geölt' });
    await page.getByTestId('add-maintenance').click();
    await page.getByTestId('maintenance-list').waitFor();
    await page.getByTestId('delete-maintenance').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => page.getByTestId('maintenance-list').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('edits a loan and a maintenance entry, and undo brings the values before back', async () => {
    await app.goTo('instruments');
    await app.row('INV-001').click();
    await page.getByTestId('tab-loans').click();
    const history = page.getByTestId('loan-history');
    // The column says whom it was lent to (not the form's "Ausgeben an").
    expect(await history.locator('th').first().textContent()).toBe('Ausgeliehen an');
    await history.getByTestId('edit-loan').click();
    const loanForm = page.getByTestId('loan-edit-form');
    // A date that is no date is reported at its field; nothing is saved.
    await app.fill({ returnedOn: '31.02.2026', notes: 'Mundstück fehlte' }, loanForm);
    await loanForm.getByTestId('save-loan').click();
    await expect
      .poll(() => app.errorAt('returnedOn').textContent())
      .toMatch(/kein gültiges Datum|Datum/);
    await app.fill({ returnedOn: '01.01.2027' }, loanForm);
    await loanForm.getByTestId('save-loan').click();
    await expect.poll(() => page.getByTestId('loan-edit-form').count()).toBe(0);
    await expect.poll(() => history.innerText()).toContain('Mundstück fehlte');
    expect(await history.innerText()).toContain('01.01.2027');
    await undoChange();
    await expect.poll(() => history.innerText()).not.toContain('Mundstück fehlte');
    expect(await history.innerText()).not.toContain('01.01.2027');

    // Cancelling an edit with changes asks first.
    await history.getByTestId('edit-loan').click();
    await app.fill({ notes: 'nur getippt' }, page.getByTestId('loan-edit-form'));
    await page.getByTestId('loan-edit-form').getByTestId('cancel-edit').click();
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('loan-edit-form').count()).toBe(0);

    await page.getByTestId('tab-maintenance').click();
    await app.fill({ date: '12.10.2026', work: 'Ventil geölt', cost: '12,50' });
    await page.getByTestId('add-maintenance').click();
    const list = page.getByTestId('maintenance-list');
    await list.waitFor();
    await list.getByTestId('edit-maintenance').click();
    const workForm = page.getByTestId('maintenance-edit-form');
    await app.fill({ work: 'Ventile geölt und gereinigt', cost: '18,00' }, workForm);
    await workForm.getByTestId('save-maintenance').click();
    await expect.poll(() => list.innerText()).toContain('Ventile geölt und gereinigt');
    expect(await list.innerText()).toContain('18,00 €');
    await undoChange();
    await expect.poll(() => list.innerText()).toContain('12,50 €');
    expect(await list.innerText()).not.toContain('gereinigt');

    // Typed into a tab of the dialog: switching tabs keeps it, and Esc asks before dropping it.
    await app.fill({ work: 'Stimmzug gefettet' });
    await page.getByTestId('tab-loans').click();
    await page.getByTestId('tab-maintenance').click();
    expect(await app.field('work').inputValue()).toBe('Stimmzug gefettet');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-question').waitFor();
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('maintenance-list').count()).toBe(0);
  });
});
