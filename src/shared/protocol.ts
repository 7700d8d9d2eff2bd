/**
 * Every message between the extension's pages, content scripts and the
 * background: its type, its payload and its answer. The background is the
 * only writer of storage; everything else asks it through `send`.
 *
 * This file is imported by the content script, so it must stay free of
 * heavy imports (no valibot, no date-fns): types only, plus the tiny client.
 * The background validates every incoming message (src/shared/protocol-schema.ts).
 */
import type {
  Draft,
  DraftKind,
  FollowUpStep,
  Interview,
  Outcome,
  Profile,
  Settings,
  StepKind,
} from '../domain/types';
import type { ToneFinding } from '../domain/tone';
import type { ValidationCode } from '../domain/model';
import type { CallTip } from '../domain/call-card';
import type { SnoozeChoice } from '../domain/plan';

/**
 * A problem with one field ("contacts.0.email", or '' for the whole request), by code: a
 * validation message's code (the page shows `v_<code>`), or a problem code (ProblemCode).
 * `message` is the English text, for logs only: pages never show it.
 */
export type FieldIssue = { field: string; code: ValidationCode | ProblemCode; message?: string; version?: number; max?: number };

/**
 * Why a request failed, as a code with the facts its message needs. Pages word it in the
 * user's language (src/ui/problem-text.ts); no English crosses the protocol.
 */
export type Problem =
  | { code: 'notFound' }
  | { code: 'nothingToUndo' }
  | { code: 'notPending' }
  | { code: 'saveFailed' }
  | { code: 'draftFailed' }
  | { code: 'unexpected' }
  | { code: 'invalidRecord'; issue?: FieldIssue }
  | { code: 'unknownMessage'; type: string }
  | { code: 'malformedMessage'; type: string; field: string }
  | { code: 'notAllowed'; type: string }
  | { code: 'tooFast' }
  | { code: 'storageFull' }
  | { code: 'readOnly'; version: number }
  | { code: 'historyFull'; max: number }
  | { code: 'notOffered' }
  | { code: 'backupNotBackup' }
  | { code: 'backupNoVersion' }
  | { code: 'backupNewer'; version: number }
  | { code: 'backupNoList' }
  | { code: 'backupTooMany'; max: number }
  | { code: 'backupBadInterview'; index: number; company?: string; issue?: FieldIssue }
  | { code: 'backupDuplicate'; id: string }
  | { code: 'backupBadSettings'; issue?: FieldIssue }
  | { code: 'backupBadProfile'; issue?: FieldIssue };
export type ProblemCode = Problem['code'];

/** A failed answer. */
export type Failure = { ok: false; error: Problem };

/** Form input for an interview: what the user typed, before validation. */
export type InterviewInput = Omit<Interview, 'id' | 'history' | 'createdAt' | 'updatedAt'>;

/** An event as a page asks to record it; the background stamps `at`. */
export type EventRequest =
  /** `contact`: whom it went to (a contactKey; a thank-you sent to one interviewer). */
  | { type: 'sent'; step: StepKind; contact?: string }
  | { type: 'reply'; newDecisionDate?: string }
  | { type: 'outcome'; outcome: Outcome }
  | { type: 'dismissed'; step: StepKind };

export type Backup = {
  format: 'followup-backup';
  version: number;
  exportedAt: string;
  settings: Settings;
  profile: Profile;
  interviews: Interview[];
  /** Records that could not be read, each whole (import ignores them; they are there so nothing is lost). */
  unreadable?: { key: string; reason: string; at: string; raw: string }[];
};

export type ImportPreview = { added: number; updated: number; unchanged: number; settingsChanged: boolean; profileChanged: boolean };

/** An interview a compose panel may offer, by name only: its drafts come later, after a trusted choice (composeDraft). */
export type ComposeChoice = { id: string; company: string; role: string; interviewAt: string };

/** What a compose window needs, computed in the background so the content script stays small. */
export type ComposeInterview = ComposeChoice & {
  /** True when one of the compose's recipients is a contact of this interview. */
  matched: boolean;
  /** The drafts that make sense now per the plan, most relevant first. */
  drafts: { kind: DraftKind; draft: Draft }[];
  /** contactKey of the interviewer the drafts are for (absent when the interview lists nobody). */
  contact?: string;
  /**
   * The interviewers to choose from before a draft is written: the compose is addressed to several
   * of them, or (an interview the user chose) to none and the interview has more than one.
   */
  people?: { key: string; name: string }[];
};

/** A compose the background opened ("Write email"), recognised by the content script at Send. */
/** A compose "Write email" opened; `tail`: the lines its draft ends with after the sign-off (name, signature), which the webmail's own signature makes a second sign-off. */
export type PendingCompose = { id: string; kind: DraftKind; company: string; contact?: string; tail?: string[] };

/** A content-script failure kept for "Copy diagnostics" (storage.session, newest last). */
export type ContentError = { at: string; where: string; message: string; host: string };
/** The structure (tags, roles, labels, names, classes; no text, no addresses) of the last compose FollowUp failed on. */
export type ComposeSkeleton = { at: string; where: string; host: string; skeleton: string };

/** What the background may ask a content script (tabs.sendMessage); the content script checks the shape. */
export type TabMessage = { type: 'openPanel' };

export type Requests = {
  saveInterview: { request: { id?: string; input: unknown }; response: { ok: true; interview: Interview } | { ok: false; issues: FieldIssue[] } };
  deleteInterview: { request: { id: string }; response: { ok: true; deleted: Interview } | Failure };
  restoreInterview: { request: { interview: unknown }; response: { ok: true } | Failure };
  recordEvent: { request: { id: string; event: EventRequest }; response: { ok: true; interview: Interview } | Failure };
  /** Removes the most recent event matching `match` (Undo after "sent", "replied", …). */
  undoEvent: { request: { id: string; match: EventRequest }; response: { ok: true; interview: Interview } | Failure };
  /** Moves a due step's reminder to the chosen time (later today, else the next work day, by default). */
  snooze: { request: { id: string; step: StepKind; until?: SnoozeChoice }; response: { ok: true; until: string } | Failure };
  saveSettings: { request: { settings: unknown }; response: { ok: true; settings: Settings } | { ok: false; issues: FieldIssue[] } };
  saveProfile: { request: { profile: unknown }; response: { ok: true; profile: Profile } | { ok: false; issues: FieldIssue[] } };
  exportBackup: { request: Record<never, never>; response: { ok: true; backup: Backup } };
  previewImport: { request: { backup: unknown }; response: { ok: true; preview: ImportPreview } | Failure };
  applyImport: { request: { backup: unknown }; response: { ok: true; preview: ImportPreview } | Failure };
  /** Opens the user's webmail compose prefilled with the draft for this step. */
  openCompose: { request: { id: string; kind: DraftKind }; response: { ok: true; url: string } | Failure };
  /** The draft for this step (subject and body), for a page to copy when the compose isn't one we recognise. */
  draft: { request: { id: string; kind: DraftKind }; response: { ok: true; draft: Draft } | Failure };
  /** What to say on a call and how, when the plan says a call is fine (undefined when it doesn't). */
  callScript: { request: { id: string }; response: { ok: true; card?: { lines: string[]; tips: CallTip[] } } | Failure };
  /** Keeps (or, with null, forgets) the popup form's unsaved entries in storage.session, so closing the popup loses nothing. */
  saveFormDraft: { request: { draft: FormDraft | null }; response: { ok: true } | Failure };
  /** What the reminder page shows for a notification: as shown, or rebuilt from its id. */
  reminderView: { request: { id: string }; response: { ok: true; view: ReminderView } };
  /**
   * From a compose panel: the interviews whose contacts are among `recipients`, with their drafts,
   * and the others that have something due, by name only.
   */
  composeContext: {
    /**
     * `signed`: the compose already has the webmail's own signature. (The Gmail account or Outlook site
     * the tab is on, which "Write email" opens next, the background reads from the sender's URL.)
     */
    request: { recipients: string[]; signed?: boolean };
    response: { ok: true; interviews: ComposeInterview[]; others: ComposeChoice[]; loggedAny: boolean } };
  /** From a compose panel, after the user chose an interview the recipients did not match: its drafts. */
  composeDraft: { request: { id: string; contact?: string; signed?: boolean }; response: { ok: true; interview: ComposeInterview } | Failure };
  /**
   * From a content script at Send: the compose "Write email" opened with this subject to one of these
   * recipients, if any (it is then offered to this tab, so its 'sent' may be recorded).
   */
  composePending: { request: { recipients: string[]; subject: string }; response: { ok: true; pending?: PendingCompose } | Failure };
  /** From a content script: something failed on the page; kept in a small ring in storage.session. */
  reportError: { request: { where: string; message: string; skeleton?: string }; response: { ok: true } | Failure };
  /** For "Copy diagnostics" in Options: version, browser, recent content-script errors, the last failed compose's skeleton. */
  diagnostics: {
    request: Record<never, never>;
    response: { ok: true; version: string; browser: string; errors: ContentError[]; skeleton?: ComposeSkeleton };
  };
  /**
   * The full pressing-words check (phrase rules and the sentence layer, whose NLP model stays in
   * the background) of the text being written, at most TONE_TEXT_LIMIT characters. With
   * `interviewId`, a sentence's calmer wording uses that interview's facts (from a webmail page: an
   * interview offered to its tab). Offsets index `text`. Limited per tab (RATE_LIMITS.tone).
   */
  checkTone: { request: { text: string; interviewId?: string }; response: { ok: true; findings: ToneFinding[] } | Failure };
  /** Sets aside a corrupt record's warning once the user has seen it. */
  dismissCorrupt: { request: { key: string }; response: { ok: true } };
  /**
   * From a webmail page (issue 15): whether to notice replies at all ("Notice replies from my
   * interviewers"), and whom to look for: open interviews' contact addresses and confirmed domains.
   */
  mailboxWatch: { request: { site: 'gmail' | 'outlook' }; response: { ok: true; on: boolean; addresses: string[]; domains: string[]; site: MailboxSite } };
  /** From a webmail page: messages it saw from someone on the watch list (sender, time as shown, subject, site id). */
  repliesSeen: { request: { messages: SeenMessage[] }; response: { ok: true; recorded: number } | Failure };
  /** "Not about this interview": undoes the reply seen the popup asked about, and never matches that message again. */
  disownReply: { request: { id: string }; response: { ok: true; interview: Interview } | Failure };
  /** The user confirmed that mail from anyone at `domain` is about this interview. */
  confirmReplyDomain: { request: { id: string; domain: string }; response: { ok: true; interview: Interview } | Failure };
  /**
   * From a webmail page's "Log this interview": the open message's facts. The background reads
   * them (dates in the user's zone), keeps the result as the popup form's draft for the user to
   * review, and opens the popup where the browser allows it (`opened`).
   */
  logFromEmail: { request: { email: EmailFacts }; response: { ok: true; opened: boolean } | Failure };
};

/**
 * One site's message markup (kept in src/content/sites/*.ts with their sources; handed to the
 * content script by the background with the watch list, which keeps the strings out of its 12 KB).
 * Each a selector unless said.
 */
export type MailboxSite = {
  /** Containers whose children come and go as the list or the conversation changes: childList-observed. */
  lists: string;
  /** Message list rows (their parents are childList-observed too: a virtualised list nests them). */
  items: string;
  /**
   * Open messages: where "Log this interview" goes. With `climb`, an element inside each open
   * message instead (its date heading): the message is its largest ancestor holding no other such
   * element and no list row, which needs no localised label or build-hashed class.
   */
  open: string;
  climb?: boolean;
  /** In an item, the sender (the last match: a thread row lists its latest sender last); address in `email`, `title`, `aria-label` or text. */
  from: string;
  /** In an item, its time: the last match whose `title`, `datetime` or text reads as a date with a year and a time of day. */
  time: string;
  /** In a list row, its subject. */
  subject: string;
  /** The open conversation's subject heading (one per page). */
  heading: string;
  /** The attribute holding the site's message id, where the markup has one ('' where it has none). */
  id: string;
  /** In an open message: its recipients, its visible text, where the control goes. */
  to: string;
  text: string;
  spot: string;
};

/** One message row or open message, as the webmail shows it: nothing else is read. */
export type SeenMessage = { from: string; time: string; subject: string; messageId?: string };

/** What "Log this interview" sends of the open message. */
export type EmailFacts = {
  from: { name: string; email: string };
  to: { name: string; email: string }[];
  subject: string;
  /** The visible text of the message, at most EMAIL_TEXT_LIMIT characters. */
  text: string;
  /** The message's calendar invitation: .ics text, or the site's invite card as text. */
  ics?: string;
  /** When the message was received, as shown. */
  time?: string;
};

/** The longest message text "Log this interview" sends. */
export const EMAIL_TEXT_LIMIT = 20_000;

/** The popup form as typed (strings as in the inputs), kept while the popup is closed. */
export type FormDraft = {
  /** The interview being edited; absent for a new one. */
  id?: string;
  /** Filled in from an email by "Log this interview" (issue 15), not typed: the form says so. */
  fromEmail?: true;
  /** ISO instant the entries were last changed. */
  at: string;
  fields: {
    company: string;
    role: string;
    interviewAt: string;
    contacts: { name: string; email: string; title?: string }[];
    decisionExpectedBy: string;
    invitedToCall: boolean;
    callCustomary: boolean;
    hasOtherOffers: boolean;
    topic: string;
    notes: string;
    /** The length an invitation or an email stated (issue 15); saved with the rest. */
    durationMinutes?: number;
  };
};

/** What a reminder offers: write the email, snooze it, or acknowledge advice. */
export type ReminderAction = 'write' | 'snooze' | 'dismiss';

/** One reminder as a notification and the reminder page show it. */
export type ReminderItem = {
  interviewId: string;
  step: StepKind;
  round: number;
  company: string;
  role: string;
  /** The one-reminder wording. */
  title: string;
  message: string;
  draftKind?: DraftKind;
  actions: ReminderAction[];
};

/** `more`: items of a big summary not kept in storage.session (the popup lists them all). */
export type ReminderView = { title: string; message?: string; items: ReminderItem[]; more?: number };

/**
 * The popup's first screen, kept current by the background in storage.session: which open
 * interviews come first (by next step) and how many there are. The popup reads these few
 * records and paints them before it has read every interview.
 */
export type PopupIndex = { ids: string[]; open: number; closed: number };

export type MessageType = keyof Requests;
export type Message = { [K in MessageType]: { type: K } & Requests[K]['request'] }[MessageType];
export type RequestOf<K extends MessageType> = Requests[K]['request'];
export type ResponseOf<K extends MessageType> = Requests[K]['response'];

/** The subset of the extension runtime the client needs; injectable so UI can run on a fake connection. */
export type Transport = { sendMessage(message: unknown): Promise<unknown> };

export function createClient(transport: Transport) {
  return function send<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    return transport.sendMessage({ type, ...request }) as Promise<ResponseOf<K>>;
  };
}

export type Send = ReturnType<typeof createClient>;

/** The longest text the checkTone message accepts (a long thread with its quotes fits). */
export const TONE_TEXT_LIMIT = 100_000;

/** Storage keys: one key per interview, plus settings, profile and the schema version (local); the form draft (session). */
export const STORAGE_KEYS = {
  formDraft: 'popupFormDraft',
  popupIndex: 'popupIndex',
  interviewPrefix: 'interview:',
  corruptPrefix: 'corrupt:',
  settings: 'settings',
  profile: 'profile',
  schemaVersion: 'schemaVersion',
} as const;

export type { FollowUpStep };
/**
 * A stored record that could not be read. `raw` is its whole stored value as JSON (in the
 * `corrupt:<key>` copy and the export; pages don't carry it). `inPlace`: it is still under its
 * own key, not set aside (no room for the copy, or data a newer version wrote).
 */
export type CorruptRecord = { key: string; reason: string; at: string; raw?: string; inPlace?: true };
