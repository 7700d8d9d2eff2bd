/** Shared fakes for the background's unit tests (fake-browser underneath, plus a settable clock). */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { BackgroundPlatform } from '../../src/background/app';
import type { StorageArea } from '../../src/background/store';
import type { Interview, Settings } from '../../src/domain/types';

export const NY: Settings = {
  timeZone: 'America/New_York',
  workWeek: [1, 2, 3, 4, 5],
  holidays: [],
  dayStart: '08:00',
  dayEnd: '20:00',
  preferredTime: '10:00',
};

/** Worked example 1: Tue 2026-11-17 14:00 New York → thank-you Tue 16:00 (21:00Z), due by Wed 14:00; inquiry Tue 11-24 10:00 (15:00Z). */
export function interview(over: Partial<Interview> = {}): Interview {
  return {
    id: 'acme',
    company: 'Acme',
    role: 'Product Designer',
    interviewAt: '2026-11-17T19:00:00.000Z',
    contacts: [{ name: 'Dana Lee', email: 'dana.lee@acme.example' }],
    history: [],
    ...over,
  };
}

export class Clock {
  constructor(public ms: number) {}
  now = (): number => this.ms;
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Wraps a storage area and counts what is written. */
export class CountingArea implements StorageArea {
  sets: Record<string, unknown>[] = [];
  removes: string[][] = [];
  /** Optional delay before each write lands (to expose lost updates). */
  delay: () => number = () => 0;
  constructor(private readonly inner: StorageArea) {}
  get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    return this.inner.get(keys);
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.sets.push(items);
    const d = this.delay();
    if (d > 0) await new Promise((r) => setTimeout(r, d));
    await this.inner.set(items);
  }
  async remove(keys: string | string[]): Promise<void> {
    this.removes.push(Array.isArray(keys) ? keys : [keys]);
    await this.inner.remove(keys);
  }
  reset(): void {
    this.sets = [];
    this.removes = [];
  }
  get keysWritten(): number {
    return this.sets.reduce((n, s) => n + Object.keys(s).length, 0);
  }
  get bytesWritten(): number {
    return this.sets.reduce((n, s) => n + Object.entries(s).reduce((m, [k, v]) => m + k.length + JSON.stringify(v).length, 0), 0);
  }
}

export type FakePlatform = BackgroundPlatform & { opened: string[]; badgeText: string[]; local: CountingArea };

export function fakePlatform(clock: Clock, opts: { buttons?: boolean } = {}): FakePlatform {
  const opened: string[] = [];
  const badgeText: string[] = [];
  const local = new CountingArea(fakeBrowser.storage.local as unknown as StorageArea);
  return {
    local,
    session: fakeBrowser.storage.session as unknown as StorageArea,
    alarms: {
      create: (name, info) => fakeBrowser.alarms.create(name, info),
      clear: (name) => fakeBrowser.alarms.clear(name),
      getAll: () => fakeBrowser.alarms.getAll(),
    },
    notifications: {
      create: (id, options) => fakeBrowser.notifications.create(id, options as never),
      clear: (id) => fakeBrowser.notifications.clear(id),
    },
    badge: { setText: (t) => void badgeText.push(t) },
    openTab: async (url) => void opened.push(url),
    runtimeId: fakeBrowser.runtime.id,
    extensionUrl: (path) => fakeBrowser.runtime.getURL(path),
    buttons: opts.buttons ?? true,
    now: clock.now,
    opened,
    badgeText,
  };
}

/** Notifications currently shown by fake-browser, with their options. */
export function shownNotifications(): Record<string, { title: string; message: string; buttons?: { title: string }[] }> {
  return (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, never> }).getAllCreateOptions();
}

export async function seed(items: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.local.set(items);
}

export function pageSender(path = 'src/popup/index.html') {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(path) };
}

/** Bytes a value takes in storage as Chrome counts them: the key plus its JSON. */
export function storedBytes(key: string, value: unknown): number {
  return key.length + (JSON.stringify(value)?.length ?? 0);
}

/**
 * A storage area with Chrome's quota rule: a set that would leave more than `quota` bytes in use
 * (keys plus JSON values, after the change) is refused whole, with Chrome's error. Removes always work.
 */
export class QuotaArea implements StorageArea {
  private sizes = new Map<string, number>();
  private total = 0;
  sets = 0;
  refused = 0;
  constructor(
    private readonly inner: StorageArea,
    public quota: number,
  ) {}
  /** Reads what the inner area holds now (call after seeding it directly). */
  async sync(): Promise<this> {
    this.sizes.clear();
    this.total = 0;
    for (const [k, v] of Object.entries(await this.inner.get(null))) this.track(k, storedBytes(k, v));
    return this;
  }
  get bytesInUse(): number {
    return this.total;
  }
  private track(key: string, size: number | undefined): void {
    this.total -= this.sizes.get(key) ?? 0;
    if (size === undefined) this.sizes.delete(key);
    else {
      this.sizes.set(key, size);
      this.total += size;
    }
  }
  get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    return this.inner.get(keys);
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.sets++;
    let after = this.total;
    for (const [k, v] of Object.entries(items)) after += storedBytes(k, v) - (this.sizes.get(k) ?? 0);
    if (after > this.quota) {
      this.refused++;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    await this.inner.set(items);
    for (const [k, v] of Object.entries(items)) this.track(k, storedBytes(k, v));
  }
  async remove(keys: string | string[]): Promise<void> {
    await this.inner.remove(keys);
    for (const k of Array.isArray(keys) ? keys : [keys]) this.track(k, undefined);
  }
}
