import { expect, type Page } from '@playwright/test';

/** The staff tablet's pending-issue board. */
export class IssuesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-issues').click();
    await expect(this.page.locator('.issues-screen')).toBeVisible();
  }

  cards() {
    return this.page.getByTestId('issue-card');
  }

  card(id: string) {
    return this.page.locator(`[data-testid="issue-card"][data-id="${id}"]`);
  }

  detail() {
    return this.page.getByTestId('issue-detail');
  }

  async select(id: string): Promise<void> {
    await this.card(id).click();
    await expect(this.detail()).toHaveAttribute('data-id', id);
  }

  action(name: string) {
    return this.detail().getByTestId(`issue-action-${name}`);
  }

  /** Clicks an action and waits until the card shows the status it leads to. */
  async act(id: string, action: string, to: string): Promise<void> {
    await this.action(action).click();
    await expect(this.card(id)).toHaveAttribute('data-status', to);
  }

  async recordFollowUp(o: { method: string; guestView: string; satisfied: boolean }): Promise<void> {
    await this.detail().getByTestId('followup-method').selectOption(o.method);
    await this.detail().getByTestId('followup-guest-view').fill(o.guestView);
    await this.detail().getByTestId('followup-satisfied').setChecked(o.satisfied);
    await this.detail().getByTestId('followup-submit').click();
  }

  async addNote(text: string): Promise<void> {
    await this.detail().getByTestId('issue-note-input').fill(text);
    await this.detail().getByTestId('issue-note-add').click();
  }
}
