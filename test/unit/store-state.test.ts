import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { parseState, watchState, WATCH_THROTTLE_MS, type AppState } from '../../src/shared/state';
import { defaultProfile } from '../../src/domain/model';
import { interview, NY } from './background-fakes';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('parseState (what pages read)', () => {
  it('validates every record, orders interviews and reports unreadable ones', () => {
    const s = parseState({
      schemaVersion: 1,
      settings: NY,
      'interview:b': interview({ id: 'b', interviewAt: '2026-11-18T10:00:00.000Z' }),
      'interview:a': interview({ id: 'a' }),
      'interview:x': { id: 'x' },
      'corrupt:interview:old': { key: 'interview:old', reason: 'r', at: '2026-01-01T00:00:00.000Z', raw: '{}' },
      unrelated: 1,
    });
    expect(s.interviews.map((i) => i.id)).toEqual(['a', 'b']);
    expect(s.settings).toEqual(NY);
    expect(s.profile).toEqual(defaultProfile());
    expect(s.corrupt.map((c) => c.key)).toEqual(['interview:old', 'interview:x']);
  });
});

describe('watchState', () => {
  const flush = () => new Promise((r) => setTimeout(r, WATCH_THROTTLE_MS * 2));

  it('reports changes to storage.local, not to storage.session', async () => {
    await fakeBrowser.storage.local.set({ 'interview:a': interview({ id: 'a' }) });
    const seen: AppState[] = [];
    const stop = watchState((s) => seen.push(s));
    await flush();
    await fakeBrowser.storage.session.set({ shownNotifications: [] });
    await flush();
    expect(seen).toHaveLength(0);
    await fakeBrowser.storage.local.set({ 'interview:b': interview({ id: 'b' }) });
    await flush();
    expect(seen.at(-1)!.interviews.map((i) => i.id)).toEqual(['a', 'b']);
    await fakeBrowser.storage.local.remove('interview:a');
    await flush();
    expect(seen.at(-1)!.interviews.map((i) => i.id)).toEqual(['b']);
    stop();
    await fakeBrowser.storage.local.set({ 'interview:c': interview({ id: 'c' }) });
    await flush();
    expect(seen.at(-1)!.interviews.map((i) => i.id)).toEqual(['b']);
  });

  it('coalesces a burst of writes into one callback with the final state', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const seen: AppState[] = [];
    const stop = watchState((s) => seen.push(s));
    await vi.advanceTimersByTimeAsync(0); // seeded
    for (let i = 0; i < 100; i++) await fakeBrowser.storage.local.set({ [`interview:i${i}`]: interview({ id: `i${i}` }) });
    expect(seen).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(WATCH_THROTTLE_MS);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.interviews).toHaveLength(100);
    // The next change after a quiet spell is reported on the next turn.
    await vi.advanceTimersByTimeAsync(WATCH_THROTTLE_MS);
    await fakeBrowser.storage.local.remove('interview:i0');
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.interviews).toHaveLength(99);
    stop();
  });
});
