/**
 * Serialises writes inside the background. Each operation names the storage
 * keys it reads and writes; operations on the same key run one after another in
 * arrival order, operations on different keys don't wait for each other, and an
 * "exclusive" operation (migration, import) waits for everything before it and
 * holds everything after it.
 *
 * The queue lives in memory: it only has to order the operations of one
 * background instance, because the background is the only writer and the
 * browser never runs two instances of it at once.
 */
export class KeyedQueue {
  private tails = new Map<string, Promise<unknown>>();
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private running = 0;

  /** Runs `fn` after every earlier operation on any of `keys` (and every earlier exclusive one). */
  run<T>(keys: readonly string[], fn: () => Promise<T> | T): Promise<T> {
    const before = [this.exclusiveTail, ...keys.map((k) => this.tails.get(k)).filter((p): p is Promise<unknown> => !!p)];
    const result = this.after(before, fn);
    const settled = result.catch(() => undefined);
    for (const k of keys) {
      this.tails.set(k, settled);
      // Forget finished keys so the map doesn't grow with every interview ever touched.
      void settled.then(() => {
        if (this.tails.get(k) === settled) this.tails.delete(k);
      });
    }
    return result;
  }

  /** Runs `fn` alone: after everything queued so far, before anything queued later. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const before = [this.exclusiveTail, ...this.tails.values()];
    const result = this.after(before, fn);
    const settled = result.catch(() => undefined);
    this.exclusiveTail = settled;
    this.tails.clear();
    return result;
  }

  /** Operations started and not yet finished (for tests). */
  get pending(): number {
    return this.running;
  }

  private async after<T>(before: Promise<unknown>[], fn: () => Promise<T> | T): Promise<T> {
    this.running++;
    try {
      await Promise.all(before);
      return await fn();
    } finally {
      this.running--;
    }
  }
}
