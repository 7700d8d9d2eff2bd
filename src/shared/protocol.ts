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
import type { ToneTable } from '../domain/tone';

export type FieldIssue = { field: string; message: string };

/** Form input for an interview: what the user typed, before validation. */
export type InterviewInput = Omit<Interview, 'id' | 'history' | 'createdAt' | 'updatedAt'>;

/** An event as a page asks to record it; the background stamps `at`. */
export type EventRequest =
  | { type: 'sent'; step: StepKind }
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
};

/** A content-script failure kept for "Copy diagnostics" (storage.session, newest last). */
export type ContentError = { at: string; where: string; message: string; host: string };
/** The structure (tags, roles, labels, names, classes; no text, no addresses) of the last compose FollowUp failed on. */
export type ComposeSkeleton = { at: string; where: string; host: string; skeleton: string };

/** What the background may ask a content script (tabs.sendMessage); the content script checks the shape. */
export type TabMessage = { type: 'openPanel' };

export type Requests = {
  saveInterview: { request: { id?: string; input: unknown }; response: { ok: true; interview: Interview } | { ok: false; issues: FieldIssue[] } };
  deleteInterview: { request: { id: string }; response: { ok: true; deleted: Interview } | { ok: false; error: string } };
  restoreInterview: { request: { interview: unknown }; response: { ok: true } | { ok: false; error: string } };
  recordEvent: { request: { id: string; event: EventRequest }; response: { ok: true; interview: Interview } | { ok: false; error: string } };
  /** Removes the most recent event matching `match` (Undo after "sent", "replied", …). */
  undoEvent: { request: { id: string; match: EventRequest }; response: { ok: true; interview: Interview } | { ok: false; error: string } };
  snooze: { request: { id: string; step: StepKind }; response: { ok: true; until: string } | { ok: false; error: string } };
  saveSettings: { request: { settings: unknown }; response: { ok: true; settings: Settings } | { ok: false; issues: FieldIssue[] } };
  saveProfile: { request: { profile: unknown }; response: { ok: true; profile: Profile } | { ok: false; issues: FieldIssue[] } };
  exportBackup: { request: Record<never, never>; response: { ok: true; backup: Backup } };
  previewImport: { request: { backup: unknown }; response: { ok: true; preview: ImportPreview } | { ok: false; error: string } };
  applyImport: { request: { backup: unknown }; response: { ok: true; preview: ImportPreview } | { ok: false; error: string } };
  /** Opens the user's webmail compose prefilled with the draft for this step. */
  openCompose: { request: { id: string; kind: DraftKind }; response: { ok: true; url: string } | { ok: false; error: string } };
  /**
   * From a compose panel: the interviews whose contacts are among `recipients`, with their drafts,
   * and the others that have something due, by name only.
   */
  composeContext: { request: { recipients: string[] }; response: { ok: true; interviews: ComposeInterview[]; others: ComposeChoice[]; loggedAny: boolean } };
  /** From a compose panel, after the user chose an interview the recipients did not match: its drafts. */
  composeDraft: { request: { id: string }; response: { ok: true; interview: ComposeInterview } | { ok: false; error: string } };
  /** From a content script: something failed on the page; kept in a small ring in storage.session. */
  reportError: { request: { where: string; message: string; skeleton?: string }; response: { ok: true } | { ok: false; error: string } };
  /** For "Copy diagnostics" in Options: version, browser, recent content-script errors, the last failed compose's skeleton. */
  diagnostics: {
    request: Record<never, never>;
    response: { ok: true; version: string; browser: string; errors: ContentError[]; skeleton?: ComposeSkeleton };
  };
  /**
   * The pressing-words rules as data. The content script compiles them with the small engine
   * (toneChecker) instead of bundling the ~7 KB gzip table into every mail frame.
   */
  toneRules: { request: Record<never, never>; response: { ok: true; table: ToneTable } };
  /** Sets aside a corrupt record's warning once the user has seen it. */
  dismissCorrupt: { request: { key: string }; response: { ok: true } };
};

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

/** Storage keys: one key per interview, plus settings, profile and the schema version. */
export const STORAGE_KEYS = {
  interviewPrefix: 'interview:',
  corruptPrefix: 'corrupt:',
  settings: 'settings',
  profile: 'profile',
  schemaVersion: 'schemaVersion',
} as const;

export type { FollowUpStep };
export type CorruptRecord = { key: string; reason: string; at: string; raw: string };
