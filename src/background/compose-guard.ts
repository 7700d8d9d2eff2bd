/**
 * What the background keeps about the webmail content script, so a page (or a script in the content
 * script's world) gets no more than the compose panel needs (issue 16, F1):
 * - the ledger of drafts offered to each tab: a content script may mark as sent only a step the
 *   background offered to that tab, and undo only a "sent" it recorded itself;
 * - rate limits (token buckets, in memory: a restarted background starts with full buckets);
 * - the ring of recent content-script errors and the skeleton of the last compose it failed on,
 *   for "Copy diagnostics" in Options (issue 14).
 * All of it lives in storage.session: gone when the browser closes, never synced, never exported.
 */
import type { DraftKind } from '../domain/types';
import type { ComposeSkeleton, ContentError } from '../shared/protocol';
import type { SenderKind } from '../shared/protocol-schema';
import type { StorageArea } from './store';

/** Who sent a message: its kind, and for a content script its tab and the mail host it runs on. */
export type SenderInfo = { kind: SenderKind; tab?: number; host?: string; /** Gmail's account index, from the tab's /mail/u/N/ path. */ account?: number };

export const LEDGER_KEY = 'composeOffers';
export const ERRORS_KEY = 'contentErrors';
export const SKELETON_KEY = 'composeSkeleton';
/** Offers kept per browser session (oldest dropped first). */
export const LEDGER_LIMIT = 200;
/** Content-script errors kept for diagnostics (oldest dropped first). */
export const ERRORS_LIMIT = 20;

/** `contact`: the interviewer a thank-you was drafted for (a contactKey); a 'sent' must name the same one. */
type Offer = { tab: number; id: string; kind: DraftKind; sent: boolean; contact?: string };
/** A draft offered to a tab: its step and, for a thank-you, whom it is for. */
export type Offered = { kind: DraftKind; contact?: string };

const same = (o: Offer, tab: number | undefined, id: string, kind: string, contact: string | undefined) => o.tab === tab && o.id === id && o.kind === kind && o.contact === contact;

/** A token bucket per key: `capacity` at once, then one more every `refillMs`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = Math.min(this.capacity, b.tokens + Math.max(0, now - b.at) / this.refillMs);
    const ok = refilled >= 1;
    this.buckets.set(key, { tokens: ok ? refilled - 1 : refilled, at: now });
    // Full buckets carry no information: drop them so the map stays small.
    if (this.buckets.size > 1000) for (const [k, v] of this.buckets) if (v.tokens >= this.capacity - 1) this.buckets.delete(k);
    return ok;
  }
}

const isOffer = (x: unknown): x is Offer =>
  !!x && typeof x === 'object' && typeof (x as Offer).tab === 'number' && typeof (x as Offer).id === 'string' && typeof (x as Offer).kind === 'string';

/** Replaces every token holding an "@" (an address, or what may be one) with <address>: diagnostics carry no addresses. */
export function scrubAddresses(text: string): string {
  return text
    .split(/(\s+)/)
    .map((token) => (token.includes('@') ? '<address>' : token))
    .join('');
}

export class ComposeGuard {
  /** Ledger writes run one after another (read, change, write back). */
  private chain: Promise<unknown> = Promise.resolve();
  private memory: Record<string, unknown> = {};

  constructor(
    private readonly session: StorageArea | undefined,
    private readonly now: () => number,
  ) {}

  private async read<T>(key: string, fallback: T): Promise<T> {
    const got = this.session ? await this.session.get(key) : this.memory;
    return (got[key] as T | undefined) ?? fallback;
  }

  private async write(key: string, value: unknown): Promise<void> {
    if (this.session) await this.session.set({ [key]: value });
    else this.memory[key] = value;
  }

  /** Runs `fn` on the stored list under `key` after every earlier change, and stores what it returns. */
  private change<T>(key: string, fn: (list: T[]) => T[], valid: (x: unknown) => x is T): Promise<void> {
    const next = this.chain.then(async () => {
      const raw = await this.read<unknown>(key, []);
      const list = Array.isArray(raw) ? raw.filter(valid) : [];
      await this.write(key, fn(list));
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Remembers that `tab` was offered these drafts of interview `id` (a thank-you: for the contact it names). */
  offer(tab: number | undefined, id: string, offers: readonly Offered[]): Promise<void> {
    if (tab === undefined || offers.length === 0) return Promise.resolve();
    return this.change<Offer>(
      LEDGER_KEY,
      (list) => {
        const fresh = offers.filter((f) => !list.some((o) => same(o, tab, id, f.kind, f.contact)));
        return [...list, ...fresh.map((f) => ({ tab, id, kind: f.kind, sent: false, ...(f.contact ? { contact: f.contact } : {}) }))].slice(-LEDGER_LIMIT);
      },
      isOffer,
    );
  }

  /** True when `tab` was offered any draft of interview `id` (its page may then have it named in a tone check). */
  async offered(tab: number | undefined, id: string): Promise<boolean> {
    await this.chain;
    const list = await this.read<unknown[]>(LEDGER_KEY, []);
    return Array.isArray(list) && list.some((o) => isOffer(o) && o.tab === tab && o.id === id);
  }

  /** True when `tab` was offered this step (for this contact) and has not marked it as sent yet. */
  async mayMarkSent(tab: number | undefined, id: string, kind: string, contact?: string): Promise<boolean> {
    await this.chain;
    const list = await this.read<unknown[]>(LEDGER_KEY, []);
    return Array.isArray(list) && list.some((o) => isOffer(o) && same(o, tab, id, kind, contact) && !o.sent);
  }

  /** True when `tab` marked this step (for this contact) as sent itself (so its Undo may take it back). */
  async mayUndoSent(tab: number | undefined, id: string, kind: string, contact?: string): Promise<boolean> {
    await this.chain;
    const list = await this.read<unknown[]>(LEDGER_KEY, []);
    return Array.isArray(list) && list.some((o) => isOffer(o) && same(o, tab, id, kind, contact) && o.sent);
  }

  /** Records that the offered step was marked as sent (true) or that its Undo went through (false). */
  markSent(tab: number | undefined, id: string, kind: string, sent: boolean, contact?: string): Promise<void> {
    return this.change<Offer>(LEDGER_KEY, (list) => list.map((o) => (same(o, tab, id, kind, contact) ? { ...o, sent } : o)), isOffer);
  }

  /** Keeps a content-script error (and the skeleton of the compose it happened in, if any). */
  async report(host: string, where: string, message: string, skeleton?: string): Promise<void> {
    const at = new Date(this.now()).toISOString();
    const entry: ContentError = { at, where: scrubAddresses(where), message: scrubAddresses(message), host };
    await this.change<ContentError>(ERRORS_KEY, (list) => [...list, entry].slice(-ERRORS_LIMIT), (x): x is ContentError => !!x && typeof x === 'object');
    if (skeleton) {
      const kept: ComposeSkeleton = { at, where: entry.where, host, skeleton: scrubAddresses(skeleton) };
      await this.write(SKELETON_KEY, kept);
    }
  }

  async diagnostics(): Promise<{ errors: ContentError[]; skeleton?: ComposeSkeleton }> {
    await this.chain;
    const errors = await this.read<unknown>(ERRORS_KEY, []);
    const skeleton = await this.read<ComposeSkeleton | undefined>(SKELETON_KEY, undefined);
    return { errors: Array.isArray(errors) ? (errors as ContentError[]) : [], ...(skeleton ? { skeleton } : {}) };
  }
}
