// @vitest-environment happy-dom
/**
 * Issue 11: drafts end with the user's name, so a profile without one is asked for it once, in
 * the popup, before the first draft (Write email or Copy): one field, saved in the profile, and
 * then the email asked for is written. With a name, nothing is asked.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/domain/model';
import { PopupApp } from '../../src/popup/PopupApp';
import { installFallbackMessages, testConnection, type TestConnection } from '../support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

async function setup(name: string): Promise<TestConnection> {
  const now = (): number => SAMPLE_NOW;
  const conn = testConnection({ interviews: sampleInterviews(), settings: SAMPLE_SETTINGS, now, profile: { ...defaultProfile(), name } });
  await conn.ready;
  render(<PopupApp connection={conn} now={now} locale="en-US" />);
  await screen.findByRole('list', { name: 'Next steps' });
  return conn;
}
const card = (company: string): HTMLElement => screen.getByRole('heading', { level: 3, name: new RegExp(`^${company}`) }).closest('li')!;
const typesSent = (conn: TestConnection) => conn.calls.map((c) => (c as { type: string }).type);

describe('popup: the name, asked once before the first draft', () => {
  it('asks for it at Write email, saves it in the profile, then opens the compose; never asks again', async () => {
    const conn = await setup('');
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    const field = await screen.findByLabelText('Your name');
    expect(document.activeElement).toBe(field);
    expect(typesSent(conn)).not.toContain('openCompose');
    // Nothing typed: said plainly, nothing saved.
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByText('Enter your name to sign the email.');
    expect(typesSent(conn)).not.toContain('saveProfile');
    fireEvent.input(field, { target: { value: '  Jane Doe ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(typesSent(conn)).toContain('openCompose'));
    expect(conn.calls.find((c) => (c as { type: string }).type === 'saveProfile')).toMatchObject({ profile: { name: 'Jane Doe', webmail: 'gmail' } });
    const opened = conn.calls.find((c) => (c as { type: string }).type === 'openCompose');
    expect(opened).toEqual({ type: 'openCompose', id: 'globex', kind: 'status-inquiry' });
    await screen.findByRole('list', { name: 'Next steps' });
    // The draft is signed with it.
    const drafted = await conn.send('draft', { id: 'globex', kind: 'status-inquiry' });
    expect(drafted.ok && drafted.draft.body.trimEnd().endsWith('\nJane Doe')).toBe(true);
    const before = conn.calls.length;
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    await waitFor(() => expect(conn.calls.length).toBeGreaterThan(before));
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });

  it('Cancel (or Escape) goes back to the list without writing anything', async () => {
    const conn = await setup('');
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByRole('list', { name: 'Next steps' });
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    fireEvent.keyDown(await screen.findByLabelText('Your name'), { key: 'Escape' });
    await screen.findByRole('list', { name: 'Next steps' });
    expect(typesSent(conn)).not.toContain('openCompose');
    expect(typesSent(conn)).not.toContain('saveProfile');
  });

  it('with a name in the profile, Write email opens the compose at once', async () => {
    const conn = await setup('Alex Doe');
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    await waitFor(() => expect(typesSent(conn)).toContain('openCompose'));
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });
});
