/**
 * Page object for the Tutti UI: what a secretary does (open a section, fill a field, pick an
 * option, save), so the scenarios read like the work and not like selectors.
 */
import type { Locator, Page } from 'playwright-core';
import { type Page as PageKey, pagesOf } from '../../../renderer/src/app/navigation.ts';

/** The desktop's sidebar pages, in its order (the web application has its own set). */
export const SECTIONS = pagesOf(false);
export type Section = PageKey;

export class TuttiApp {
  constructor(readonly page: Page) {}

  /** Opens Tutti (it starts on "Übersicht") and goes to the member list, where most work is. */
  async open(url: string): Promise<void> {
    await this.openOverview(url);
    await this.goTo('members');
    await this.page.getByTestId('data-table').waitFor();
  }

  async openOverview(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('overview').waitFor();
  }

  async goTo(section: Section): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  field(name: string, scope: Page | Locator = this.page): Locator {
    return scope.locator(`[data-field="${name}"]`).first();
  }

  async fill(fields: Record<string, string>, scope: Page | Locator = this.page): Promise<void> {
    for (const [name, value] of Object.entries(fields)) await this.field(name, scope).fill(value);
  }

  /** Picks an option of a Mantine Select or MultiSelect by its visible label. */
  async choose(name: string, label: string, scope: Page | Locator = this.page): Promise<void> {
    const input = this.field(name, scope);
    await input.click();
    await input.pressSequentially(label.slice(0, 3));
    await this.page.getByRole('option', { name: label, exact: true }).click();
    // A MultiSelect stays open after a pick; Escape then closes only the list, not the dialog.
    if (await this.page.getByRole('listbox').isVisible()) await this.page.keyboard.press('Escape');
  }

  /** Switches the member form to one of its tabs: person, contact, club, bank. */
  async memberTab(key: string): Promise<void> {
    await this.page.getByTestId(`member-tab-${key}`).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Leaves a dialog with unsaved changes: Esc, then "Verwerfen" when asked. */
  async discard(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('discard-confirm').click();
  }

  async save(): Promise<void> {
    await this.dialog().getByTestId('save').click();
  }

  /** A row of the current list, found by text it contains. */
  row(text: string): Locator {
    return this.page.getByTestId('data-table').locator('tr', { hasText: text });
  }

  async pendingCount(): Promise<number> {
    const text = await this.page.getByTestId('pending-count').innerText();
    return Number(/\d+/.exec(text)?.[0]);
  }

  /** The German message Mantine shows under a field. */
  errorAt(name: string): Locator {
    return this.page
      .locator('.mantine-InputWrapper-root', { has: this.field(name) })
      .locator('.mantine-InputWrapper-error');
  }
}
