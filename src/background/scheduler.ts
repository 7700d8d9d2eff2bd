/**
 * Alarms are a cache of what storage says. The scheduler keeps exactly one
 * alarm, at the earliest pending notify time over all interviews (`nextDue`),
 * and re-derives it from storage on every background start, on install,
 * update and browser start, after every change, and when the alarm fires.
 *
 * `reconcile()` is the whole algorithm, and it is safe to run at any time:
 * 1. every step now due and not yet notified (`dueNow`) gets a "notified" event
 *    written to its interview *before* anything is shown, so a kill in between
 *    can lose one notification but never show one twice;
 * 2. they are shown: one → its own notification, several (the browser was
 *    closed, the machine slept) → one summary;
 * 3. the one alarm is set to the next step's time (other alarms are cleared);
 * 4. the toolbar badge shows how many steps are due now.
 * Runs are serialised and coalesced: a request during a run causes one more run.
 */
import { countDue, dueNow, nextDue, type DueStep } from '../domain/plan';
import type { Interview } from '../domain/types';
import type { Notifier, Reminder, ShownNotification } from './notifications';
import type { Store } from './store';

export const ALARM_NAME = 'followup-next';
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

export class Scheduler {
  private running: Promise<ReconcileResult> | undefined;
  private again: Promise<ReconcileResult> | undefined;
  private lastBadge: string | undefined;
  /** Counts for tests and the bench. */
  readonly stats = { runs: 0, alarmWrites: 0 };

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

  private async runOnce(): Promise<ReconcileResult> {
    const { store, now: clock } = this.deps;
    await store.open();
    this.stats.runs++;
    const now = clock();
    const settings = store.settings();
    const due = dueNow(store.interviews(), settings, new Date(now));
    const result: ReconcileResult = { notified: [], badge: 0 };

    if (due.length > 0) {
      const notified = await this.markNotified(due, now);
      result.notified = notified.map((r) => ({ interviewId: r.interview.id, step: r.step }));
      try {
        result.shown = await this.deps.notifier.show(notified, settings, now);
      } catch (error) {
        // Already marked: a failed notification is not retried (it would risk a double).
        this.deps.log?.('showing a reminder failed', error);
      }
    }

    result.armedAt = await this.arm(now);
    result.badge = countDue(store.interviews(), settings, new Date(now));
    await this.setBadge(result.badge);
    return result;
  }

  /** Writes a "notified" event for each due step (one write per interview) and returns what was marked. */
  private async markNotified(due: DueStep[], now: number): Promise<Reminder[]> {
    const at = new Date(now).toISOString();
    const byInterview = new Map<string, DueStep[]>();
    for (const d of due) byInterview.set(d.interviewId, [...(byInterview.get(d.interviewId) ?? []), d]);
    const marked: Reminder[] = [];
    await Promise.all(
      [...byInterview].map(async ([id, steps]) => {
        try {
          const updated = await this.deps.store.update(id, (cur): Interview | undefined => {
            if (!cur) return undefined;
            return { ...cur, history: [...cur.history, ...steps.map((d) => ({ type: 'notified' as const, step: d.step.kind, at, round: d.step.round }))] };
          });
          if (updated) for (const d of steps) marked.push({ interview: updated, step: { ...d.step, notifiedAt: at } });
        } catch (error) {
          this.deps.log?.(`could not mark interview ${id} as notified`, error);
        }
      }),
    );
    // Oldest due first, as dueNow ordered them.
    const order = new Map(due.map((d, i) => [`${d.interviewId}\u0000${d.step.kind}\u0000${d.step.round}`, i]));
    marked.sort((a, b) => (order.get(`${a.interview.id}\u0000${a.step.kind}\u0000${a.step.round}`) ?? 0) - (order.get(`${b.interview.id}\u0000${b.step.kind}\u0000${b.step.round}`) ?? 0));
    return marked;
  }

  /** Keeps exactly one alarm, at the next pending step (clamped to now + minDelay). */
  private async arm(now: number): Promise<number | undefined> {
    const { store, alarms } = this.deps;
    const next = nextDue(store.interviews(), store.settings(), new Date(now));
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
