// @vitest-environment happy-dom
/**
 * Issue 11: the reminder page's "Write email" asks for the user's name first when the profile has
 * none, as the popup does (drafts end with it), saves it, then opens the compose.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/domain/model';
import { ReminderPage } from '../../src/reminder/ReminderPage';
import { installFallbackMessages, testConnection } from '../support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

const ID = 'reminder:globex:status-inquiry:1';

async function setup(name: string) {
  const now = (): number => SAMPLE_NOW;
  const conn = testConnection({ interviews: sampleInterviews(), settings: SAMPLE_SETTINGS, now, profile: { ...defaultProfile(), name } });
  await conn.ready;
  render(<ReminderPage id={ID} connection={conn} now={now} />);
  const write = await screen.findByRole('button', { name: 'Write email' });
  const types = () => conn.calls.map((c) => (c as { type: string }).type);
  return { conn, write, types };
}

describe('the reminder page: the name, asked once before the first draft', () => {
  it('asks for it at Write email, saves it, then opens the compose signed with it', async () => {
    const { conn, write, types } = await setup('');
    fireEvent.click(write);
    const field = await screen.findByLabelText('Your name');
    expect(document.activeElement).toBe(field);
    expect(types()).not.toContain('openCompose');
    fireEvent.input(field, { target: { value: 'Jane Doe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(types()).toContain('openCompose'));
    expect(conn.calls.find((c) => (c as { type: string }).type === 'saveProfile')).toMatchObject({ profile: { name: 'Jane Doe' } });
    expect(conn.calls.find((c) => (c as { type: string }).type === 'openCompose')).toEqual({ type: 'openCompose', id: 'globex', kind: 'status-inquiry' });
    await screen.findByText('Your draft is open in a new tab.');
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });

  it('Cancel goes back to the actions without writing anything; with a name, nothing is asked', async () => {
    const first = await setup('');
    fireEvent.click(first.write);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByLabelText('Your name')).toBeNull());
    expect(first.types()).not.toContain('openCompose');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Write email' })));
    cleanup();
    const named = await setup('Alex Doe');
    fireEvent.click(named.write);
    await waitFor(() => expect(named.types()).toContain('openCompose'));
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });
});
