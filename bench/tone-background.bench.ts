/**
 * The sentence layer in the real background (issue 13), headless Chromium with the built extension:
 * how long a stopped service worker takes to wake and answer, with and without the NLP layer built,
 * and a 2,000-character check as the content script will ask for it (a message round trip). The
 * "before" figures are the same measurements of main before issue 13, recorded once (BEFORE).
 */
import { it } from 'vitest';
import { cpus, loadavg } from 'node:os';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ExtensionSession } from '../test/e2e/harness';
import { record, type BenchRow } from './record';
import { email2000 } from './tone-texts';

/**
 * Measured with this file on main at 99d3817 (before issue 13), on 2026-12-01, this machine:
 * `npm run build`, then this bench's rows without the checkTone ones.
 */
const BEFORE = { commit: '99d3817', wake: 84, answer: 3.4, chromeGzip: 87350, chromeRaw: 260892 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/** All code and pages of a built extension: raw bytes and the sum of each file gzipped. */
export function extensionSize(dist: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files(dist).filter((p) => /\.(js|css|html|json)$/.test(p))) {
    const b = readFileSync(f);
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
  }
  return { raw, gzip };
}

it('measures the background with the sentence layer', async () => {
  const session = await ExtensionSession.launch('chromium');
  try {
    const rows: BenchRow[] = [{ metric: 'machine load average (1 min) when this ran, on this many cores', value: Number(loadavg()[0]!.toFixed(2)), unit: `(${cpus().length} cores)` }];
    /** Milliseconds for one message's answer, timed in the extension page. */
    const timed = (message: unknown) =>
      session.inExtension(async (m) => {
        const t0 = performance.now();
        const answer = (await globalThis.chrome.runtime.sendMessage(m)) as { ok?: boolean };
        return { ms: performance.now() - t0, ok: answer?.ok === true };
      }, message);
    await timed({ type: 'toneRules' });

    const answer: number[] = [];
    for (let i = 0; i < 15; i++) answer.push((await timed({ type: 'toneRules' })).ms);
    const wake: number[] = [];
    for (let i = 0; i < 7; i++) {
      await session.stopBackground();
      wake.push((await timed({ type: 'toneRules' })).ms);
    }
    rows.push({ metric: `stopped service worker → woken and answered (toneRules), median of 7; before: ${BEFORE.wake} ms`, value: Number(median(wake).toFixed(1)), unit: 'ms' });
    rows.push({ metric: `a message answered by a running service worker, median of 15; before: ${BEFORE.answer} ms`, value: Number(median(answer).toFixed(2)), unit: 'ms' });

    const supported = (await timed({ type: 'checkTone', text: 'Hello' })).ok;
    if (supported) {
      const first: number[] = [];
      for (let i = 0; i < 5; i++) {
        await session.stopBackground();
        first.push((await timed({ type: 'checkTone', text: email2000(100 + i, 11) })).ms);
      }
      rows.push({ metric: 'stopped service worker → first 2,000-character check answered (wakes, builds the NLP model, checks), median of 5', value: Number(median(first).toFixed(1)), unit: 'ms' });
      const round: number[] = [];
      for (let i = 0; i < 31; i++) round.push((await timed({ type: 'checkTone', text: email2000(i, 11) })).ms);
      rows.push({ metric: 'checkTone message round trip for a new 2,000-character email (content script’s view), median of 31', value: Number(median(round).toFixed(2)), unit: 'ms', goal: '≤ 10 ms' });
      const again: number[] = [];
      const text = email2000(7, 11);
      for (let i = 0; i < 31; i++) again.push((await timed({ type: 'checkTone', text: `${text.slice(0, 1500)}${i}${text.slice(1500)}` })).ms);
      rows.push({ metric: 'checkTone round trip after an edit of one sentence, median of 31', value: Number(median(again).toFixed(2)), unit: 'ms' });
    }
    const size = extensionSize('dist/chrome');
    rows.push({ metric: `Chrome build, all code, pages and data: gzip (raw); before: ${BEFORE.chromeGzip} B (${BEFORE.chromeRaw} B)`, value: size.gzip, unit: `B gzip (${size.raw} B raw)` });
    record('Pressing words in the background (Chromium)', rows);
  } finally {
    await session.close();
  }
});
