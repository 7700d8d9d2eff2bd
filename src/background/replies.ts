/**
 * The background's side of issue 15: what a webmail page may look for (mailboxWatch), the
 * messages it saw (repliesSeen: matched, de-duplicated and recorded here, with one notification
 * when a question becomes pending), the popup's answers that are not plain events (disownReply,
 * confirmReplyDomain), and "Log this interview" (logFromEmail: read into the popup form's draft).
 */
import { confirmedDomains, judgeReply, pendingReply, type ReplyCandidate } from '../domain/replies';
import type { Interview, InterviewEvent } from '../domain/types';
import { t } from '../shared/i18n';
import { replyQuestion } from '../shared/reply-text';
import { STORAGE_KEYS, type FormDraft, type Problem, type Requests, type ResponseOf } from '../shared/protocol';
import { GMAIL_MAILBOX } from '../content/sites/gmail';
import { OUTLOOK_MAILBOX } from '../content/sites/outlook';
import { RateLimiter } from './compose-guard';
import { parseShownTime } from './email-dates';
import { readEmail } from './email-log';
import { SHOWN_KEY, SHOWN_LIMIT, readShown, type NotificationsApi, type ShownNotification } from './notifications';
import type { Store, StorageArea } from './store';

export type ReplyDeps = {
  store: Store;
  session: StorageArea;
  notifications?: NotificationsApi;
  iconUrl?: string;
  now(): number;
  rearm(): Promise<void>;
  /** action.openPopup where the browser allows it without a click in our own UI (Chrome 127+); false otherwise. */
  openPopup?: () => Promise<boolean>;
  log?: (message: string, error?: unknown) => void;
};

type Origin = { tab?: number; host?: string } | undefined;
type Fail = { ok: false; error: Problem };
const fail = (error: Problem): Fail => ({ ok: false, error });

/** Per tab: batches of seen messages (a scan per list change), and "Log this interview" clicks. */
export const MAILBOX_RATE = { seen: [30, 2_000], log: [5, 3_000] } as const;

/** The id of a reply notification (the click opens the popup, not the reminder page). */
export const REPLY_NOTIFICATION_PREFIX = 'reply:';

const isOpen = (iv: Interview): boolean => !iv.history.some((e) => e.type === 'outcome');

export function createReplyHandlers(deps: ReplyDeps) {
  const { store } = deps;
  const seenLimit = new RateLimiter(MAILBOX_RATE.seen[0], MAILBOX_RATE.seen[1], deps.now);
  const logLimit = new RateLimiter(MAILBOX_RATE.log[0], MAILBOX_RATE.log[1], deps.now);
  const noticing = (): boolean => store.settings().noticeReplies !== false;

  /** One notification per newly asked question; kept in storage.session like the reminders are. */
  const notify = async (iv: Interview, seen: InterviewEvent & { type: 'replySeen' }): Promise<void> => {
    if (!deps.notifications) return;
    const title = replyQuestion(iv, seen, store.settings().timeZone, deps.now());
    const message = t('reply_notifyMessage');
    const id = `${REPLY_NOTIFICATION_PREFIX}${iv.id}`;
    try {
      await deps.notifications.create(id, { type: 'basic', iconUrl: deps.iconUrl ?? '', title, message });
      const shown: ShownNotification = { id, title, message, at: new Date(deps.now()).toISOString(), items: [], buttons: [] };
      const list = (await readShown(deps.session)).filter((n) => n.id !== id);
      await deps.session.set({ [SHOWN_KEY]: [...list, shown].slice(-SHOWN_LIMIT) });
    } catch (error) {
      deps.log?.('the reply notification was not shown', error);
    }
  };

  return {
    async mailboxWatch({ site: name }: Requests['mailboxWatch']['request']): Promise<ResponseOf<'mailboxWatch'>> {
      await store.open();
      const site = name === 'gmail' ? GMAIL_MAILBOX : OUTLOOK_MAILBOX;
      if (!noticing()) return { ok: true, on: false, addresses: [], domains: [], site };
      const addresses = new Set<string>();
      const domains = new Set<string>();
      for (const iv of store.interviews()) {
        if (!isOpen(iv)) continue;
        for (const c of iv.contacts) if (c.email?.includes('@')) addresses.add(c.email.trim().toLowerCase());
        for (const d of confirmedDomains(iv)) domains.add(d);
      }
      return { ok: true, on: true, addresses: [...addresses].sort(), domains: [...domains].sort(), site };
    },

    async repliesSeen({ messages }: Requests['repliesSeen']['request'], origin: Origin): Promise<ResponseOf<'repliesSeen'>> {
      if (!seenLimit.take(`tab:${origin?.tab ?? 'none'}`)) return fail({ code: 'tooFast' });
      await store.open();
      // Switched off after the page asked: nothing is recorded.
      if (!noticing()) return { ok: true, recorded: 0 };
      const settings = store.settings();
      const now = deps.now();
      let recorded = 0;
      for (const m of messages) {
        const received = parseShownTime(m.time, settings.timeZone, now);
        if (received === undefined) continue;
        const candidate: ReplyCandidate = { from: m.from, receivedAt: new Date(received).toISOString(), subject: m.subject };
        if (m.messageId) candidate.messageId = m.messageId;
        for (const iv of store.interviews()) {
          const verdict = judgeReply(iv, candidate, now);
          if (!verdict.ok) continue;
          const asked = pendingReply(iv) !== undefined;
          const saved = await store.update(iv.id, (cur) => (cur && judgeReply(cur, candidate, now).ok ? { ...cur, history: [...cur.history, verdict.event] } : undefined));
          if (!saved) continue;
          recorded++;
          // Told once: a second message while the question is still open adds to the record, not to the noise.
          if (!asked) await notify(saved, verdict.event);
        }
      }
      if (recorded > 0) await deps.rearm();
      return { ok: true, recorded };
    },

    async disownReply({ id }: Requests['disownReply']['request']): Promise<ResponseOf<'disownReply'>> {
      await store.open();
      const iv = store.interview(id);
      if (!iv) return fail({ code: 'notFound' });
      const seen = pendingReply(iv);
      if (!seen) return fail({ code: 'nothingToUndo' });
      const event: InterviewEvent = { type: 'replyNotOurs', at: new Date(deps.now()).toISOString(), from: seen.from, receivedAt: seen.receivedAt };
      if (seen.messageId) event.messageId = seen.messageId;
      const saved = await store.update(id, (cur) => (cur ? { ...cur, history: [...cur.history, event] } : undefined));
      if (!saved) return fail({ code: 'notFound' });
      await deps.notifications?.clear(`${REPLY_NOTIFICATION_PREFIX}${id}`).catch(() => false);
      await deps.rearm();
      return { ok: true, interview: saved };
    },

    async confirmReplyDomain({ id, domain }: Requests['confirmReplyDomain']['request']): Promise<ResponseOf<'confirmReplyDomain'>> {
      await store.open();
      const iv = store.interview(id);
      if (!iv) return fail({ code: 'notFound' });
      const d = domain.trim().toLowerCase();
      // Only a domain of one of its contacts: the popup offers nothing else.
      if (!iv.contacts.some((c) => c.email?.trim().toLowerCase().endsWith(`@${d}`))) return fail({ code: 'notAllowed', type: 'confirmReplyDomain' });
      if (confirmedDomains(iv).includes(d)) return { ok: true, interview: iv };
      const saved = await store.update(id, (cur) => (cur ? { ...cur, history: [...cur.history, { type: 'replyDomain', at: new Date(deps.now()).toISOString(), domain: d }] } : undefined));
      return saved ? { ok: true, interview: saved } : fail({ code: 'notFound' });
    },

    async logFromEmail({ email }: Requests['logFromEmail']['request'], origin: Origin): Promise<ResponseOf<'logFromEmail'>> {
      if (!logLimit.take(`tab:${origin?.tab ?? 'none'}`)) return fail({ code: 'tooFast' });
      await store.open();
      const now = deps.now();
      const reading = readEmail(email, store.settings().timeZone, now);
      const fields = reading.durationMinutes !== undefined ? { ...reading.fields, durationMinutes: reading.durationMinutes } : reading.fields;
      const draft: FormDraft = { at: new Date(now).toISOString(), fields, fromEmail: true };
      try {
        await deps.session.set({ [STORAGE_KEYS.formDraft]: draft });
      } catch (error) {
        deps.log?.('keeping the form draft failed', error);
        return fail({ code: 'saveFailed' });
      }
      const opened = deps.openPopup ? await deps.openPopup().catch(() => false) : false;
      return { ok: true, opened };
    },
  };
}
