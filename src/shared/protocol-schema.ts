/**
 * The background's gate for incoming messages: who may talk to it, and the
 * shape of every message in src/shared/protocol.ts. Payloads typed `unknown`
 * there (interview input, settings, a backup file) are checked here only for
 * presence; the domain validators check their contents in the handlers.
 *
 * Only the background imports this file (valibot stays out of the content script).
 */
import * as v from 'valibot';
import { formDraftSchema } from './form-draft';
import { EMAIL_TEXT_LIMIT, TONE_TEXT_LIMIT, type Message, type MessageType, type Problem } from './protocol';

/** The webmail hosts our content script runs on (manifest.json "content_scripts"). */
export const MAIL_HOSTS: readonly string[] = [
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
];

/**
 * What a content script may ask: exactly what src/content sends. Everything else needs an extension
 * page, and the handlers narrow these further by field (recordEvent and undoEvent only for a "sent"
 * the panel offered; see src/background/compose-guard.ts).
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['composeContext', 'composeDraft', 'composePending', 'recordEvent', 'undoEvent', 'reportError', 'checkTone', 'mailboxWatch', 'repliesSeen', 'logFromEmail']);

export type SenderLike = { id?: string; url?: string; origin?: string; tab?: unknown };
export type SenderKind = 'page' | 'content' | 'foreign';

function hostOf(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `page`: one of this extension's own pages (popup, options, reminder, …).
 * `content`: our content script on a webmail host. `foreign`: anything else, ignored.
 * `extensionOrigin` is runtime.getURL('') (with its trailing slash).
 */
export function classifySender(sender: SenderLike | undefined, runtimeId: string, extensionOrigin: string): SenderKind {
  if (!sender || sender.id !== runtimeId) return 'foreign';
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(extensionOrigin)) return 'page';
  // A content script in an about:blank frame reports that URL; its origin (Chrome) or its
  // tab (we hold host permission for the mail hosts, so Firefox gives tab.url) is the mail host's.
  const tabUrl = sender.tab && typeof sender.tab === 'object' ? (sender.tab as { url?: unknown }).url : undefined;
  const host = hostOf(url) ?? hostOf(sender.origin) ?? (url === 'about:blank' || url === 'about:srcdoc' ? hostOf(typeof tabUrl === 'string' ? tabUrl : undefined) : undefined);
  if (host !== undefined && MAIL_HOSTS.includes(host)) return 'content';
  return 'foreign';
}

// ---------------------------------------------------------------------------
// Message shapes

const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const STEP = v.picklist(['thank-you', 'status-inquiry', 'move-on', 'final-check-in']);
const DRAFT_KIND = v.picklist(['thank-you', 'status-inquiry', 'final-check-in']);
const OUTCOME = v.picklist(['offer', 'rejected', 'withdrew']);
const DATE = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
/** Present, whatever it holds (checked by the domain validators). */
const ANY = v.custom<unknown>((x) => x !== undefined, 'missing');

/** A contactKey: an address or a name. */
const CONTACT = v.pipe(v.string(), v.minLength(1), v.maxLength(320));
const RECIPIENTS = v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(200));

const eventRequest = v.variant('type', [
  v.strictObject({ type: v.literal('sent'), step: STEP, contact: v.optional(CONTACT) }),
  v.strictObject({ type: v.literal('reply'), newDecisionDate: v.optional(DATE) }),
  v.strictObject({ type: v.literal('outcome'), outcome: OUTCOME }),
  v.strictObject({ type: v.literal('dismissed'), step: STEP }),
]);

/** How many messages one repliesSeen may carry (a list page shows 50–100 rows; only matches are sent). */
export const SEEN_MESSAGES_LIMIT = 50;
/** Text read off a webmail page: its first `max` characters are kept (a huge string is refused outright). */
const CAPPED = (max: number) => v.pipe(v.string(), v.maxLength(100_000), v.transform((s: string) => s.slice(0, max)));
const PERSON = v.strictObject({ name: CAPPED(320), email: CAPPED(320) });

const message = (type: MessageType, entries: v.ObjectEntries = {}) => v.strictObject({ type: v.literal(type), ...entries });

const schemas: { [K in MessageType]: v.GenericSchema } = {
  saveInterview: message('saveInterview', { id: v.optional(ID), input: ANY }),
  deleteInterview: message('deleteInterview', { id: ID }),
  restoreInterview: message('restoreInterview', { interview: ANY }),
  recordEvent: message('recordEvent', { id: ID, event: eventRequest }),
  undoEvent: message('undoEvent', { id: ID, match: eventRequest }),
  snooze: message('snooze', { id: ID, step: STEP, until: v.optional(v.picklist(['later-today', 'next-work-day', 'next-week'])) }),
  saveSettings: message('saveSettings', { settings: ANY }),
  saveProfile: message('saveProfile', { profile: ANY }),
  exportBackup: message('exportBackup'),
  previewImport: message('previewImport', { backup: ANY }),
  applyImport: message('applyImport', { backup: ANY }),
  openCompose: message('openCompose', { id: ID, kind: DRAFT_KIND }),
  draft: message('draft', { id: ID, kind: DRAFT_KIND }),
  callScript: message('callScript', { id: ID }),
  saveFormDraft: message('saveFormDraft', { draft: v.nullable(formDraftSchema) }),
  reminderView: message('reminderView', { id: v.pipe(v.string(), v.maxLength(500)) }),
  composeContext: message('composeContext', {
    recipients: RECIPIENTS,
    signed: v.optional(v.boolean()),
  }),
  composeDraft: message('composeDraft', { id: ID, contact: v.optional(CONTACT), signed: v.optional(v.boolean()) }),
  composePending: message('composePending', { recipients: RECIPIENTS, subject: v.pipe(v.string(), v.maxLength(1000)) }),
  checkTone: message('checkTone', { text: v.pipe(v.string(), v.maxLength(TONE_TEXT_LIMIT)), interviewId: v.optional(ID) }),
  reportError: message('reportError', {
    where: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
    message: v.pipe(v.string(), v.maxLength(500)),
    skeleton: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  }),
  diagnostics: message('diagnostics'),
  dismissCorrupt: message('dismissCorrupt', { key: v.pipe(v.string(), v.minLength(1), v.maxLength(400)) }),
  mailboxWatch: message('mailboxWatch', { site: v.picklist(['gmail', 'outlook']) }),
  repliesSeen: message('repliesSeen', {
    messages: v.pipe(
      v.array(
        v.strictObject({
          from: CAPPED(320),
          time: CAPPED(100),
          subject: CAPPED(1_000),
          messageId: v.optional(CAPPED(200)),
        }),
      ),
      v.maxLength(SEEN_MESSAGES_LIMIT),
    ),
  }),
  disownReply: message('disownReply', { id: ID }),
  confirmReplyDomain: message('confirmReplyDomain', { id: ID, domain: v.pipe(v.string(), v.maxLength(253)) }),
  logFromEmail: message('logFromEmail', {
    email: v.strictObject({
      from: PERSON,
      to: v.pipe(v.array(PERSON), v.maxLength(100)),
      subject: CAPPED(1_000),
      text: v.pipe(v.string(), v.maxLength(EMAIL_TEXT_LIMIT)),
      ics: v.optional(CAPPED(EMAIL_TEXT_LIMIT)),
      time: v.optional(CAPPED(100)),
    }),
  }),
};

/** A message that passed, or why not: `problem` crosses the protocol; `error` is English for logs and tests. */
export type ParsedMessage = { ok: true; message: Message } | { ok: false; error: string; problem: Problem };

/** Validates a message's type and shape; never throws. */
export function parseMessage(raw: unknown): ParsedMessage {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'A message must be an object', problem: { code: 'unknownMessage', type: '' } };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, type)) {
    const named = typeof type === 'string' ? type.slice(0, 50) : typeof type;
    return { ok: false, error: `Unknown message type: ${named}`, problem: { code: 'unknownMessage', type: named } };
  }
  try {
    const result = v.safeParse(schemas[type as MessageType], raw);
    if (result.success) return { ok: true, message: result.output as Message };
    const issue = result.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? '') : '';
    return { ok: false, error: `Malformed ${type} message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}`, problem: { code: 'malformedMessage', type, field: path } };
  } catch {
    return { ok: false, error: `Malformed ${type} message`, problem: { code: 'malformedMessage', type, field: '' } };
  }
}
