/**
 * In-memory storage areas that behave like the extension's: values are copied in and out
 * (structured clone), and every change is reported to storage.onChanged listeners with the
 * area's name, so the pages' own loading and watching code runs on them unchanged.
 */
import type { StorageArea } from '../../src/background/store';
import type { PageStorage, StorageChanges, StorageListener } from '../../src/platform/extension-api';

export class MemoryArea implements StorageArea {
  readonly data = new Map<string, unknown>();
  constructor(
    readonly name: string,
    private readonly emit: (changes: StorageChanges, area: string) => void = () => undefined,
  ) {}

  /** While set, reads of everything (get(null)) wait for it: a slow read of thousands of records. */
  fullReadGate: Promise<void> | undefined;

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    if (keys == null && this.fullReadGate) await this.fullReadGate;
    const out: Record<string, unknown> = {};
    const list = keys == null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    for (const k of list) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const changes: StorageChanges = {};
    for (const [k, v] of Object.entries(items)) {
      // As in the browsers, what is stored is a JSON-like copy: undefined fields vanish.
      const value = v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
      changes[k] = { oldValue: this.data.get(k), newValue: value };
      this.data.set(k, value);
    }
    this.emit(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: StorageChanges = {};
    for (const k of Array.isArray(keys) ? keys : [keys]) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: this.data.get(k) };
      this.data.delete(k);
    }
    if (Object.keys(changes).length > 0) this.emit(changes, this.name);
  }
}

/** storage.local and storage.session with one onChanged event, as the pages see them. */
export class MemoryStorage implements PageStorage {
  private readonly listeners = new Set<StorageListener>();
  readonly local = new MemoryArea('local', (c, a) => this.fire(c, a));
  readonly session = new MemoryArea('session', (c, a) => this.fire(c, a));
  readonly onChanged = {
    addListener: (l: StorageListener): void => void this.listeners.add(l),
    removeListener: (l: StorageListener): void => void this.listeners.delete(l),
  };

  private fire(changes: StorageChanges, area: string): void {
    for (const l of [...this.listeners]) l(changes, area);
  }
}
