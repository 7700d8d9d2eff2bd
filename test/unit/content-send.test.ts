// @vitest-environment happy-dom
/**
 * Issue 11 in the content script: the panel drafts for the interviewer the user chooses when the
 * compose is addressed to several, and the 'sent' it records (and its Undo) names that person; a
 * compose "Write email" opened is recognised at Send and recorded with Undo, as for the panel;
 * the site's signature in the compose is detected (and one quoted from an earlier message is not).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventually } from './eventually';
import { fakeBrowser } from '@webext-core/fake-browser';
import { signed } from '../../src/content/adapter';
import { gmail } from '../../src/content/sites/gmail';
import { outlook } from '../../src/content/sites/outlook';
import { shadowOf } from '../../src/content/ui';
import { watch } from '../../src/content/watch';
import { checkTone } from '../../src/domain/tone';
import { buttonIn, click, control, fakeExecCommand, fakeLayout, gmailCompose, load } from './content-dom';

const frames = () => vi.advanceTimersByTimeAsync(1000);
const CHRIS = 'chris.park@contoso.example';
const JORDAN = 'jordan.reyes@contoso.example';
const CONTOSO = { id: 'contoso', company: 'Contoso', role: 'Data Analyst', interviewAt: '2026-11-17T19:00:00.000Z' };
const PEOPLE = [
  { key: CHRIS, name: 'Chris Park' },
  { key: JORDAN, name: 'Jordan Reyes' },
];
const thanks = (first: string, to: string) => [{ kind: 'thank-you', draft: { to: [to], subject: 'Thank you', body: `Hi ${first},\n\nThank you.\n\nBest regards,`, contact: to } }];

type Msg = { type: string; [k: string]: unknown };
const messages: Msg[] = [];
let reply: (m: Msg) => unknown;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  messages.length = 0;
  fakeBrowser.runtime.onMessage.addListener(((m: Msg, _s: unknown, respond: (r: unknown) => void) => {
    messages.push(m);
    Promise.resolve()
      .then(() => (m.type === 'checkTone' ? { ok: true, findings: checkTone((m as unknown as { text: string }).text) } : reply(m)))
      .then(respond, () => respond(undefined));
    return true;
  }) as never);
  load('gmail-compose.html');
  fakeLayout();
  fakeExecCommand();
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (document as unknown as { execCommand?: unknown }).execCommand;
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const asked = () => messages.filter((m) => m.type !== 'checkTone' && m.type !== 'reportError');
/** Adds an address chip to a chip-UI compose, as Gmail does for a paste. */
function chip(root: HTMLElement, address: string): void {
  const c = document.createElement('div');
  c.setAttribute('role', 'option');
  c.setAttribute('data-hovercard-id', address);
  root.querySelector('[role=listbox]')!.prepend(c);
}
/** Clicks Send, then the compose leaves the page (as Gmail does once it is sent). */
async function sendAndClose(root: HTMLElement): Promise<void> {
  root.querySelector<HTMLElement>('.T-I-atl:not([aria-haspopup])')!.click();
  await frames();
  root.closest('.nn')!.remove();
  await frames();
}

describe('the panel, for a compose addressed to two interviewers', () => {
  it('asks who the email is for, drafts for that person, and records and undoes the sent for them', async () => {
    reply = (m) => {
      if (m.type === 'composeContext') return { ok: true, loggedAny: true, interviews: [{ ...CONTOSO, matched: true, drafts: thanks('Chris', CHRIS), contact: CHRIS, people: PEOPLE }], others: [] };
      if (m.type === 'composeDraft') return { ok: true, interview: { ...CONTOSO, matched: false, drafts: thanks('Jordan', JORDAN), contact: JORDAN } };
      return { ok: true, interview: {} };
    };
    const root = gmailCompose();
    chip(root, CHRIS);
    chip(root, JORDAN);
    stop = watch(gmail, document);
    await frames();
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Who is this email for?'));
    expect(shadow.querySelector('.p')!.textContent).not.toContain('Hi Chris');
    expect(buttonIn(shadow, 'Insert')).toBeUndefined();
    click(buttonIn(shadow, 'Jordan Reyes'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Hi Jordan,'));
    expect(asked().at(-1)).toEqual({ type: 'composeDraft', id: 'contoso', contact: JORDAN, signed: true });
    // The choice stays on show, Jordan pressed, to change it.
    expect(buttonIn(shadow, 'Jordan Reyes')!.getAttribute('aria-pressed')).toBe('true');
    expect(buttonIn(shadow, 'Chris Park')!.getAttribute('aria-pressed')).toBe('false');
    expect(shadow.querySelector('.p')!.textContent).toContain(`To: ${JORDAN}`);
    click(buttonIn(shadow, 'Insert'));
    await frames();
    await sendAndClose(root);
    const match = { type: 'sent', step: 'thank-you', contact: JORDAN };
    await eventually(() => expect(messages.at(-1)).toEqual({ type: 'recordEvent', id: 'contoso', event: match }));
    await eventually(() => expect(document.querySelector('followup-toast')).not.toBeNull());
    const toast = shadowOf(document.querySelector('followup-toast')!)!;
    click(buttonIn(toast, 'Undo'));
    await eventually(() => expect(toast.textContent).toContain('Undone.'));
    expect(messages.at(-1)).toEqual({ type: 'undoEvent', id: 'contoso', match });
  });

  it('a compose to one of them drafts for that one with no question', async () => {
    reply = (m) => (m.type === 'composeContext' ? { ok: true, loggedAny: true, interviews: [{ ...CONTOSO, matched: true, drafts: thanks('Jordan', JORDAN), contact: JORDAN }], others: [] } : { ok: true, interview: {} });
    const root = gmailCompose();
    chip(root, JORDAN);
    stop = watch(gmail, document);
    await frames();
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Hi Jordan,'));
    expect(shadow.querySelector('.p')!.textContent).not.toContain('Who is this email for?');
  });
});

describe('a compose opened by Write email', () => {
  it('is asked about at Send (its subject and recipients) and, when the background opened it, recorded as sent with Undo', async () => {
    reply = (m) => (m.type === 'composePending' ? { ok: true, pending: { id: 'contoso', kind: 'thank-you', company: 'Contoso', contact: CHRIS } } : { ok: true, interview: {} });
    const root = gmailCompose();
    chip(root, CHRIS);
    root.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value = 'Thank you for the conversation';
    stop = watch(gmail, document);
    await frames();
    await sendAndClose(root);
    expect(asked()[0]).toEqual({ type: 'composePending', recipients: [CHRIS], subject: 'Thank you for the conversation' });
    const match = { type: 'sent', step: 'thank-you', contact: CHRIS };
    await eventually(() => expect(messages.at(-1)).toEqual({ type: 'recordEvent', id: 'contoso', event: match }));
    await eventually(() => expect(document.querySelector('followup-toast')).not.toBeNull());
    const toast = shadowOf(document.querySelector('followup-toast')!)!;
    expect(toast.textContent).toContain('Thank-you email to Contoso marked as sent.');
    click(buttonIn(toast, 'Undo'));
    await eventually(() => expect(messages.at(-1)).toEqual({ type: 'undoEvent', id: 'contoso', match }));
  });

  it('records nothing for a compose the background did not open, nor for one that stays on the page', async () => {
    reply = (m) => (m.type === 'composePending' ? { ok: true } : { ok: true, interview: {} });
    const root = gmailCompose();
    chip(root, CHRIS);
    root.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value = 'Lunch?';
    stop = watch(gmail, document);
    await frames();
    await sendAndClose(root);
    await frames();
    expect(asked().map((m) => m.type)).toEqual(['composePending']);

    reply = () => ({ ok: true, pending: { id: 'contoso', kind: 'thank-you', company: 'Contoso' } });
    const other = gmailCompose();
    other.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value = 'Thank you';
    await frames();
    other.querySelector<HTMLElement>('.T-I-atl:not([aria-haspopup])')!.click();
    // Gmail refused to send (say, no recipient): the compose stays, and nothing is recorded.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(asked().filter((m) => m.type === 'recordEvent')).toEqual([]);
  });
});

describe('the webmail signature in a compose', () => {
  it('Gmail: found in a new compose; in a reply, only the user\'s own, not one in the quoted message', () => {
    const root = gmailCompose();
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    expect(signed(gmail, body)).toBe(true);
    body.querySelectorAll('.gmail_signature').forEach((s) => s.remove());
    expect(signed(gmail, body)).toBe(false);
    const quote = document.createElement('div');
    quote.className = 'gmail_quote';
    quote.append(Object.assign(document.createElement('div'), { className: 'gmail_signature', textContent: 'Ana Lima' }));
    body.append(quote);
    expect(signed(gmail, body)).toBe(false);
    const sig = document.createElement('div');
    sig.setAttribute('data-smartmail', 'gmail_signature');
    body.prepend(sig);
    expect(signed(gmail, body)).toBe(true);
  });

  it('Outlook: the Signature block of a new compose; not a quoted message\'s x_Signature', () => {
    load('outlook-mail.html');
    const body = document.createElement('div');
    body.append(Object.assign(document.createElement('div'), { id: 'x_Signature' }));
    expect(signed(outlook, body)).toBe(false);
    body.prepend(Object.assign(document.createElement('div'), { id: 'Signature' }));
    expect(signed(outlook, body)).toBe(true);
  });
});
