// @vitest-environment happy-dom
/**
 * What the popup and the options page say about storage (issue 16: F7, F9, F10, F14): plainly
 * what happened, never that records were set aside when they weren't, and a way out.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../src/options/OptionsApp';
import { PopupApp } from '../../src/popup/PopupApp';
import type { AppState } from '../../src/shared/state-core';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';
import { installFallbackMessages, testConnection, type TestConnection } from '../support/test-connection';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

const AT = '2026-11-24T17:00:00.000Z';

/**
 * The real background on in-memory storage, with the storage state the pages read overridden:
 * these tests are about what the notice says for each state (how storage comes to be in it is
 * the store's tests and the worker e2e). Requests still go to the real background.
 */
function withState(over: Partial<AppState>, now?: () => number): TestConnection {
  const conn = testConnection({ interviews: sampleInterviews(), settings: SAMPLE_SETTINGS, ...(now ? { now } : {}) });
  const patch = (s: AppState): AppState => ({ ...s, ...over });
  return Object.assign(Object.create(conn) as TestConnection, {
    load: async () => patch(await conn.load()),
    watch: (cb: (s: AppState) => void, options?: Parameters<TestConnection['watch']>[1]) => conn.watch((s) => cb(patch(s)), options),
    firstPage: async () => undefined,
  });
}

function popup(over: Partial<AppState>): TestConnection {
  const now = (): number => SAMPLE_NOW;
  const conn = withState(over, now);
  render(<PopupApp connection={conn} now={now} locale="en-US" />);
  return conn;
}

const notice = async () => screen.findByRole('region', { name: /storage|could not be read|older version|newer version/i });

describe('storage notice', () => {
  it('F7 an unreadable record kept in place is never said to be set aside, and the notice offers export, then delete', async () => {
    const conn = popup({ corrupt: [{ key: 'interview:big', reason: 'company: Company is missing', at: AT, inPlace: true }] });
    const box = await notice();
    expect(box.textContent).not.toMatch(/set aside/i);
    expect(box.textContent).toMatch(/kept as it was/i);
    fireEvent.click(within(box).getByRole('button', { name: /export a backup/i }));
    expect(conn.calls.at(-1)).toMatchObject({ type: 'exportBackup' });
    fireEvent.click(within(box).getByRole('button', { name: /delete it/i }));
    expect(conn.calls.at(-1)).toMatchObject({ type: 'dismissCorrupt', key: 'interview:big' });
  });

  it('F7 a record that was set aside says so, with Dismiss', async () => {
    popup({ corrupt: [{ key: 'interview:old', reason: 'company: Company is missing', at: AT }] });
    const box = await notice();
    expect(box.textContent).toMatch(/set aside/i);
    expect(within(box).getByRole('button', { name: /dismiss/i })).toBeTruthy();
  });

  it('F14 storage full: says so plainly, how to make room, and offers the export', async () => {
    const conn = popup({ health: { full: { at: AT } } });
    const box = await notice();
    expect(box.textContent).toMatch(/storage is full/i);
    expect(box.textContent).toMatch(/delete/i);
    fireEvent.click(within(box).getByRole('button', { name: /export a backup/i }));
    expect(conn.calls.at(-1)).toMatchObject({ type: 'exportBackup' });
  });

  it('F9 interviews waiting to be moved from an older version are listed, and the notice says why', async () => {
    popup({ health: { unmigrated: { from: 0, count: 3 }, full: { at: AT } } });
    const box = await notice();
    expect(box.textContent).toMatch(/3 interviews/);
    expect(box.textContent).toMatch(/older version/i);
    expect(screen.queryByRole('button', { name: 'Log your first interview' })).toBeNull();
  });

  it('F10 data from a newer version: read-only, and why', async () => {
    popup({ health: { newerVersion: 2 }, corrupt: [{ key: 'interview:odd', reason: 'The interview could not be read', at: AT, inPlace: true }] });
    const box = await notice();
    expect(box.textContent).toMatch(/newer version of FollowUp/);
    expect(box.textContent).toMatch(/update/i);
    // A record this version can't read is newer data, not a lack of room, and it is not offered for deletion.
    expect(box.textContent).toMatch(/could not be read by this version/);
    expect(box.textContent).not.toMatch(/no room|set aside/i);
    expect(within(box).queryByRole('button', { name: /delete/i })).toBeNull();
  });

  it('the options page shows the same notice', async () => {
    const conn = withState({ health: { full: { at: AT } } });
    render(<OptionsApp connection={conn} />);
    expect((await notice()).textContent).toMatch(/storage is full/i);
  });
});
