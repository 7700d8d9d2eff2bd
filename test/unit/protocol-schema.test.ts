import { describe, expect, it } from 'vitest';
import { classifySender, CONTENT_SCRIPT_MESSAGES, parseMessage } from '../../src/shared/protocol-schema';
import type { Message, MessageType, Requests } from '../../src/shared/protocol';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';

/** One valid example of every message in the protocol (a new message type must be added here). */
const VALID: { [K in MessageType]: { type: K } & Requests[K]['request'] } = {
  saveInterview: { type: 'saveInterview', input: { company: 'Acme' } },
  deleteInterview: { type: 'deleteInterview', id: 'a' },
  restoreInterview: { type: 'restoreInterview', interview: { id: 'a' } },
  recordEvent: { type: 'recordEvent', id: 'a', event: { type: 'sent', step: 'thank-you' } },
  undoEvent: { type: 'undoEvent', id: 'a', match: { type: 'reply' } },
  snooze: { type: 'snooze', id: 'a', step: 'move-on', until: 'next-week' },
  saveSettings: { type: 'saveSettings', settings: {} },
  saveProfile: { type: 'saveProfile', profile: {} },
  exportBackup: { type: 'exportBackup' },
  previewImport: { type: 'previewImport', backup: {} },
  applyImport: { type: 'applyImport', backup: {} },
  openCompose: { type: 'openCompose', id: 'a', kind: 'thank-you' },
  composeContext: { type: 'composeContext', recipients: ['dana@acme.example'] },
  composeDraft: { type: 'composeDraft', id: 'a', contact: 'dana@acme.example', signed: true },
  composePending: { type: 'composePending', recipients: ['dana@acme.example'], subject: 'Thank you' },
  checkTone: { type: 'checkTone', text: 'Any news??', interviewId: 'a' },
  reportError: { type: 'reportError', where: 'insert', message: 'To not found', skeleton: 'div.M9' },
  diagnostics: { type: 'diagnostics' },
  dismissCorrupt: { type: 'dismissCorrupt', key: 'interview:a' },
  draft: { type: 'draft', id: 'a', kind: 'status-inquiry' },
  callScript: { type: 'callScript', id: 'a' },
  saveFormDraft: {
    type: 'saveFormDraft',
    draft: {
      at: '2026-11-24T17:30:00.000Z',
      fields: { company: 'Acme', role: '', interviewAt: '2026-11-24T11:00', contacts: [{ name: 'Dana', email: '' }], decisionExpectedBy: '', invitedToCall: false, callCustomary: false, hasOtherOffers: false, topic: '', notes: '' },
    },
  },
  reminderView: { type: 'reminderView', id: 'reminder:a:thank-you:1' },
  mailboxWatch: { type: 'mailboxWatch', site: 'gmail' },
  repliesSeen: { type: 'repliesSeen', messages: [{ from: 'priya@acme.example', time: 'Tue, Dec 1, 2026, 10:42 AM', subject: 'Re: Next steps', messageId: 'm1' }] },
  disownReply: { type: 'disownReply', id: 'a' },
  confirmReplyDomain: { type: 'confirmReplyDomain', id: 'a', domain: 'acme.example' },
  logFromEmail: { type: 'logFromEmail', email: { from: { name: 'Priya', email: 'priya@acme.example' }, to: [], subject: 'Interview', text: 'Thursday at 2pm?' } },
};

describe('message shapes', () => {
  it.each(Object.values(VALID) as Message[])('accepts a valid $type', (m) => {
    const r = parseMessage(m);
    expect(r).toEqual({ ok: true, message: m });
  });

  it('accepts saveInterview with an id and every event request kind', () => {
    expect(parseMessage({ type: 'saveInterview', id: 'x', input: {} }).ok).toBe(true);
    for (const event of [
      { type: 'sent', step: 'status-inquiry' },
      { type: 'reply', newDecisionDate: '2026-12-01' },
      { type: 'reply' },
      { type: 'outcome', outcome: 'offer' },
      { type: 'dismissed', step: 'final-check-in' },
    ]) {
      expect(parseMessage({ type: 'recordEvent', id: 'x', event }).ok, JSON.stringify(event)).toBe(true);
    }
  });

  it.each([
    [null, /object/],
    ['saveInterview', /object/],
    [[], /object/],
    [{}, /Unknown message type/],
    [{ type: 'dropDatabase' }, /Unknown message type: dropDatabase/],
    [{ type: 'toString' }, /Unknown message type/],
    [{ type: 'deleteInterview' }, /Malformed deleteInterview message at id/],
    [{ type: 'deleteInterview', id: '' }, /Malformed deleteInterview/],
    [{ type: 'deleteInterview', id: 42 }, /Malformed deleteInterview/],
    [{ type: 'deleteInterview', id: 'a', extra: true }, /Malformed deleteInterview/],
    [{ type: 'saveInterview' }, /Malformed saveInterview message at input/],
    [{ type: 'recordEvent', id: 'a', event: { type: 'notified', step: 'thank-you', round: 1 } }, /Malformed recordEvent/],
    [{ type: 'recordEvent', id: 'a', event: { type: 'sent', step: 'coffee' } }, /Malformed recordEvent/],
    [{ type: 'recordEvent', id: 'a', event: { type: 'sent', step: 'thank-you', at: '2020-01-01T00:00:00Z' } }, /Malformed recordEvent/],
    [{ type: 'recordEvent', id: 'a', event: { type: 'reply', newDecisionDate: 'soon' } }, /Malformed recordEvent/],
    [{ type: 'snooze', id: 'a', step: 'thank-you', until: '2030-01-01' }, /Malformed snooze/],
    [{ type: 'saveFormDraft', draft: { at: '', fields: { company: 'x'.repeat(5000) } } }, /Malformed saveFormDraft/],
    [{ type: 'draft', id: 'a', kind: 'move-on' }, /Malformed draft/],
    [{ type: 'openCompose', id: 'a', kind: 'move-on' }, /Malformed openCompose/],
    [{ type: 'composeContext', recipients: 'dana@acme.example' }, /Malformed composeContext/],
    [{ type: 'composeContext', recipients: Array(201).fill('a@b.c') }, /Malformed composeContext/],
    [{ type: 'deleteInterview', id: 'x'.repeat(201) }, /Malformed deleteInterview/],
  ])('rejects %j', (raw, error) => {
    const r = parseMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('senders', () => {
  it('our own pages are pages', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN)).toBe('page');
    expect(classifySender({ id: ID, url: `${ORIGIN}src/options/index.html`, tab: {} }, ID, ORIGIN)).toBe('page');
  });

  it('our content script on a webmail host is a content script (about:blank frames by origin)', () => {
    expect(classifySender({ id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: {} }, ID, ORIGIN)).toBe('content');
    expect(classifySender({ id: ID, url: 'https://outlook.office.com/mail/', tab: {} }, ID, ORIGIN)).toBe('content');
    expect(classifySender({ id: ID, url: 'about:blank', origin: 'https://mail.google.com', tab: {} }, ID, ORIGIN)).toBe('content');
    expect(classifySender({ id: ID, url: 'about:blank', tab: { url: 'https://outlook.live.com/mail/0/' } }, ID, ORIGIN)).toBe('content');
    expect(classifySender({ id: ID, url: 'about:blank', tab: { url: 'https://example.com/' } }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: ID, url: 'https://example.com/', tab: { url: 'https://mail.google.com/' } }, ID, ORIGIN)).toBe('foreign');
  });

  it('anything else is foreign', () => {
    expect(classifySender(undefined, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: 'other-extension', url: `chrome-extension://other-extension/page.html` }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: 'other-extension', url: 'https://mail.google.com/' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: ID, url: 'https://example.com/' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: ID, url: 'http://mail.google.com/' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: ID, url: 'https://mail.google.com.evil.example/' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: ID, url: 'chrome-extension://ext-id-evil/x.html' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN)).toBe('foreign');
  });

  it('content scripts may only ask for compose, tone and mailbox things', () => {
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(['checkTone', 'composeContext', 'composeDraft', 'composePending', 'logFromEmail', 'mailboxWatch', 'recordEvent', 'repliesSeen', 'reportError', 'undoEvent']);
  });
});
