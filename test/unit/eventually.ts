import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a loaded machine. Its default gives up after 1 s; under the whole
 * suite's load (two workers, the tone model training beside them) a condition that holds within
 * milliseconds on an idle machine can take longer, and a test must not fail for that.
 */
export const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 10_000, interval: 20 });
