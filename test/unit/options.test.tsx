// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { OptionsApp, samplePlan } from '../../src/options/OptionsApp';
import { testConnection, installFallbackMessages, type TestConnection } from '../support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

let blobs: { blob: Blob; name: string }[] = [];
beforeEach(() => {
  blobs = [];
  const created: Blob[] = [];
  URL.createObjectURL = (b: Blob) => {
    created.push(b);
    return `blob:fake/${created.length}`;
  };
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    blobs.push({ blob: created[Number(this.href.split('/').pop()) - 1]!, name: this.download });
  };
});

const now = (): number => SAMPLE_NOW;
async function setup(): Promise<TestConnection> {
  const conn = testConnection({ interviews: sampleInterviews(), settings: SAMPLE_SETTINGS, profile: { name: 'Alex Doe', webmail: 'gmail' }, now });
  await conn.ready;
  render(<OptionsApp connection={conn} now={now} locale="en-US" />);
  return conn;
}
const section = (name: string): HTMLElement => screen.getByRole('heading', { level: 2, name }).closest('section')!;
const saveStatus = (): string => document.querySelector('.save-bar [role="status"]')!.textContent ?? '';
const previewText = (): string => screen.getByRole('heading', { name: 'Preview: the plan for a sample interview' }).parentElement!.textContent!;

function choose(input: HTMLElement, text: string, name = 'backup.json'): void {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('options: profile', () => {
  it('shows the error next to the field and focuses it, then saves', async () => {
    const conn = await setup();
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    expect(name.value).toBe('Alex Doe');
    fireEvent.input(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe('Your name is missing');
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.input(name, { target: { value: 'Alex Q. Doe' } });
    fireEvent.input(screen.getByLabelText('Signature'), { target: { value: 'Alex\n555-0100' } });
    fireEvent.click(screen.getByLabelText('Outlook on the web'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(saveStatus()).toBe('Changes saved. Your follow-ups are re-planned.'));
    expect(conn.state.profile).toEqual({ name: 'Alex Q. Doe', signature: 'Alex\n555-0100', webmail: 'outlook' });
  });
});

describe('options: schedule', () => {
  it('offers the IANA zones to search and saves a new zone, work week, holidays and times', async () => {
    const conn = await setup();
    const zone = (await screen.findByLabelText('Time zone')) as HTMLInputElement;
    const options = [...document.querySelectorAll(`#${zone.getAttribute('list')} option`)].map((o) => (o as HTMLOptionElement).value);
    expect(options).toContain('Asia/Jerusalem');
    expect(options).toContain('America/New_York');
    expect(options.length).toBeGreaterThan(300);
    fireEvent.input(zone, { target: { value: 'Asia/Jerusalem' } });
    fireEvent.click(screen.getByLabelText('Friday'));
    fireEvent.click(screen.getByLabelText('Sunday'));
    fireEvent.input(screen.getByLabelText('Holiday date'), { target: { value: '2026-12-25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fireEvent.input(screen.getByLabelText('Holiday date'), { target: { value: '2026-12-24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove holiday Friday, December 25, 2026' }));
    fireEvent.input(screen.getByLabelText('Preferred time for inquiries'), { target: { value: '09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(saveStatus()).toMatch(/Changes saved/));
    expect(conn.state.settings).toEqual({ timeZone: 'Asia/Jerusalem', workWeek: [0, 1, 2, 3, 4], holidays: ['2026-12-24'], dayStart: '08:00', dayEnd: '20:00', preferredTime: '09:30' });
  });

  it('previews the plan for a sample interview live, before saving', async () => {
    const conn = await setup();
    await screen.findByLabelText('Time zone');
    // Next work day after Tue Nov 24 is Wed Nov 25: thank-you 16:00, inquiry the next Wednesday.
    expect(previewText()).toMatch(/An interview on Wed, Nov 25, 2026, 2:00 PM, no decision date given/);
    expect(previewText()).toMatch(/Thank-you email: Wed, Nov 25, 2026, 4:00 PM/);
    expect(previewText()).toMatch(/Status inquiry: Wed, Dec 2, 2026, 10:00 AM/);
    expect(previewText()).toMatch(/Final check-in: .*\(if no reply\)/);
    fireEvent.input(screen.getByLabelText('Preferred time for inquiries'), { target: { value: '11:15' } });
    expect(previewText()).toMatch(/Status inquiry: Wed, Dec 2, 2026, 11:15 AM/);
    fireEvent.input(screen.getByLabelText('Holiday date'), { target: { value: '2026-12-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    expect(previewText()).toMatch(/Status inquiry: Thu, Dec 3, 2026, 11:15 AM/);
    fireEvent.click(screen.getByLabelText('They named a decision date'));
    // Decision a week of work days after Wed Nov 25 (Dec 2 is a holiday): Thu Dec 3, a work day;
    // the inquiry moves to three work days after it, Tue Dec 8.
    expect(previewText()).toMatch(/decision expected by Thu, Dec 3, 2026/);
    expect(previewText()).toMatch(/Status inquiry: Tue, Dec 8, 2026, 11:15 AM/);
    // Nothing was saved by previewing.
    expect(conn.calls).toEqual([]);
  });

  it('says why an impossible schedule cannot be saved, next to the field', async () => {
    const conn = await setup();
    await screen.findByLabelText('Time zone');
    fireEvent.input(screen.getByLabelText('Day ends at'), { target: { value: '07:00' } });
    expect(previewText()).toMatch(/The preview appears when the schedule above is complete and valid/);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const end = screen.getByLabelText('Day ends at');
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(conn.state.settings).toEqual(SAMPLE_SETTINGS);
    // Esc drops nothing: the edit stays, marked unsaved.
    fireEvent.keyDown(end, { key: 'Escape' });
    expect((screen.getByLabelText('Day ends at') as HTMLInputElement).value).toBe('07:00');
    expect(within(section('Schedule')).getByText('Unsaved changes')).toBeTruthy();
    // Fixing the field takes its error away.
    fireEvent.input(end, { target: { value: '19:00' } });
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBeNull());
  });

  it('plans the sample with the unsaved settings and refuses invalid ones', () => {
    expect(samplePlan({ ...SAMPLE_SETTINGS, workWeek: [] }, SAMPLE_NOW, false)).toBeUndefined();
    const plan = samplePlan(SAMPLE_SETTINGS, SAMPLE_NOW, false)!;
    expect(plan.steps.map((s) => s.kind)).toEqual(['thank-you', 'status-inquiry', 'move-on', 'final-check-in']);
  });

  it.each([
    ['Mon–Fri', SAMPLE_SETTINGS, SAMPLE_NOW],
    ['on a Thursday', SAMPLE_SETTINGS, Date.parse('2026-11-26T15:00:00Z')],
    ['on a Friday', SAMPLE_SETTINGS, Date.parse('2026-11-27T15:00:00Z')],
    ['Sun–Thu in Jerusalem', { ...SAMPLE_SETTINGS, timeZone: 'Asia/Jerusalem', workWeek: [0, 1, 2, 3, 4] }, SAMPLE_NOW],
  ])('gives the sample a decision date on a work day that moves the inquiry (%s)', (_label, settings, now) => {
    const without = samplePlan(settings, now, false)!;
    const withDate = samplePlan(settings, now, true)!;
    const day = withDate.interview.decisionExpectedBy!;
    expect(settings.workWeek).toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
    const inquiry = (p: typeof without) => p.steps.find((s) => s.kind === 'status-inquiry')!.notifyAt;
    expect(inquiry(withDate)).not.toBe(inquiry(without));
  });

  it('reads a place typed as people write it ("New York") as its zone when saving', async () => {
    const conn = await setup();
    const zone = (await screen.findByLabelText('Time zone')) as HTMLInputElement;
    fireEvent.input(zone, { target: { value: 'Asia/Tokyo' } });
    // Typing keeps every character, spaces too.
    fireEvent.input(zone, { target: { value: 'Los Angeles' } });
    expect(zone.value).toBe('Los Angeles');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(conn.state.settings.timeZone).toBe('America/Los_Angeles'));
    await waitFor(() => expect(zone.value).toBe('America/Los_Angeles'));
    fireEvent.input(zone, { target: { value: 'Atlantis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('That time zone is not recognised')).toBeTruthy();
  });
});

describe('options: one save model', () => {
  it('marks each changed section, saves every change with one Save, and says so', async () => {
    const conn = await setup();
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    expect(screen.getByRole('button', { name: 'Save changes' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('All changes saved')).toBeTruthy();
    fireEvent.input(name, { target: { value: 'Alex Morgan' } });
    expect(within(section('Profile')).getByText('Unsaved changes')).toBeTruthy();
    expect(within(section('Schedule')).queryByText('Unsaved changes')).toBeNull();
    fireEvent.input(screen.getByLabelText('Preferred time for inquiries'), { target: { value: '09:00' } });
    expect(within(section('Schedule')).getByText('Unsaved changes')).toBeTruthy();
    // The name is not lost by saving the schedule: there is one Save, for both.
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(saveStatus()).toMatch(/Changes saved/));
    expect(conn.state.profile.name).toBe('Alex Morgan');
    expect(conn.state.settings.preferredTime).toBe('09:00');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('asks before the page closes while something is unsaved, and not after saving', async () => {
    await setup();
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    const leave = (): boolean => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    fireEvent.input(name, { target: { value: 'Alex Morgan' } });
    expect(leave()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(saveStatus()).toMatch(/Changes saved/));
    expect(leave()).toBe(false);
  });

  it('discards changes only when asked, and Undo brings them back', async () => {
    const conn = await setup();
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Alex Morgan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(name.value).toBe('Alex Doe');
    expect(saveStatus()).toMatch(/Changes discarded\./);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(name.value).toBe('Alex Morgan');
    expect(within(section('Profile')).getByText('Unsaved changes')).toBeTruthy();
    expect(conn.calls).toEqual([]);
  });

  it('keeps unsaved edits when the stored settings change elsewhere (an import)', async () => {
    const conn = await setup();
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Alex Morgan' } });
    await conn.send('saveProfile', { profile: { name: 'Someone Else', webmail: 'gmail' } });
    await new Promise((r) => setTimeout(r, 120));
    expect(name.value).toBe('Alex Morgan');
    expect(within(section('Profile')).getByText('Unsaved changes')).toBeTruthy();
  });
});

describe('options: backup', () => {
  it('exports everything as JSON that imports back with nothing to change', async () => {
    const conn = await setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(blobs[0]!.name).toBe('followup-backup-2026-11-24.json');
    const backup = JSON.parse(await blobs[0]!.blob.text());
    expect(backup).toMatchObject({ format: 'followup-backup', version: 1, settings: SAMPLE_SETTINGS, interviews: conn.state.interviews });
    choose(screen.getByLabelText('Import a backup file'), JSON.stringify(backup));
    const preview = await screen.findByRole('group', { name: 'Importing backup.json will:' });
    expect(preview.textContent).toMatch(/add 0 interview.*update 0 interview.*leave 7 interview.*keep your schedule settings.*keep your profile/);
  });

  it('previews a real change, and applies it only when asked', async () => {
    const conn = await setup();
    const before = structuredClone(conn.state);
    const backup = {
      format: 'followup-backup',
      version: 1,
      exportedAt: '2026-11-20T00:00:00.000Z',
      settings: { ...SAMPLE_SETTINGS, preferredTime: '11:00' },
      profile: before.profile,
      interviews: [{ ...before.interviews[0]!, role: 'Staff Engineer' }, { ...before.interviews[1]!, id: 'new-one' }],
    };
    choose(await screen.findByLabelText('Import a backup file'), JSON.stringify(backup));
    const preview = await screen.findByRole('group', { name: /Importing/ });
    expect(preview.textContent).toMatch(/add 1 interview.*update 1 interview.*leave 0 interview.*replace your schedule settings.*keep your profile/);
    expect(conn.state).toEqual(before);
    fireEvent.click(within(preview).getByRole('button', { name: 'Apply import' }));
    await waitFor(() => expect(within(section('Backup')).getByRole('status').textContent).toBe('Import applied: 1 added, 1 updated, 0 unchanged.'));
    expect(conn.state.interviews).toHaveLength(8);
    expect(conn.state.settings.preferredTime).toBe('11:00');
  });

  it('changes nothing and says why for a file that is not JSON, or not a backup', async () => {
    const conn = await setup();
    const before = structuredClone(conn.state);
    const input = await screen.findByLabelText('Import a backup file');
    choose(input, '{"format": "followup-backup", "version": 1, "interv');
    expect((await screen.findByRole('alert')).textContent).toBe('The backup was not imported: this file is not valid JSON, so it cannot be a FollowUp backup. Nothing was changed.');
    choose(input, JSON.stringify({ hello: 'world' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The backup was not imported. This file is not a FollowUp backup: nothing was changed.'));
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
    expect(conn.calls.some((c) => c.type === 'applyImport')).toBe(false);
    expect(conn.state).toEqual(before);
  });

  it('cancels a pending import with Esc', async () => {
    const conn = await setup();
    choose(await screen.findByLabelText('Import a backup file'), JSON.stringify({ format: 'followup-backup', version: 1, exportedAt: '', settings: SAMPLE_SETTINGS, profile: conn.state.profile, interviews: [] }));
    const preview = await screen.findByRole('group', { name: /Importing/ });
    fireEvent.keyDown(preview, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Importing/ })).toBeNull();
    expect(conn.calls.map((c) => c.type)).toEqual(['previewImport']);
  });
});

describe('options: calendar', () => {
  it('exports the upcoming follow-ups as an .ics file a calendar can read', async () => {
    await setup();
    const cal = await screen.findByRole('heading', { level: 2, name: 'Calendar' });
    expect(cal.closest('section')!.textContent).toMatch(/4 upcoming follow-ups to export/);
    fireEvent.click(screen.getByRole('button', { name: 'Export follow-ups (.ics)' }));
    expect(blobs[0]!.name).toBe('followup.ics');
    expect(blobs[0]!.blob.type).toBe('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(await blobs[0]!.blob.text()));
    expect(comp.getAllSubcomponents('vevent')).toHaveLength(4);
  });
});
