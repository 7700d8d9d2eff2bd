/**
 * Reminder notifications: the wording (what to do, for whom, by when), the
 * per-browser shape (Chrome gets two buttons; Firefox has none, so a click
 * opens the reminder page with the same actions) and the record of what was
 * shown, kept in storage.session once it is shown, for the reminder page (and for
 * tests: Chrome's getAll() returns only ids, and headless Firefox closes notifications at once).
 */
import { localDayOf } from '../domain/calendar';
import type { DraftKind, FollowUpStep, Interview, Settings, StepKind } from '../domain/types';
import { formatShortDate, formatTime, formatWeekday } from '../shared/format';
import { t, uiLanguage } from '../shared/i18n';
import type { ReminderAction, ReminderItem } from '../shared/protocol';
import type { StorageArea } from './store';

export type { ReminderAction, ReminderItem };

export type Reminder = { interview: Interview; step: FollowUpStep };

export type ShownNotification = {
  id: string;
  title: string;
  message: string;
  /** ISO instant it was shown. */
  at: string;
  items: ReminderItem[];
  /** Chrome buttons, in order (empty in Firefox and for summaries). */
  buttons: ReminderAction[];
  /** Items of a summary not kept in storage.session (beyond SHOWN_ITEMS_LIMIT); the popup lists them all. */
  more?: number;
};

export const SHOWN_KEY = 'shownNotifications';
export const SHOWN_LIMIT = 20;
/**
 * Items kept per notification in storage.session, so a summary of thousands of reminders stays a
 * few kilobytes (storage.session holds 10 MB for everything; a full summary of 40,000 would not fit).
 */
export const SHOWN_ITEMS_LIMIT = 50;
export const REMINDER_PAGE = 'src/reminder/index.html';

/** A button's or action's label, in the browser's language. */
export function actionLabel(action: ReminderAction): string {
  return action === 'write' ? t('notify_write') : action === 'snooze' ? t('notify_snooze') : t('notify_dismiss');
}

// ---------------------------------------------------------------------------
// Wording

/** "2:00 PM" in the user's zone (and the browser's locale). */
export function clockTime(ms: number, timeZone: string): string {
  return formatTime(ms, { timeZone });
}

/** "2:00 PM today" / "2:00 PM tomorrow" / "2:00 PM Wednesday" / "2:00 PM on Nov 24", relative to `now` in the user's zone. */
export function whenPhrase(ms: number, now: number, timeZone: string): string {
  const days = localDayOf(ms, timeZone) - localDayOf(now, timeZone);
  const time = clockTime(ms, timeZone);
  if (days === 0) return t('notify_today', time);
  if (days === 1) return t('notify_tomorrow', time);
  if (days > 1 && days < 7) return t('notify_weekday', time, formatWeekday(ms, { timeZone }));
  return t('notify_onDate', time, formatShortDate(ms, { timeZone }));
}

function primaryContact(interview: Interview): string | undefined {
  const name = interview.contacts?.[0]?.name?.trim();
  return name ? name : undefined;
}

/** "Dana Lee at Acme", or "Acme" when no interviewer was logged. */
function who(interview: Interview): string {
  const contact = primaryContact(interview);
  return contact ? t('notify_contactAt', contact, interview.company) : interview.company;
}

/** "Chris Park and Jordan Reyes", in the language of the messages. */
function listOf(names: string[]): string {
  try {
    return new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** Whom a thank-you is still owed to: "Chris Park and Jordan Reyes at Acme" (each interviewer gets a note); `alone` without a name. */
function thankWhom(interview: Interview, step: FollowUpStep, alone: string): string {
  const pending = (step.contacts ?? []).filter((c) => c.status === 'pending').map((c) => c.name.trim()).filter(Boolean);
  const names = pending.length > 0 ? listOf(pending) : primaryContact(interview);
  return names ? t('notify_contactAt', names, interview.company) : alone;
}

export function draftKindOf(step: StepKind): DraftKind | undefined {
  return step === 'move-on' ? undefined : step;
}

/** The notification for one reminder. */
export function reminderText({ interview, step }: Reminder, settings: Settings, now: number): { title: string; message: string } {
  const { company, role } = interview;
  switch (step.kind) {
    case 'thank-you': {
      const dueBy = step.dueBy === undefined ? undefined : Date.parse(step.dueBy);
      const whom = thankWhom(interview, step, t('notify_companyTeam', company));
      const message =
        dueBy !== undefined && Number.isFinite(dueBy) && dueBy > now
          ? t('notify_thankYouBy', whom, role, whenPhrase(dueBy, now, settings.timeZone))
          : t('notify_thankYouLate', whom, role);
      return { title: t('notify_thankYouTitle', company), message };
    }
    case 'status-inquiry':
      return { title: t('notify_inquiryTitle', company), message: t(step.callAcceptable ? 'notify_inquiryCall' : 'notify_inquiry', who(interview), role) };
    case 'move-on':
      return { title: t('notify_moveOnTitle', company), message: t('notify_moveOn', company, role) };
    case 'final-check-in':
      return { title: t('notify_finalTitle', company), message: t('notify_final', role, who(interview)) };
  }
}

/** One line of a summary. */
export function summaryLine({ interview, step }: Reminder, settings: Settings, now: number): string {
  switch (step.kind) {
    case 'thank-you': {
      const dueBy = step.dueBy === undefined ? NaN : Date.parse(step.dueBy);
      const whom = thankWhom(interview, step, interview.company);
      return Number.isFinite(dueBy) && dueBy > now ? t('notify_lineThankYouBy', whom, whenPhrase(dueBy, now, settings.timeZone)) : t('notify_lineThankYou', whom);
    }
    case 'status-inquiry':
      return t('notify_lineInquiry', who(interview), interview.role);
    case 'move-on':
      return t('notify_lineMoveOn', interview.company);
    case 'final-check-in':
      return t('notify_lineFinal', interview.company);
  }
}

export const SUMMARY_LINES = 4;

/** Several reminders at once (after the browser was closed, or the machine slept): one notification. */
export function summaryText(reminders: Reminder[], settings: Settings, now: number): { title: string; message: string } {
  const lines = reminders.slice(0, SUMMARY_LINES).map((r) => `• ${summaryLine(r, settings, now)}`);
  if (reminders.length > SUMMARY_LINES) lines.push(t('notify_summaryMore', reminders.length - SUMMARY_LINES));
  return { title: t('notify_summaryTitle', reminders.length), message: lines.join('\n') };
}

export function reminderId(interviewId: string, step: StepKind, round: number): string {
  return `reminder:${interviewId}:${step}:${round}`;
}

/** Reads a one-reminder notification id back (interview ids may hold ":"). */
export function parseReminderId(id: string): { interviewId: string; step: StepKind; round: number } | undefined {
  const m = /^reminder:(.+):(thank-you|status-inquiry|move-on|final-check-in):(\d+)$/.exec(id);
  return m ? { interviewId: m[1]!, step: m[2] as StepKind, round: Number(m[3]) } : undefined;
}

export function itemFor(r: Reminder, settings: Settings, now: number): ReminderItem {
  const text = reminderText(r, settings, now);
  const draftKind = draftKindOf(r.step.kind);
  const item: ReminderItem = {
    interviewId: r.interview.id,
    step: r.step.kind,
    round: r.step.round,
    company: r.interview.company,
    role: r.interview.role,
    title: text.title,
    message: text.message,
    actions: draftKind ? ['write', 'snooze'] : ['dismiss', 'snooze'],
  };
  if (draftKind) item.draftKind = draftKind;
  return item;
}

/** The notification for `reminders` (one → its own wording and buttons; several → a summary). */
export function buildNotification(reminders: Reminder[], settings: Settings, now: number, buttons: boolean): ShownNotification {
  const items = reminders.map((r) => itemFor(r, settings, now));
  const at = new Date(now).toISOString();
  if (items.length === 1) {
    const item = items[0]!;
    return { id: reminderId(item.interviewId, item.step, item.round), title: item.title, message: item.message, at, items, buttons: buttons ? item.actions : [] };
  }
  const text = summaryText(reminders, settings, now);
  return { id: `summary:${now}`, title: text.title, message: text.message, at, items, buttons: [] };
}

// ---------------------------------------------------------------------------
// Showing

export type NotificationOptions = {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
};

export type NotificationsApi = {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
};

export class Notifier {
  constructor(
    private readonly api: NotificationsApi,
    private readonly session: StorageArea,
    private readonly options: { buttons: boolean; iconUrl: string; log?: (message: string, error?: unknown) => void },
  ) {}

  get hasButtons(): boolean {
    return this.options.buttons;
  }

  /**
   * Shows the notification (throws if the browser refused), then records it in storage.session
   * for the reminder page: only what was shown is recorded, and a failure to record it never
   * takes the notification back.
   */
  async show(reminders: Reminder[], settings: Settings, now: number): Promise<ShownNotification | undefined> {
    if (reminders.length === 0) return undefined;
    const shown = buildNotification(reminders, settings, now, this.options.buttons);
    const opts: NotificationOptions = { type: 'basic', iconUrl: this.options.iconUrl, title: shown.title, message: shown.message };
    if (this.options.buttons) {
      // Chrome only: Firefox throws on both properties.
      if (shown.buttons.length > 0) opts.buttons = shown.buttons.map((a) => ({ title: actionLabel(a) }));
      opts.requireInteraction = true;
    }
    await this.api.create(shown.id, opts);
    try {
      await this.remember(shown);
    } catch (error) {
      this.options.log?.('could not keep the notification for the reminder page', error);
    }
    return shown;
  }

  async clear(id: string): Promise<void> {
    await this.api.clear(id).catch(() => false);
  }

  async lookup(id: string): Promise<ShownNotification | undefined> {
    return (await readShown(this.session)).find((n) => n.id === id);
  }

  private async remember(n: ShownNotification): Promise<void> {
    const list = (await readShown(this.session)).filter((x) => x.id !== n.id);
    list.push(n.items.length > SHOWN_ITEMS_LIMIT ? { ...n, items: n.items.slice(0, SHOWN_ITEMS_LIMIT), more: n.items.length - SHOWN_ITEMS_LIMIT } : n);
    await this.session.set({ [SHOWN_KEY]: list.slice(-SHOWN_LIMIT) });
  }
}

export async function readShown(session: StorageArea): Promise<ShownNotification[]> {
  const got = await session.get(SHOWN_KEY);
  const list = got[SHOWN_KEY];
  return Array.isArray(list) ? (list as ShownNotification[]) : [];
}
