// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../src/domain/types';
import { PAGE_SIZE, PopupApp } from '../../src/popup/PopupApp';
import { testConnection, installFallbackMessages, type TestConnection } from '../support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, manyInterviews, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());
afterEach(() => cleanup());

const LABELS = [
  'Company',
  'Role',
  'Interview date and time',
  'Interviewer name',
  'Interviewer email',
  'Decision expected by',
  'They invited me to call',
  'In my field, people usually follow up by phone',
  'I have other offers',
  'Topic we discussed',
  'Notes',
];

async function setup(interviews: Interview[] = sampleInterviews(), nowMs = SAMPLE_NOW): Promise<TestConnection> {
  const now = (): number => nowMs;
  const conn = testConnection({ interviews, settings: SAMPLE_SETTINGS, now });
  // The background has started (as it has when a user opens the popup): reminders due are marked.
  await conn.ready;
  render(<PopupApp connection={conn} now={now} locale="en-US" />);
  return conn;
}

const input = (label: string, value: string, index = 0): void => {
  fireEvent.input(screen.getAllByLabelText(label)[index]!, { target: { value } });
};
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const card = (company: string): HTMLElement => screen.getByRole('heading', { level: 3, name: new RegExp(`^${company}`) }).closest('li')!;
const lastCall = (conn: TestConnection) => conn.calls[conn.calls.length - 1]!;

async function openForm(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: /^Log (interview|your first interview)$/ }));
  await screen.findByLabelText('Company');
}

describe('popup: empty state', () => {
  it('shows the heading, explains the product and offers one button to start, focused', async () => {
    await setup([]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('FollowUp');
    expect(await screen.findByText(/thank-you email within 24 hours/i)).toBeTruthy();
    const start = button('Log your first interview');
    await waitFor(() => expect(document.activeElement).toBe(start));
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Log your first interview']);
  });
});

describe('popup: the form', () => {
  it('labels every field as the contract says and defaults to an interview that just ended, in the user zone', async () => {
    // 12:10 in New York (17:10Z): an hour-long interview that just ended started at 11:00.
    await setup([], Date.parse('2026-11-24T17:10:00Z'));
    await openForm();
    for (const label of LABELS) expect(screen.getAllByLabelText(label)).toHaveLength(1);
    expect(button('Save interview')).toBeTruthy();
    expect((screen.getByLabelText('Interview date and time') as HTMLInputElement).value).toBe('2026-11-24T11:00');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Company')));
  });

  it('saves the interview with several interviewers and shows it in the list, focused, with its plan', async () => {
    const conn = await setup([]);
    await openForm();
    input('Company', 'Northwind');
    input('Role', 'Support Lead');
    input('Interview date and time', '2026-11-24T09:00');
    input('Interviewer name', 'Ana Lima');
    input('Interviewer email', 'ana@northwind.example');
    fireEvent.click(button('+ Add another interviewer'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByLabelText('Interviewer name')[1]));
    input('Interviewer name', 'Bo Chen', 1);
    fireEvent.click(screen.getByLabelText('They invited me to call'));
    input('Topic we discussed', 'their on-call rotation');
    fireEvent.click(button('Save interview'));

    const heading = await screen.findByRole('heading', { level: 3, name: /^Northwind/ });
    const saved = conn.calls.find((c) => c.type === 'saveInterview')!;
    expect(saved).toMatchObject({
      input: {
        company: 'Northwind',
        role: 'Support Lead',
        interviewAt: '2026-11-24T09:00',
        contacts: [{ name: 'Ana Lima', email: 'ana@northwind.example' }, { name: 'Bo Chen' }],
        invitedToCall: true,
        callCustomary: false,
        hasOtherOffers: false,
        topic: 'their on-call rotation',
      },
    });
    expect(saved).not.toHaveProperty('id');
    const li = heading.closest('li')!;
    await waitFor(() => expect(document.activeElement).toBe(li));
    // Interview 09:00–10:00 → thank-you at 11:00 local (16:00Z); the clock says 12:30, so it is due now.
    expect(within(li).getByText('Due now')).toBeTruthy();
    const plan = within(li).getByRole('list', { name: 'Follow-up plan' });
    expect(within(plan).getAllByRole('listitem').map((s) => s.textContent)).toEqual(['Thank-youNov 24, due now', 'InquiryDec 1, upcoming']);
    expect(screen.getByRole('status').textContent).toMatch(/Saved Northwind\. Next: Thank-you email, Today, 11:00 AM/);
  });

  it('puts schema errors next to their fields, focuses the first bad one and keeps every entry', async () => {
    const conn = await setup([]);
    await openForm();
    input('Role', 'Designer');
    input('Interviewer name', 'Kim');
    fireEvent.click(button('+ Add another interviewer'));
    input('Interviewer name', 'Lou', 1);
    input('Interviewer email', 'not-an-email', 1);
    input('Notes', 'Went well');
    fireEvent.click(button('Save interview'));

    const company = screen.getByLabelText('Company') as HTMLInputElement;
    await waitFor(() => expect(company.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(company.getAttribute('aria-describedby')!)!.textContent).toBe('Company is missing');
    await waitFor(() => expect(document.activeElement).toBe(company));
    const secondEmail = screen.getAllByLabelText('Interviewer email')[1] as HTMLInputElement;
    expect(secondEmail.getAttribute('aria-invalid')).toBe('true');
    expect(secondEmail.getAttribute('aria-describedby')).toMatch(/error/);
    expect(document.getElementById(secondEmail.getAttribute('aria-describedby')!)!.textContent).toBe('That email address is not valid');
    expect((screen.getAllByLabelText('Interviewer email')[0] as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();
    // Nothing lost.
    expect((screen.getByLabelText('Role') as HTMLInputElement).value).toBe('Designer');
    expect(secondEmail.value).toBe('not-an-email');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Went well');
    expect(conn.state.interviews).toHaveLength(0);

    // Fixing them saves.
    input('Company', 'Contoso');
    input('Interviewer email', 'lou@contoso.example', 1);
    fireEvent.click(button('Save interview'));
    await screen.findByRole('heading', { level: 3, name: /^Contoso/ });
    expect(conn.state.interviews[0]!.contacts).toEqual([{ name: 'Kim' }, { name: 'Lou', email: 'lou@contoso.example' }]);
  });

  it('places an error on the right interviewer when an empty row in between is skipped', async () => {
    const conn = await setup([]);
    await openForm();
    input('Company', 'A');
    input('Role', 'B');
    fireEvent.click(button('+ Add another interviewer'));
    fireEvent.click(button('+ Add another interviewer'));
    input('Interviewer email', 'bad@', 2);
    fireEvent.click(button('Save interview'));
    const third = screen.getAllByLabelText('Interviewer name')[2] as HTMLInputElement;
    await waitFor(() => expect(third.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByLabelText('Interviewer email')[2]!.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByLabelText('Interviewer name')[0]!.getAttribute('aria-invalid')).toBeNull();
    expect(conn.calls.filter((c) => c.type === 'saveInterview').at(-1)).toMatchObject({ input: { contacts: [{ name: '', email: 'bad@' }] } });
  });

  it('keeps the entries and says so when the background cannot be reached', async () => {
    const conn = await setup([]);
    conn.send = () => Promise.reject(new Error('Could not establish connection'));
    await openForm();
    input('Company', 'Fabrikam');
    fireEvent.click(button('Save interview'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Not saved, your entries are kept.*Could not establish connection/);
    expect((screen.getByLabelText('Company') as HTMLInputElement).value).toBe('Fabrikam');
  });

  it('removes an interviewer', async () => {
    await setup([]);
    await openForm();
    fireEvent.click(button('+ Add another interviewer'));
    input('Interviewer name', 'First', 0);
    input('Interviewer name', 'Second', 1);
    fireEvent.click(button('Remove interviewer 1'));
    expect(screen.getAllByLabelText('Interviewer name').map((e) => (e as HTMLInputElement).value)).toEqual(['Second']);
  });

  it('closes an untouched form with Esc, and saves with Enter on a checkbox', async () => {
    const conn = await setup([]);
    await openForm();
    fireEvent.keyDown(screen.getByLabelText('Company'), { key: 'Escape' });
    await screen.findByRole('button', { name: 'Log your first interview' });
    // Nothing was typed: nothing to keep, nothing to undo.
    expect(conn.calls).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('');
    await openForm();
    fireEvent.keyDown(screen.getByLabelText('I have other offers'), { key: 'Enter' });
    await waitFor(() => expect(conn.calls.map((c) => c.type).filter((t) => t !== 'saveFormDraft')).toEqual(['saveInterview']));
  });

  it('edits an interview in place, keeping its id', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const acme = card('Acme Corp');
    fireEvent.click(within(acme).getByRole('button', { name: 'More' }));
    fireEvent.click(within(acme).getByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('Company') as HTMLInputElement).value).toBe('Acme Corp');
    expect((screen.getByLabelText('Interview date and time') as HTMLInputElement).value).toBe('2026-11-24T09:00');
    expect(screen.getAllByLabelText('Interviewer name').map((e) => (e as HTMLInputElement).value)).toEqual(['Dana Whitfield', 'Lee Park']);
    input('Role', 'Senior Frontend Engineer');
    fireEvent.click(button('Save interview'));
    await screen.findByRole('heading', { level: 3, name: 'Acme Corp — Senior Frontend Engineer' });
    expect(conn.calls.find((c) => c.type === 'saveInterview')).toMatchObject({ id: 'acme' });
    expect(conn.state.interviews.filter((i) => i.company === 'Acme Corp')).toHaveLength(1);
  });
});

describe('popup: nothing typed is lost', () => {
  const value = (label: string, index = 0): string => (screen.getAllByLabelText(label)[index] as HTMLInputElement).value;

  it('keeps half a form when the popup closes and brings it back, with Discard draft that can be undone', async () => {
    const conn = await setup([]);
    await openForm();
    input('Company', 'Northwind');
    input('Interviewer email', 'ana@northwind.example');
    fireEvent.click(screen.getByLabelText('I have other offers'));
    // The popup closes (a click outside it): the page is gone.
    await waitFor(() => expect(conn.storage.session.data.get('popupFormDraft')).toMatchObject({ fields: { company: 'Northwind', hasOtherOffers: true } }));
    cleanup();

    render(<PopupApp connection={conn} now={() => SAMPLE_NOW} locale="en-US" />);
    await screen.findByLabelText('Company');
    expect(value('Company')).toBe('Northwind');
    expect(value('Interviewer email')).toBe('ana@northwind.example');
    expect((screen.getByLabelText('I have other offers') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Your unsaved entries are back \(last changed Today, 12:30 PM\)/)).toBeTruthy();

    fireEvent.click(button('Discard draft'));
    await screen.findByRole('button', { name: 'Log your first interview' });
    await waitFor(() => expect(conn.storage.session.data.has('popupFormDraft')).toBe(false));
    expect(screen.getByRole('status').textContent).toMatch(/Entries discarded\./);
    const undo = within(screen.getByRole('status')).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await screen.findByLabelText('Company');
    expect(value('Company')).toBe('Northwind');
    await waitFor(() => expect(conn.storage.session.data.get('popupFormDraft')).toMatchObject({ fields: { company: 'Northwind' } }));
  });

  it('makes Esc on a form with entries undoable', async () => {
    const conn = await setup([]);
    await openForm();
    input('Company', 'Fabrikam');
    input('Notes', 'Met the whole team');
    fireEvent.keyDown(screen.getByLabelText('Notes'), { key: 'Escape' });
    await screen.findByRole('button', { name: 'Log your first interview' });
    expect(conn.state.interviews).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await screen.findByLabelText('Company');
    expect(value('Company')).toBe('Fabrikam');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Met the whole team');
  });

  it('keeps the entries of an edit, for the same interview, and forgets them once saved', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const acme = card('Acme Corp');
    fireEvent.click(within(acme).getByRole('button', { name: 'More' }));
    fireEvent.click(within(acme).getByRole('button', { name: 'Edit' }));
    input('Role', 'Staff Engineer');
    await waitFor(() => expect(conn.storage.session.data.get('popupFormDraft')).toMatchObject({ id: 'acme', fields: { role: 'Staff Engineer' } }));
    cleanup();
    render(<PopupApp connection={conn} now={() => SAMPLE_NOW} locale="en-US" />);
    expect((await screen.findByRole('heading', { level: 2, name: 'Edit interview at Acme Corp' })).textContent).toBeTruthy();
    expect(value('Role')).toBe('Staff Engineer');
    fireEvent.click(button('Save interview'));
    await screen.findByRole('heading', { level: 3, name: 'Acme Corp — Staff Engineer' });
    expect(conn.state.interviews.filter((i) => i.company === 'Acme Corp')).toHaveLength(1);
    await waitFor(() => expect(conn.storage.session.data.has('popupFormDraft')).toBe(false));
  });

  it('takes a field’s error away as soon as the field is fixed', async () => {
    await setup([]);
    await openForm();
    input('Role', 'Designer');
    fireEvent.click(button('Save interview'));
    const company = screen.getByLabelText('Company') as HTMLInputElement;
    await waitFor(() => expect(company.getAttribute('aria-invalid')).toBe('true'));
    input('Company', 'Contoso');
    await waitFor(() => expect(company.getAttribute('aria-invalid')).toBeNull());
    expect(screen.queryByText('Company is missing')).toBeNull();
  });
});

describe('popup: the list', () => {
  it('orders open interviews by next step, with a status each, and keeps closed ones collapsed', async () => {
    await setup();
    const list = await screen.findByRole('list', { name: 'Next steps' });
    const cards = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.closest('li')!);
    expect(cards.map((c) => [c.querySelector('h3')!.textContent, c.querySelector('.badge')!.textContent])).toEqual([
      ['Wayne Enterprises — QA Lead', 'Overdue'],
      ['Umbrella Health — Backend Developer', 'Due now'],
      ['Globex — Product Designer', 'Due now'],
      ['Acme Corp — Frontend Engineer', 'Due now'],
      ['Initech — Data Analyst', 'Upcoming'],
      ['Stark Industries — Solutions Architect', 'Waiting for a reply'],
    ]);
    // One wording of dates per card: the badge says the state, the line below says when, as the meta line does.
    expect(card('Initech').querySelector('.next')!.textContent).toBe('Next: Status inquiry, Tomorrow, 10:00 AM');
    expect(card('Acme Corp').querySelector('.meta')!.textContent).toBe('Interviewed Today, 9:00 AM with Dana Whitfield, Lee Park');
    const closed = screen.getByText('Closed (1)').closest('details')!;
    expect(closed.open).toBe(false);
    expect(screen.queryByRole('heading', { name: /^Hooli/ })).toBeNull();
    fireEvent.click(screen.getByText('Closed (1)'));
    closed.open = true;
    fireEvent(closed, new Event('toggle'));
    const hooli = await screen.findByRole('heading', { name: /^Hooli/ });
    expect(within(hooli.closest('li')!).getByText('Closed: offer')).toBeTruthy();
  });

  it('draws the timeline with done, due and upcoming steps and their dates', async () => {
    await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const steps = within(within(card('Umbrella Health')).getByRole('list', { name: 'Follow-up plan' })).getAllByRole('listitem');
    expect(steps.map((s) => [s.className, s.textContent])).toEqual([
      ['step step--done', 'Thank-youNov 9, done'],
      ['step step--done', 'InquiryNov 17, done'],
      ['step step--due', 'Move onNov 23, due now'],
      ['step step--upcoming', 'Check-inNov 30, upcoming'],
    ]);
  });

  it('shows the call card only when a call is acceptable, with the script from the background', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const initech = card('Initech');
    const details = within(initech).getByText('Prefer to call? A short script').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const script = await within(initech).findByRole('list', { name: 'What to say' });
    expect(conn.calls.at(-1)).toEqual({ type: 'callScript', id: 'initech' });
    // The script speaks as the user (their profile name) and names the decision date they gave.
    expect(script.textContent).toMatch(/Hi Priya, this is Alex Doe\./);
    expect(script.textContent).toMatch(/decision might be made around Friday, November 20/);
    expect(script.textContent).not.toMatch(/\[|undefined/);
    expect(within(initech).getByRole('list', { name: 'Tips' }).textContent).toMatch(/under two minutes/);
    expect(within(card('Globex')).queryByText('Prefer to call? A short script')).toBeNull();
  });

  it('renders 1,000 interviews a page at a time', async () => {
    await setup(manyInterviews(1000));
    const list = await screen.findByRole('list', { name: 'Next steps' });
    expect(list.querySelectorAll(':scope > li.card')).toHaveLength(PAGE_SIZE);
    // The first screen paints before every record is read; paging comes with the whole list.
    const more = await screen.findByRole('button', { name: /^Show 20 more/ });
    fireEvent.click(more);
    expect(list.querySelectorAll(':scope > li.card')).toHaveLength(2 * PAGE_SIZE);
  });

  it('warns about records that could not be read, and dismisses them', async () => {
    // A stored record without its date: the background sets it aside and the page says so.
    const conn = testConnection({ settings: SAMPLE_SETTINGS, stored: { 'interview:x': { id: 'x', company: 'X', role: 'R', contacts: [], history: [] } } });
    render(<PopupApp connection={conn} now={() => SAMPLE_NOW} locale="en-US" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/1 saved record could not be read and was set aside.*Interview date is missing/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(lastCall(conn)).toEqual({ type: 'dismissCorrupt', key: 'interview:x' });
  });
});

describe('popup: actions', () => {
  it('opens the prefilled compose for the next step', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Write email' }));
    await waitFor(() => expect(lastCall(conn)).toEqual({ type: 'openCompose', id: 'globex', kind: 'status-inquiry' }));
  });

  it('marks a step sent, and Undo takes it back', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    fireEvent.click(within(card('Acme Corp')).getByRole('button', { name: 'Mark thank-you sent' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Thank-you email marked as sent\. Next: Status inquiry, Tue, Dec 1, 10:00 AM/));
    expect(conn.calls.at(-1)).toEqual({ type: 'recordEvent', id: 'acme', event: { type: 'sent', step: 'thank-you' } });
    await waitFor(() => expect(within(card('Acme Corp')).getByText('Next: Status inquiry, Tue, Dec 1, 10:00 AM')).toBeTruthy());
    expect(card('Acme Corp').querySelector('.badge')!.textContent).toBe('Upcoming');
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(conn.calls.at(-1)).toEqual({ type: 'undoEvent', id: 'acme', match: { type: 'sent', step: 'thank-you' } }));
    await waitFor(() => expect(within(card('Acme Corp')).getByText('Due now')).toBeTruthy());
  });

  it('records a reply with a new decision date, which plans a new inquiry round', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const stark = card('Stark Industries');
    fireEvent.click(within(stark).getByRole('button', { name: 'More' }));
    fireEvent.click(within(stark).getByRole('button', { name: 'They replied' }));
    const date = within(stark).getByLabelText('New decision date (optional)');
    await waitFor(() => expect(document.activeElement).toBe(date));
    fireEvent.input(date, { target: { value: '2026-12-04' } });
    fireEvent.click(within(stark).getByRole('button', { name: 'Save reply' }));
    await waitFor(() => expect(conn.calls.at(-1)).toEqual({ type: 'recordEvent', id: 'stark', event: { type: 'reply', newDecisionDate: '2026-12-04' } }));
    // Dec 4 (Fri) + 3 work days = Wed Dec 9, 10:00.
    await waitFor(() => expect(within(card('Stark Industries')).getByText('Next: Status inquiry, Wed, Dec 9, 10:00 AM')).toBeTruthy());
  });

  it('records an outcome with kind words and moves the interview to the closed section', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const globex = card('Globex');
    fireEvent.click(within(globex).getByRole('button', { name: 'More' }));
    fireEvent.click(within(globex).getByRole('button', { name: 'Record outcome' }));
    fireEvent.click(within(globex).getByRole('button', { name: 'Not selected' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Sorry it did not work out this time/));
    expect(conn.calls.at(-1)).toEqual({ type: 'recordEvent', id: 'globex', event: { type: 'outcome', outcome: 'rejected' } });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 3, name: /^Globex/ })).toBeNull());
    expect(screen.getByText('Closed (2)')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
  });

  it('snoozes the next step until later today, the next work day or a week from now, and says until when', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const globex = card('Globex');
    fireEvent.click(within(globex).getByRole('button', { name: 'More' }));
    fireEvent.click(within(globex).getByRole('button', { name: 'Snooze' }));
    const choices = within(within(globex).getByRole('group', { name: 'Remind me again' })).getAllByRole('button').map((b) => b.textContent);
    // Tuesday 12:30: 3 h later is still inside today's window; inquiries come at the preferred 10:00.
    expect(choices).toEqual(['Later today, 3:30 PM', 'Next work day: Tomorrow, 10:00 AM', 'In a week: Tue, Dec 1, 10:00 AM', 'Cancel']);
    fireEvent.click(within(globex).getByRole('button', { name: 'In a week: Tue, Dec 1, 10:00 AM' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Status inquiry snoozed until Tue, Dec 1, 10:00 AM/));
    expect(conn.calls.at(-1)).toEqual({ type: 'snooze', id: 'globex', step: 'status-inquiry', until: 'next-week' });
    await waitFor(() => expect(card('Globex').querySelector('.badge')!.textContent).toBe('Upcoming'));
  });

  it('copies the step’s draft (subject and body, from the background) to the clipboard', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Copy email' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Status inquiry copied \(subject and body\)/));
    expect(conn.calls.at(-1)).toEqual({ type: 'draft', id: 'globex', kind: 'status-inquiry' });
    const draft = (await conn.background.handlers.draft({ type: 'draft', id: 'globex', kind: 'status-inquiry' }, 'page')) as { ok: true; draft: { subject: string; body: string } };
    expect(copied).toEqual([`${draft.draft.subject}\n\n${draft.draft.body}`]);
    expect(copied[0]).toMatch(/Sam/);
  });

  it('says so when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('Document is not focused.')) }, configurable: true });
    await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    fireEvent.click(within(card('Globex')).getByRole('button', { name: 'Copy email' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Could not copy to the clipboard: Document is not focused\./));
  });

  it('offers to mark only steps that are due: no inquiry before the thank-you is sent', async () => {
    await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const acme = card('Acme Corp');
    fireEvent.click(within(acme).getByRole('button', { name: 'More' }));
    expect(within(acme).getAllByRole('button').map((b) => b.textContent)).not.toContain('Mark inquiry sent');
    expect(within(acme).getByRole('button', { name: 'Mark thank-you sent' })).toBeTruthy();
  });

  it('deletes with Undo that restores the same record', async () => {
    const conn = await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const before = structuredClone(conn.state.interviews.find((i) => i.id === 'wayne'));
    const wayne = card('Wayne Enterprises');
    fireEvent.click(within(wayne).getByRole('button', { name: 'More' }));
    fireEvent.click(within(wayne).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /^Wayne/ })).toBeNull());
    const undo = within(screen.getByRole('status')).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await screen.findByRole('heading', { level: 3, name: /^Wayne/ });
    expect(conn.calls.at(-1)).toMatchObject({ type: 'restoreInterview', interview: before });
    expect(conn.state.interviews.find((i) => i.id === 'wayne')).toEqual(before);
  });

  it('keeps focus on Undo when the last interview is deleted and the empty state appears', async () => {
    await setup([sampleInterviews()[0]!]);
    await screen.findByRole('list', { name: 'Next steps' });
    const acme = card('Acme Corp');
    fireEvent.click(within(acme).getByRole('button', { name: 'More' }));
    fireEvent.click(within(acme).getByRole('button', { name: 'Delete' }));
    await screen.findByRole('button', { name: 'Log your first interview' });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.textContent).toBe('Undo');
  });

  it('closes a sub-panel with Esc and returns focus to More', async () => {
    await setup();
    await screen.findByRole('list', { name: 'Next steps' });
    const globex = card('Globex');
    const more = within(globex).getByRole('button', { name: 'More' });
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(globex).getByRole('button', { name: 'Record outcome' }));
    fireEvent.keyDown(within(globex).getByRole('button', { name: 'I got an offer' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(within(globex).getByRole('button', { name: 'More' })));
    expect(within(globex).getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('false');
  });
});
