// @vitest-environment happy-dom
/** The resting observer (src/content/resting.ts): a storm costs one wake per rest, and nothing is missed. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { resting } from '../../src/content/resting';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('wakes once per rest however many changes a storm makes, sees the last change, and stops for good', async () => {
  const target = document.createElement('div');
  document.body.append(target);
  const seen: number[] = [];
  const stop = resting(() => [[target, { childList: true }]], 30, () => seen.push(target.childElementCount));
  // 300 changes, one a millisecond, each in its own task: 300 ms of storm.
  for (let i = 0; i < 300; i++) {
    target.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(1);
  }
  await vi.advanceTimersByTimeAsync(100);
  // One wake per rest of 30 ms (plus the rest after the last change), never one per change.
  expect(seen.length).toBeGreaterThanOrEqual(9);
  expect(seen.length).toBeLessThanOrEqual(11);
  // The last wake came after the last change: nothing is missed.
  expect(seen.at(-1)).toBe(300);

  // What the wake itself changes is no news; a later change is.
  const wakes = seen.length;
  await vi.advanceTimersByTimeAsync(1000);
  expect(seen.length).toBe(wakes);
  target.append(document.createElement('i'));
  await vi.advanceTimersByTimeAsync(100);
  expect(seen).toHaveLength(wakes + 1);

  stop();
  target.append(document.createElement('i'));
  await vi.advanceTimersByTimeAsync(1000);
  expect(seen).toHaveLength(wakes + 1);
});

it('does not observe again when its wake stopped it', async () => {
  const target = document.createElement('div');
  document.body.append(target);
  let wakes = 0;
  const stop = resting(() => [[target, { childList: true }]], 30, () => {
    wakes++;
    stop();
  });
  target.append(document.createElement('i'));
  await vi.advanceTimersByTimeAsync(100);
  target.append(document.createElement('i'));
  await vi.advanceTimersByTimeAsync(100);
  expect(wakes).toBe(1);
});

it('rests longer after a storm in one task, and briefly again once changes are few', async () => {
  const target = document.createElement('div');
  document.body.append(target);
  let wakes = 0;
  const stop = resting(() => [[target, { childList: true }]], 30, () => wakes++, 1000);
  // A storm: 500 changes in one task, then a change every 10 ms for 900 ms.
  for (let i = 0; i < 500; i++) target.append(document.createElement('i'));
  for (let t = 0; t < 900; t += 10) {
    await vi.advanceTimersByTimeAsync(10);
    target.append(document.createElement('i'));
  }
  // Still resting from the storm: not one wake yet.
  expect(wakes).toBe(0);
  await vi.advanceTimersByTimeAsync(200);
  expect(wakes).toBe(1);
  // One change after that: looked at 30 ms later, not a second later.
  target.append(document.createElement('i'));
  await vi.advanceTimersByTimeAsync(40);
  expect(wakes).toBe(2);
  stop();
});
