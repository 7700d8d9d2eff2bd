// @vitest-environment happy-dom
/**
 * Issue 11: Options says which Gmail account (/mail/u/N/) or Outlook site "Write email" opens,
 * "Automatic" by default (where FollowUp was last used); the choice is saved in the profile and
 * Write email then opens it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../src/options/OptionsApp';
import { installFallbackMessages, testConnection, type TestConnection } from '../support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

const now = (): number => SAMPLE_NOW;
async function setup(): Promise<TestConnection> {
  const conn = testConnection({ interviews: sampleInterviews(), settings: SAMPLE_SETTINGS, profile: { name: 'Alex Doe', webmail: 'gmail' }, now });
  await conn.ready;
  render(<OptionsApp connection={conn} now={now} locale="en-US" />);
  return conn;
}
const saved = () => waitFor(() => expect(document.querySelector('.save-bar [role="status"]')!.textContent).toBe('Changes saved. Your follow-ups are re-planned.'));

describe('options: the account Write email opens', () => {
  it('Gmail: automatic by default, explained; account 2 chosen is saved and opened', async () => {
    const conn = await setup();
    const select = (await screen.findByLabelText('Gmail account for “Write email”')) as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect(document.getElementById(select.getAttribute('aria-describedby')!)!.textContent).toMatch(/mail\.google\.com\/mail\/u\/0\/ is the first account/);
    expect([...select.options].map((o) => o.textContent)).toContain('Account 2 (mail.google.com/mail/u/1/)');
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await saved();
    expect(conn.state.profile).toEqual({ name: 'Alex Doe', webmail: 'gmail', gmailAccount: 1 });
    const opened = await conn.send('openCompose', { id: sampleInterviews()[0]!.id, kind: 'thank-you' });
    expect(opened.ok && opened.url).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/1\/\?view=cm/);
    // Back to automatic: nothing kept.
    fireEvent.change(select, { target: { value: 'auto' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(conn.state.profile).toEqual({ name: 'Alex Doe', webmail: 'gmail' }));
  });

  it('Outlook: personal or work site, saved in the profile', async () => {
    const conn = await setup();
    fireEvent.click(await screen.findByLabelText('Outlook on the web'));
    const select = (await screen.findByLabelText('Outlook site for “Write email”')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['auto', 'outlook.live.com', 'outlook.office.com']);
    fireEvent.change(select, { target: { value: 'outlook.live.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await saved();
    expect(conn.state.profile).toEqual({ name: 'Alex Doe', webmail: 'outlook', outlookHost: 'outlook.live.com' });
  });
});
