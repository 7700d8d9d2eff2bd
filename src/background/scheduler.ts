/**
 * Alarms are a cache of what storage says. The scheduler keeps exactly one
 * alarm, at the earliest pending notify time over all interviews (`nextDue`),
 * and re-derives it from storage on every background start, on install,
 * update and browser start, after every change, and when the alarm fires.
 *
 * `reconcile()` is the whole algorithm, and it is safe to run at any time:
 * 1. every step now due and not yet notified (`dueNow`) gets a "notified" event
 *    written to its interview *before* anything is shown, so a kill in between
 *    never shows one twice. The writes go in batches (one storage write per
 *    MARK_BATCH interviews, a turn of the event loop between them), so a long
 *    catch-up after days away doesn't hold up the pages' requests;
 * 2. they are shown: one → its own notification, several (the browser was
 *    closed, the machine slept) → one summary. If the browser refuses to show
 *    it, the marks are taken back and the alarm retries in a minute: a failed
 *    notification is retried, never lost;
 * 3. a mark that can't be written (storage full, data from a newer version)
 *    doesn't stop the reminder: it is shown, and the mark is kept in
 *    storage.session (UNSAVED_KEY) so it isn't shown again in this browser
 *    session, and written as soon as there is room;
 * 4. the one alarm is set to the next step's time (other alarms are cleared);
 * 5. the toolbar badge shows how many steps are due now.
 * Runs are serialised and coalesced: a request during a run causes one more run.
 */
import { countDue, dueNow, nextDue, type DueStep } from '../domain/plan';
import type { Interview, InterviewEvent } from '../domain/types';
import type { Notifier, Reminder, ShownNotification } from './notifications';
import type { StorageArea, Store } from './store';

export const ALARM_NAME = 'followup-next';
/** storage.session: notified marks shown but not yet written to storage.local, by interview id. */
export const UNSAVED_KEY = 'unsavedReminders';
/** Interviews marked per storage write during a catch-up. */
export const MARK_BATCH = 250;
const RETRY_MS = 60_000;
const CHROME_MIN_DELAY_MS = 30_000;

export type AlarmInfo = { name: string; scheduledTime: number };
export type AlarmsApi = {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<AlarmInfo[]>;
};
export type BadgeApi = { setText(text: string): Promise<void> | void };

export type SchedulerDeps = {
  store: Store;
  alarms: AlarmsApi;
  notifier: Notifier;
  /** storage.session, for marks that could not be written yet. */
  session?: StorageArea;
  badge?: BadgeApi;
  now: () => number;
  /** Never arm closer than this to now (Chrome clamps shorter delays anyway). */
  minDelayMs?: number;
  log?: (message: string, error?: unknown) => void;
};

export type ReconcileResult = {
  notified: DueStep[];
  shown?: ShownNotification;
  /** Epoch ms of the one alarm, or undefined when nothing is pending. */
  armedAt?: number;
  badge: number;
};

type Notified = Extract<InterviewEvent, { type: 'notified' }>;

const stepKey = (id: string, kind: string, round: number): string => `${id}\u0000${kind}\u0000${round}`;
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Scheduler {
  private running: Promise<ReconcileResult> | undefined;
  private again: Promise<ReconcileResult> | undefined;
  private lastBadge: string | undefined;
  /** True while a run is writing "notified" marks (a catch-up may take many writes). */
  private marking = false;
  /** Marks shown but not written (storage full / read-only), by interview id; mirrored in storage.session. */
  private unsaved: Map<string, Notified[]> | undefined;
  /** Counts for tests and the bench. */
  readonly stats = { runs: 0, alarmWrites: 0, markWrites: 0 };

  constructor(private readonly deps: SchedulerDeps) {}

  /**
   * Runs the algorithm now, or once more after the run in progress (several
   * requests during one run share that one extra run).
   */
  reconcile(): Promise<ReconcileResult> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.again ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.again = undefined;
        return this.reconcile();
      });
    return this.again;
  }

  /**
   * After a change (a save): runs and waits, so an answer means the alarm is right; but while
   * a catch-up is marking reminders, only asks for one more run and returns at once, so the
   * pages are never kept waiting for it.
   */
  async request(): Promise<void> {
    const next = this.reconcile();
    if (this.marking) {
      next.catch((error: unknown) => this.deps.log?.('re-arming failed', error));
      return;
    }
    await next;
  }

  private async runOnce(): Promise<ReconcileResult> {
    const { store, now: clock } = this.deps;
    await store.open();
    this.stats.runs++;
    await this.flushUnsaved();
    const now = clock();
    const settings = store.settings();
    const due = dueNow(this.planned(), settings, new Date(now));
    const result: ReconcileResult = { notified: [], badge: 0 };

    if (due.length > 0) {
      this.marking = true;
      let marks: { written: Reminder[]; unsaved: Reminder[] };
      try {
        marks = await this.markNotified(due, now);
      } finally {
        this.marking = false;
      }
      const reminders = this.inDueOrder(due, [...marks.written, ...marks.unsaved]);
      result.notified = reminders.map((r) => ({ interviewId: r.interview.id, step: r.step }));
      try {
        result.shown = await this.deps.notifier.show(reminders, settings, now);
      } catch (error) {
        // Not shown: take the marks back, so the retry alarm shows it (never lost).
        this.deps.log?.('showing a reminder failed; it will be retried', error);
        await this.takeBack(marks, now);
        result.notified = [];
      }
    }

    result.armedAt = await this.arm(now);
    result.badge = countDue(store.interviews(), settings, new Date(now));
    await this.setBadge(result.badge);
    return result;
  }

  /** The interviews as the planner must see them: with the marks not written yet. */
  private planned(): readonly Interview[] {
    const list = this.deps.store.interviews();
    const unsaved = this.unsaved;
    if (!unsaved || unsaved.size === 0) return list;
    return list.map((iv) => {
      const marks = unsaved.get(iv.id);
      return marks ? { ...iv, history: [...iv.history, ...marks] } : iv;
    });
  }

  private inDueOrder(due: DueStep[], reminders: Reminder[]): Reminder[] {
    const order = new Map(due.map((d, i) => [stepKey(d.interviewId, d.step.kind, d.step.round), i]));
    const at = (r: Reminder) => order.get(stepKey(r.interview.id, r.step.kind, r.step.round)) ?? 0;
    return [...reminders].sort((a, b) => at(a) - at(b));
  }

  /**
   * Writes a "notified" event for each due step, MARK_BATCH interviews per write. What can't be
   * written (storage full, newer data, a record at its history limit) is kept as unsaved.
   */
  private async markNotified(due: DueStep[], now: number): Promise<{ written: Reminder[]; unsaved: Reminder[] }> {
    const at = new Date(now).toISOString();
    const byInterview = new Map<string, DueStep[]>();
    for (const d of due) {
      const list = byInterview.get(d.interviewId);
      if (list) list.push(d);
      else byInterview.set(d.interviewId, [d]);
    }
    const eventsFor = (id: string): Notified[] => byInterview.get(id)!.map((d) => ({ type: 'notified', step: d.step.kind, at, round: d.step.round }));
    const written: Reminder[] = [];
    const unsaved: Reminder[] = [];
    const ids = [...byInterview.keys()];
    const { store } = this.deps;
    for (let i = 0; i < ids.length; i += MARK_BATCH) {
      if (i > 0) await nextTurn(); // let the pages' requests in between batches
      const batch = ids.slice(i, i + MARK_BATCH);
      let saved: Interview[] = [];
      if (!store.readOnly) {
        try {
          saved = await store.updateMany(batch, (cur) => ({ ...cur, history: [...cur.history, ...eventsFor(cur.id)] }));
          this.stats.markWrites++;
        } catch (error) {
          this.deps.log?.('could not record reminders as shown; they are kept for this session', error);
        }
      }
      const savedIds = new Set(saved.map((iv) => iv.id));
      for (const iv of saved) for (const d of byInterview.get(iv.id)!) written.push({ interview: iv, step: { ...d.step, notifiedAt: at } });
      for (const id of batch) {
        const iv = store.interview(id);
        if (savedIds.has(id) || !iv) continue;
        this.unsaved!.set(id, [...(this.unsaved!.get(id) ?? []), ...eventsFor(id)]);
        for (const d of byInterview.get(id)!) unsaved.push({ interview: iv, step: { ...d.step, notifiedAt: at } });
      }
    }
    if (unsaved.length > 0) await this.saveUnsaved();
    return { written, unsaved };
  }

  /** Removes the marks of a notification that was not shown. */
  private async takeBack(marks: { written: Reminder[]; unsaved: Reminder[] }, now: number): Promise<void> {
    const at = new Date(now).toISOString();
    const isMark = (e: InterviewEvent): boolean => e.type === 'notified' && e.at === at;
    const ids = [...new Set(marks.written.map((r) => r.interview.id))];
    for (let i = 0; i < ids.length; i += MARK_BATCH) {
      try {
        await this.deps.store.updateMany(ids.slice(i, i + MARK_BATCH), (cur) => (cur.history.some(isMark) ? { ...cur, history: cur.history.filter((e) => !isMark(e)) } : undefined));
      } catch (error) {
        this.deps.log?.('could not take back the marks of a reminder that was not shown', error);
      }
    }
    if (marks.unsaved.length > 0) {
      for (const r of marks.unsaved) {
        const left = (this.unsaved!.get(r.interview.id) ?? []).filter((e) => !isMark(e));
        if (left.length > 0) this.unsaved!.set(r.interview.id, left);
        else this.unsaved!.delete(r.interview.id);
      }
      await this.saveUnsaved();
    }
  }

  /** Loads the unsaved marks once, then writes them if there is room now. */
  private async flushUnsaved(): Promise<void> {
    if (!this.unsaved) {
      this.unsaved = new Map();
      try {
        const got = (await this.deps.session?.get(UNSAVED_KEY))?.[UNSAVED_KEY];
        if (got && typeof got === 'object') {
          for (const [id, marks] of Object.entries(got as Record<string, unknown>)) if (Array.isArray(marks)) this.unsaved.set(id, marks as Notified[]);
        }
      } catch (error) {
        this.deps.log?.('could not read the unsaved reminders', error);
      }
    }
    const { store } = this.deps;
    if (this.unsaved.size === 0 || store.readOnly) return;
    const ids = [...this.unsaved.keys()];
    const marks = this.unsaved;
    const same = (a: InterviewEvent, b: Notified) => a.type === 'notified' && a.step === b.step && a.round === b.round && a.at === b.at;
    try {
      for (let i = 0; i < ids.length; i += MARK_BATCH) {
        const batch = ids.slice(i, i + MARK_BATCH);
        const saved = new Set((await store.updateMany(batch, (cur) => {
          const add = (marks.get(cur.id) ?? []).filter((m) => !cur.history.some((e) => same(e, m)));
          return add.length > 0 ? { ...cur, history: [...cur.history, ...add] } : undefined;
        })).map((iv) => iv.id));
        for (const id of batch) {
          const cur = store.interview(id);
          // Written, gone, or already there; one the store refused (its history is full) stays unsaved.
          if (saved.has(id) || !cur || (marks.get(id) ?? []).every((m) => cur.history.some((e) => same(e, m)))) marks.delete(id);
        }
      }
    } catch {
      // Still no room: they stay unsaved (and shown once) until there is.
    }
    await this.saveUnsaved();
  }

  private async saveUnsaved(): Promise<void> {
    if (!this.deps.session || !this.unsaved) return;
    try {
      if (this.unsaved.size === 0) await this.deps.session.remove(UNSAVED_KEY);
      else await this.deps.session.set({ [UNSAVED_KEY]: Object.fromEntries(this.unsaved) });
    } catch (error) {
      this.deps.log?.('could not keep the unsaved reminders', error);
    }
  }

  /** Keeps exactly one alarm, at the next pending step (clamped to now + minDelay). */
  private async arm(now: number): Promise<number | undefined> {
    const { store, alarms } = this.deps;
    const next = nextDue(this.planned(), store.settings(), new Date(now));
    const existing = await alarms.getAll();
    for (const a of existing) if (a.name !== ALARM_NAME) await alarms.clear(a.name);
    if (!next) {
      if (existing.some((a) => a.name === ALARM_NAME)) await alarms.clear(ALARM_NAME);
      return undefined;
    }
    const at = Date.parse(next.step.notifyAt);
    // A step still due after this run means marking it failed: retry in a minute, not in a loop.
    const when = at <= now ? now + RETRY_MS : Math.max(at, now + (this.deps.minDelayMs ?? 1000));
    const current = existing.find((a) => a.name === ALARM_NAME);
    // A packed Chrome extension's alarm fires no sooner than 30 s after it is set: an alarm
    // already waiting inside that clamp is kept, or a stream of edits would keep pushing it back.
    const clampEnd = now + CHROME_MIN_DELAY_MS;
    const keep = current && (current.scheduledTime === when || (when < clampEnd && current.scheduledTime >= when && current.scheduledTime <= clampEnd));
    if (!keep) {
      await alarms.create(ALARM_NAME, { when });
      this.stats.alarmWrites++;
    }
    return keep ? current.scheduledTime : when;
  }

  private async setBadge(count: number): Promise<void> {
    const text = count > 0 ? (count > 99 ? '99+' : String(count)) : '';
    if (text === this.lastBadge || !this.deps.badge) return;
    try {
      await this.deps.badge.setText(text);
      this.lastBadge = text;
    } catch (error) {
      this.deps.log?.('setting the badge failed', error);
    }
  }
}
