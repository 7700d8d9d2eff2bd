/**
 * One handler per message in src/shared/protocol.ts. Every incoming message is
 * first checked for its sender (our own pages, or our content script on a
 * webmail host; anything else is ignored) and its shape
 * (src/shared/protocol-schema.ts); handlers then validate payloads with the
 * domain schemas, write through the store (the single writer) and re-run the
 * scheduler before answering, so an answer means the alarm is already right.
 */
import type { Day } from 'date-fns';
import { workWeekStart } from '../domain/calendar';
import { contactForRecipients, contactKey, contactMatches, findContact } from '../domain/contacts';
import { draftEmail, signOffLines } from '../domain/drafts';
import { validateInterview, validateInterviewInput } from '../domain/model';
import { callCard } from '../domain/call-card';
import { isOffered, planFollowUps, snoozeChoices } from '../domain/plan';
import { checkTone, type ToneContext } from '../domain/tone';
import type { Contact, Draft, DraftKind, FollowUpStep, Interview, InterviewEvent, StepKind } from '../domain/types';
import { STORAGE_KEYS, type ComposeChoice, type ComposeInterview, type EventRequest, type FieldIssue, type Message, type MessageType, type Problem, type ResponseOf } from '../shared/protocol';
import { classifySender, CONTENT_SCRIPT_MESSAGES, parseMessage, type SenderKind, type SenderLike } from '../shared/protocol-schema';
import { makeBackup, parseBackup, previewImport } from './backup';
import { ComposeGuard, RateLimiter, type Offered, type SenderInfo } from './compose-guard';
import { composeUrl } from './compose-links';
import { itemFor, parseReminderId, reminderId, type NotificationsApi, type Notifier } from './notifications';
import { createReplyHandlers } from './replies';
import { accountFor, lastAccount, noteAccount, outlookSite } from './mail-account';
import { findPending, rememberPending } from './pending-compose';
import type { Scheduler } from './scheduler';
import { StoreError, type Store, type StorageArea } from './store';

export type HandlerDeps = {
  store: Store;
  scheduler: Scheduler;
  notifier: Notifier;
  /** storage.session: the popup form's draft, what was offered to which tab, recent content-script errors. */
  session: StorageArea;
  /** storage.local, for the webmail account last used (mail-account.ts); without it, none is kept. */
  local?: StorageArea;
  openTab(url: string): Promise<unknown>;
  now(): number;
  newId?: () => string;
  log?: (message: string, error?: unknown) => void;
  /** The extension's version and the browser, for diagnostics. */
  about?: () => { version: string; browser: string };
  /** Issue 15: the notifications API and icon for "wrote back" notices, and action.openPopup where allowed. */
  notifications?: NotificationsApi;
  iconUrl?: string;
  openPopup?: () => Promise<boolean>;
};

type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;
/** `origin`: for a content script, its tab and mail host (compose messages check them). */
export type Handlers = { [K in MessageType]: (message: MessageOf<K>, sender: SenderKind, origin?: Omit<SenderInfo, 'kind'>) => Promise<ResponseOf<K>> };

const DRAFT_KINDS: readonly DraftKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const isDraftKind = (k: StepKind): k is DraftKind => (DRAFT_KINDS as readonly string[]).includes(k);

/** How many other interviews (names only) a compose panel may offer to choose from. */
export const COMPOSE_UNMATCHED_LIMIT = 5;

/** Rate limits: [burst, one more every … ms]. */
export const RATE_LIMITS = {
  /** Compose tabs opened, from any sender (50 calls at once opened 50 tabs: issue 16, F1). */
  openCompose: [3, 2_000],
  /** Events recorded on one interview from the extension's pages. */
  recordEvent: [120, 500],
  /** What one tab's content script may ask that costs a write or a draft. */
  content: [20, 3_000],
  /** Tone checks from one tab: one per pause in typing (350 ms) in each compose, with room for several composes. */
  tone: [20, 250],
} as const;

function eventMatches(ev: InterviewEvent, match: EventRequest): boolean {
  if (ev.type !== match.type) return false;
  switch (match.type) {
    case 'sent':
      // Exactly the 'sent' asked for: to that interviewer, or (no contact) the one for everyone.
      return (ev as { step?: StepKind }).step === match.step && (ev as { contact?: string }).contact === match.contact;
    case 'dismissed':
      return (ev as { step?: StepKind }).step === match.step;
    case 'outcome':
      return (ev as { outcome?: string }).outcome === match.outcome;
    case 'reply':
      return match.newDecisionDate === undefined || (ev as { newDecisionDate?: string }).newDecisionDate === match.newDecisionDate;
  }
}

/** A failed write as field issues for a form: the validation issues, or "not saved". */
function storeFailure(error: unknown): FieldIssue[] {
  if (error instanceof StoreError && error.issues.length > 0) return error.issues;
  const p = problemOf(error);
  return [p.code === 'invalidRecord' ? { field: '', code: 'saveFailed' } : { field: '', ...p }];
}

/** A failed write as a problem code: an invalid record (with its first issue), or "not saved". */
function problemOf(error: unknown): Problem {
  if (error instanceof StoreError) {
    // Storage itself refused: full, a newer version's data, a history at its limit.
    if (error.code === 'storageFull') return { code: 'storageFull' };
    if (error.code === 'readOnly') return { code: 'readOnly', version: error.detail ?? 0 };
    if (error.code === 'historyFull') return { code: 'historyFull', max: error.detail ?? 0 };
    const issue = error.issues[0];
    return issue ? { code: 'invalidRecord', issue } : { code: 'saveFailed' };
  }
  return { code: 'saveFailed' };
}

const fail = (error: Problem) => ({ ok: false as const, error });
const NOT_FOUND = fail({ code: 'notFound' });
const TOO_FAST = fail({ code: 'tooFast' });

export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, scheduler, notifier } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const nowIso = (): string => new Date(deps.now()).toISOString();
  const guard = new ComposeGuard(deps.session, deps.now);
  const limiter = (which: keyof typeof RATE_LIMITS) => new RateLimiter(RATE_LIMITS[which][0], RATE_LIMITS[which][1], deps.now);
  const limits = { openCompose: limiter('openCompose'), recordEvent: limiter('recordEvent'), content: limiter('content'), tone: limiter('tone') };
  /** A content script's request that writes or drafts: limited per tab. */
  const contentTooFast = (origin: Omit<SenderInfo, 'kind'> | undefined): boolean => !limits.content.take(`tab:${origin?.tab ?? 'none'}`);

  /** Re-arms after a change (not waiting for a catch-up in progress); a scheduler failure never fails the user's save. */
  const rearm = async (): Promise<void> => {
    try {
      await scheduler.request();
    } catch (error) {
      deps.log?.('re-arming failed', error);
    }
  };

  /**
   * The draft of `kind` for `contact`; a thank-you without one goes to the first interviewer still to thank.
   * `signed`: the compose already has the webmail's signature, so the draft adds no name after the sign-off.
   */
  const draftFor = (kind: DraftKind, interview: Interview, contact?: Contact, steps?: FollowUpStep[], signed = false): Draft => {
    const profile = store.profile();
    const sender: { name: string; signature?: string } = { name: profile.name };
    if (profile.signature) sender.signature = profile.signature;
    const settings = store.settings();
    let to = contact;
    if (!to && kind === 'thank-you') {
      const thankYou = (steps ?? planFollowUps(interview, settings)).find((s) => s.kind === 'thank-you');
      to = findContact(interview, thankYou?.contacts?.find((c) => c.status === 'pending')?.key)?.contact;
    }
    const options = { now: new Date(deps.now()), timeZone: settings.timeZone, weekStartsOn: workWeekStart(settings.workWeek) as Day, ...(signed ? { webmailSignature: true } : {}) };
    return draftEmail(kind, interview, sender, to ? { ...options, contact: to } : options);
  };

  /**
   * An interview with the drafts that make sense now: the steps already due (latest first), else the
   * next one, written early; addressed to the interviewer among `recipients` (a thank-you only if they
   * are still to be thanked). Undefined when it has none (unless `always`) or its plan can't be made.
   * `choice.contact`: the interviewer the user chose in the panel (a contactKey) wins over the recipients;
   * without it, when several interviewers are addressed (or none, and there are several) the answer lists
   * them as `people` to choose from. `choice.signed`: see draftFor.
   */
  const withDrafts = (interview: Interview, recipients: readonly string[] | undefined, always = false, choice: { contact?: string; signed?: boolean } = {}): ComposeInterview | undefined => {
    const now = deps.now();
    const matched = recipients !== undefined;
    let steps;
    try {
      steps = planFollowUps(interview, store.settings());
    } catch {
      return undefined;
    }
    const picked = choice.contact !== undefined ? findContact(interview, choice.contact)?.contact : undefined;
    const to = picked ?? (recipients ? contactForRecipients(interview, [...recipients])?.contact : undefined);
    const contacts = Array.isArray(interview.contacts) ? interview.contacts : [];
    const addressed = recipients ? contacts.filter((c) => recipients.some((r) => contactMatches(c, r) && r.includes('@'))) : [];
    const choices = picked ? [] : addressed.length > 1 ? addressed : addressed.length === 0 && contacts.length > 1 ? contacts : [];
    const stillToThank = (s: FollowUpStep): boolean => !to || !s.contacts || s.contacts.some((c) => c.status === 'pending' && findContact(interview, c.key)?.contact === to);
    const pending = steps.filter((s) => isOffered(s, now) && isDraftKind(s.kind) && (s.kind !== 'thank-you' || stillToThank(s)));
    const due = pending.filter((s) => Date.parse(s.notifyAt) <= now).sort((a, b) => Date.parse(b.notifyAt) - Date.parse(a.notifyAt));
    const upcoming = pending.filter((s) => Date.parse(s.notifyAt) > now);
    const chosen = due.length > 0 ? due : upcoming.slice(0, 1);
    const drafts: ComposeInterview['drafts'] = [];
    for (const s of chosen) {
      const kind = s.kind as DraftKind;
      if (drafts.some((d) => d.kind === kind)) continue;
      try {
        drafts.push({ kind, draft: draftFor(kind, interview, to, steps, choice.signed) });
      } catch (error) {
        deps.log?.('drafting failed', error);
      }
    }
    if (!matched && !always && drafts.length === 0) return undefined;
    const out: ComposeInterview = { id: interview.id, company: interview.company, role: interview.role, interviewAt: interview.interviewAt, matched, drafts };
    const key = to ? contactKey(to) : drafts[0]?.draft.contact;
    if (key) out.contact = key;
    if (choices.length > 1) out.people = choices.map((c) => ({ key: contactKey(c), name: c.name })).filter((p) => p.key);
    return out;
  };

  /** What a tab is offered to mark as sent: each draft's step, and for a thank-you whom it is for. */
  const offers = (ci: ComposeInterview): Offered[] => ci.drafts.map((d) => (d.kind === 'thank-you' && d.draft.contact ? { kind: d.kind, contact: d.draft.contact } : { kind: d.kind }));

  const appendEvent = async (id: string, event: InterviewEvent): Promise<Interview | undefined> =>
    store.update(id, (cur) => (cur ? { ...cur, history: [...cur.history, event] } : undefined));

  const replies = createReplyHandlers({
    store,
    session: deps.session,
    now: deps.now,
    rearm,
    ...(deps.notifications ? { notifications: deps.notifications } : {}),
    ...(deps.iconUrl ? { iconUrl: deps.iconUrl } : {}),
    ...(deps.openPopup ? { openPopup: deps.openPopup } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });

  const handlers: Handlers = {
    mailboxWatch: (m) => replies.mailboxWatch(m),
    repliesSeen: (m, _sender, origin) => replies.repliesSeen(m, origin),
    disownReply: (m) => replies.disownReply(m),
    confirmReplyDomain: (m) => replies.confirmReplyDomain(m),
    logFromEmail: (m, _sender, origin) => replies.logFromEmail(m, origin),

    async saveInterview({ id, input }) {
      await store.open();
      const checked = validateInterviewInput(input, store.settings());
      if (!checked.ok) return { ok: false, issues: checked.issues };
      if (id !== undefined && !store.interview(id)) return { ok: false, issues: [{ field: '', code: 'notFound' }] };
      const target = id ?? newId();
      try {
        const saved = await store.update(target, (cur) => {
          const next: Interview = { ...checked.value, id: target, history: cur?.history ?? [] };
          if (cur?.createdAt) next.createdAt = cur.createdAt;
          return next;
        });
        await rearm();
        return { ok: true, interview: saved! };
      } catch (error) {
        return { ok: false, issues: storeFailure(error) };
      }
    },

    async deleteInterview({ id }) {
      const deleted = await store.remove(id);
      if (!deleted) return NOT_FOUND;
      await rearm();
      return { ok: true, deleted };
    },

    async restoreInterview({ interview }) {
      const checked = validateInterview(interview);
      if (!checked.ok) return fail({ code: 'invalidRecord', ...(checked.issues[0] ? { issue: checked.issues[0] } : {}) });
      try {
        // Put back as it was: an Undo restores the record, it is not a new edit.
        await store.update(checked.value.id, () => checked.value, { stamp: false });
      } catch (error) {
        return fail(problemOf(error));
      }
      await rearm();
      return { ok: true };
    },

    async recordEvent({ id, event }, sender, origin) {
      if (sender === 'content') {
        // From a webmail page only "sent", and only for a step the panel was offered in that tab.
        if (event.type !== 'sent') return fail({ code: 'notAllowed', type: `recordEvent:${event.type}` });
        if (contentTooFast(origin)) return TOO_FAST;
        if (!(await guard.mayMarkSent(origin?.tab, id, event.step, event.contact))) return fail({ code: 'notOffered' });
      } else if (!limits.recordEvent.take(id)) return TOO_FAST;
      await store.open();
      if (!store.interview(id)) return NOT_FOUND;
      const stamped = { ...event, at: nowIso() } as InterviewEvent;
      try {
        const saved = await appendEvent(id, stamped);
        if (!saved) return NOT_FOUND;
        if (event.type === 'sent' || event.type === 'dismissed') {
          for (const s of planFollowUps(saved, store.settings())) if (s.kind === event.step) await notifier.clear(reminderId(id, s.kind, s.round));
        }
        if (sender === 'content' && event.type === 'sent') await guard.markSent(origin?.tab, id, event.step, true, event.contact);
        await rearm();
        return { ok: true, interview: saved };
      } catch (error) {
        return fail(problemOf(error));
      }
    },

    async undoEvent({ id, match }, sender, origin) {
      if (sender === 'content') {
        // A webmail page may only take back the "sent" it recorded itself (the toast's Undo).
        if (match.type !== 'sent') return fail({ code: 'notAllowed', type: `undoEvent:${match.type}` });
        if (contentTooFast(origin)) return TOO_FAST;
        if (!(await guard.mayUndoSent(origin?.tab, id, match.step, match.contact))) return fail({ code: 'nothingToUndo' });
      }
      await store.open();
      let found = false;
      try {
        const saved = await store.update(id, (cur) => {
          if (!cur) return undefined;
          for (let i = cur.history.length - 1; i >= 0; i--) {
            if (eventMatches(cur.history[i]!, match)) {
              found = true;
              return { ...cur, history: [...cur.history.slice(0, i), ...cur.history.slice(i + 1)] };
            }
          }
          return undefined;
        });
        if (!saved) return NOT_FOUND;
        if (!found) return fail({ code: 'nothingToUndo' });
        if (sender === 'content' && match.type === 'sent') await guard.markSent(origin?.tab, id, match.step, false, match.contact);
        await rearm();
        return { ok: true, interview: saved };
      } catch (error) {
        return fail(problemOf(error));
      }
    },

    async snooze({ id, step, until: choice }) {
      await store.open();
      const interview = store.interview(id);
      if (!interview) return NOT_FOUND;
      const settings = store.settings();
      const now = deps.now();
      const pending = planFollowUps(interview, settings).filter((s) => s.kind === step && s.status === 'pending');
      const current = pending[pending.length - 1];
      if (!current) return fail({ code: 'notPending' });
      const choices = snoozeChoices(settings, new Date(now));
      // A choice no longer open (later today, once the day's window has passed) falls back to the default.
      const until = (choice && choices[choice]) ?? choices['later-today'] ?? choices['next-work-day']!;
      await notifier.clear(reminderId(id, step, current.round));
      // Snoozing a reminder that isn't due yet would bring it forward: leave it where it is.
      if (Date.parse(current.notifyAt) >= Date.parse(until)) return { ok: true, until: current.notifyAt };
      try {
        await appendEvent(id, { type: 'snoozed', step, at: new Date(now).toISOString(), until });
      } catch (error) {
        return fail(problemOf(error));
      }
      await rearm();
      return { ok: true, until };
    },

    async saveSettings({ settings }) {
      try {
        const saved = await store.saveSettings(settings);
        await rearm();
        return { ok: true, settings: saved };
      } catch (error) {
        return { ok: false, issues: storeFailure(error) };
      }
    },

    async saveProfile({ profile }) {
      try {
        return { ok: true, profile: await store.saveProfile(profile) };
      } catch (error) {
        return { ok: false, issues: storeFailure(error) };
      }
    },

    async exportBackup() {
      await store.open();
      return { ok: true, backup: makeBackup(store.state(), deps.now()) };
    },

    async previewImport({ backup }) {
      await store.open();
      const parsed = parseBackup(backup);
      if (!parsed.ok) return parsed;
      return { ok: true, preview: previewImport(parsed, store).preview };
    },

    async applyImport({ backup }) {
      await store.open();
      const parsed = parseBackup(backup);
      if (!parsed.ok) return parsed;
      const { preview, changed } = previewImport(parsed, store);
      try {
        const change: Parameters<Store['replaceMany']>[0] = { interviews: changed };
        if (preview.settingsChanged && parsed.settings) change.settings = parsed.settings;
        if (preview.profileChanged && parsed.profile) change.profile = parsed.profile;
        await store.replaceMany(change);
      } catch (error) {
        return fail(problemOf(error));
      }
      await rearm();
      return { ok: true, preview };
    },

    async openCompose({ id, kind }) {
      if (!limits.openCompose.take('all')) return TOO_FAST;
      await store.open();
      const interview = store.interview(id);
      if (!interview) return NOT_FOUND;
      let url: string;
      let draft: Draft;
      const profile = store.profile();
      try {
        draft = draftFor(kind, interview);
        url = composeUrl(profile.webmail, draft, accountFor(profile, await lastAccount(deps.local)));
      } catch (error) {
        deps.log?.('drafting failed', error);
        return fail({ code: 'draftFailed' });
      }
      // Remembered before the tab opens, so the compose is known by the time it can be sent.
      const contact = kind === 'thank-you' ? draft.contact : undefined;
      try {
        await rememberPending(deps.session, { id, kind, ...(contact ? { contact } : {}), subject: draft.subject, to: draft.to, at: deps.now() });
      } catch (error) {
        deps.log?.('remembering the compose failed', error);
      }
      await deps.openTab(url);
      return { ok: true, url };
    },

    async draft({ id, kind }) {
      await store.open();
      const interview = store.interview(id);
      if (!interview) return NOT_FOUND;
      try {
        return { ok: true, draft: draftFor(kind, interview) };
      } catch (error) {
        deps.log?.('drafting failed', error);
        return fail({ code: 'draftFailed' });
      }
    },

    async callScript({ id }) {
      await store.open();
      const interview = store.interview(id);
      if (!interview) return NOT_FOUND;
      try {
        const card = callCard(interview, store.settings(), { yourName: store.profile().name, now: deps.now() });
        return card ? { ok: true, card } : { ok: true };
      } catch (error) {
        deps.log?.('call script failed', error);
        return fail({ code: 'draftFailed' });
      }
    },

    async saveFormDraft({ draft }) {
      if (draft === null) {
        await deps.session.remove(STORAGE_KEYS.formDraft);
        return { ok: true };
      }
      try {
        await deps.session.set({ [STORAGE_KEYS.formDraft]: draft });
        return { ok: true };
      } catch (error) {
        deps.log?.('keeping the form draft failed', error);
        return fail({ code: 'saveFailed' });
      }
    },

    async reminderView({ id }) {
      const shown = await notifier.lookup(id);
      if (shown) return { ok: true, view: { title: shown.title, ...(shown.items.length > 1 ? { message: shown.message } : {}), items: shown.items, ...(shown.more ? { more: shown.more } : {}) } };
      const parsed = parseReminderId(id);
      await store.open();
      const interview = parsed && store.interview(parsed.interviewId);
      const step = interview && planFollowUps(interview, store.settings()).find((s) => s.kind === parsed.step && s.round === parsed.round && s.status === 'pending');
      if (interview && step) {
        const item = itemFor({ interview, step }, store.settings(), deps.now());
        return { ok: true, view: { title: item.title, items: [item] } };
      }
      // Dealt with already (or never ours): the page says so in its own words.
      return { ok: true, view: { title: '', items: [] } };
    },

    async composeContext({ recipients, signed }, sender, origin) {
      await store.open();
      if (sender === 'content') {
        // Where the user uses FollowUp is where "Write email" opens next (mail-account.ts).
        const outlook = outlookSite(origin?.host);
        const used = origin?.host === 'mail.google.com' && origin.account !== undefined ? { gmail: origin.account } : outlook ? { outlook } : undefined;
        if (used) await noteAccount(deps.local, used).catch((error: unknown) => deps.log?.('keeping the account failed', error));
      }
      const wanted = [...new Set(recipients.map((r) => r.trim().toLowerCase()).filter((r) => r.length > 0))];
      const wantedSet = new Set(wanted);
      const all = store.interviews();
      const matched: ComposeInterview[] = [];
      const others: ComposeChoice[] = [];
      for (const iv of all) {
        const isMatch = wantedSet.size > 0 && iv.contacts.some((c) => typeof c.email === 'string' && wantedSet.has(c.email.trim().toLowerCase()));
        if (!isMatch) continue;
        const ci = withDrafts(iv, wanted, false, signed ? { signed } : {});
        if (ci) matched.push(ci);
      }
      // The others, most recent first and only those with something due, by name: a page that plants
      // a recipient chip learns no draft it did not address (issue 16, F1).
      for (let i = all.length - 1; i >= 0 && others.length < COMPOSE_UNMATCHED_LIMIT; i--) {
        const iv = all[i]!;
        if (matched.some((m) => m.id === iv.id)) continue;
        const ci = withDrafts(iv, undefined);
        if (ci) others.push({ id: ci.id, company: ci.company, role: ci.role, interviewAt: ci.interviewAt });
      }
      matched.sort((a, b) => (a.interviewAt < b.interviewAt ? 1 : a.interviewAt > b.interviewAt ? -1 : 0));
      if (sender === 'content') for (const m of matched) await guard.offer(origin?.tab, m.id, offers(m));
      return { ok: true, interviews: matched, others, loggedAny: all.length > 0 };
    },

    async composeDraft({ id, contact, signed }, sender, origin) {
      if (sender === 'content' && contentTooFast(origin)) return TOO_FAST;
      await store.open();
      const iv = store.interview(id);
      const ci = iv && withDrafts(iv, undefined, true, { ...(contact !== undefined ? { contact } : {}), ...(signed ? { signed } : {}) });
      if (!ci) return NOT_FOUND;
      if (sender === 'content') await guard.offer(origin?.tab, ci.id, offers(ci));
      return { ok: true, interview: ci };
    },

    async composePending({ recipients, subject }, sender, origin) {
      if (sender === 'content' && contentTooFast(origin)) return TOO_FAST;
      await store.open();
      const found = await findPending(deps.session, recipients, subject, deps.now());
      const iv = found && store.interview(found.id);
      if (!found || !iv) return { ok: true };
      // The tab may now mark this step (for this interviewer) as sent, as if the panel had offered it.
      if (sender === 'content') await guard.offer(origin?.tab, found.id, [found.contact ? { kind: found.kind, contact: found.contact } : { kind: found.kind }]);
      const tail = signOffLines(store.profile());
      return { ok: true, pending: { id: found.id, kind: found.kind, company: iv.company, ...(found.contact ? { contact: found.contact } : {}), ...(tail.length ? { tail } : {}) } };
    },

    async reportError({ where, message, skeleton }, sender, origin) {
      if (sender === 'content' && contentTooFast(origin)) return TOO_FAST;
      await guard.report(origin?.host ?? sender, where, message, skeleton);
      return { ok: true };
    },

    async diagnostics() {
      const about = deps.about?.() ?? { version: '', browser: '' };
      return { ok: true, ...about, ...(await guard.diagnostics()) };
    },

    async checkTone({ text, interviewId }, sender, origin) {
      let context: ToneContext | undefined;
      if (sender === 'content' && !limits.tone.take(`tab:${origin?.tab ?? 'none'}`)) return TOO_FAST;
      // A webmail page names only an interview it was offered: any other id is checked without facts.
      if (interviewId !== undefined && (sender !== 'content' || (await guard.offered(origin?.tab, interviewId)))) {
        await store.open();
        const iv = store.interview(interviewId);
        if (iv) context = { company: iv.company, role: iv.role, contactName: iv.contacts[0]?.name, decisionDate: iv.decisionExpectedBy };
      }
      return { ok: true, findings: checkTone(text, context) };
    },

    async dismissCorrupt({ key }) {
      await store.dismissCorrupt(key);
      return { ok: true };
    },
  };
  return handlers;
}

export type Gate = { runtimeId: string; extensionOrigin: string };

/** A content script's tab id and the host it runs on (its frame's, or its tab's for an about:blank frame). */
function contentOrigin(sender: SenderLike | undefined): Omit<SenderInfo, 'kind'> {
  const tab = sender?.tab && typeof sender.tab === 'object' ? (sender.tab as { id?: unknown; url?: unknown }) : undefined;
  const hostOf = (url: unknown): string | undefined => {
    try {
      return typeof url === 'string' && /^https:/.test(url) ? new URL(url).hostname : undefined;
    } catch {
      return undefined;
    }
  };
  const origin: Omit<SenderInfo, 'kind'> = {};
  if (typeof tab?.id === 'number') origin.tab = tab.id;
  const host = hostOf(sender?.url) ?? hostOf(sender?.origin) ?? hostOf(tab?.url);
  if (host) origin.host = host;
  // Gmail's account is in the page's path: /mail/u/1/ is the second account signed in (the browser sets these URLs, not the page).
  const account = [sender?.url, tab?.url].map((u) => (typeof u === 'string' ? /^https:\/\/mail\.google\.com\/mail\/u\/(\d{1,2})\//.exec(u)?.[1] : undefined)).find((n) => n !== undefined);
  if (host === 'mail.google.com' && account !== undefined) origin.account = Number(account);
  return origin;
}

/**
 * The onMessage entry point. Returns undefined (no answer at all) for anything
 * not from this extension's pages or content scripts; an answer otherwise,
 * `{ ok: false, error: Problem }` for a malformed or not-allowed message. Nothing is
 * written unless the message is valid and allowed.
 */
export function dispatch(handlers: Handlers, gate: Gate, raw: unknown, sender: SenderLike | undefined): Promise<unknown> | undefined {
  const kind = classifySender(sender, gate.runtimeId, gate.extensionOrigin);
  if (kind === 'foreign') return undefined;
  const parsed = parseMessage(raw);
  if (!parsed.ok) return Promise.resolve(fail(parsed.problem));
  const message = parsed.message;
  if (kind === 'content' && !CONTENT_SCRIPT_MESSAGES.has(message.type)) return Promise.resolve(fail({ code: 'notAllowed', type: message.type }));
  const handler = handlers[message.type] as (m: Message, s: SenderKind, o?: Omit<SenderInfo, 'kind'>) => Promise<unknown>;
  return handler(message, kind, kind === 'content' ? contentOrigin(sender) : undefined).catch((error: unknown) => fail(error instanceof StoreError ? problemOf(error) : { code: 'unexpected' }));
}
