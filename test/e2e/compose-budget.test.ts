/**
 * The content script runs in every Gmail and Outlook frame, so its size is a
 * budget (issue 7): at most 12 KB gzip for both sites together, one
 * self-contained file, and none of the planner, drafts, date-fns or valibot,
 * which the background runs and answers for in one composeContext message.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness';

export const CONTENT_BUDGET = 12 * 1024;

describe.each(Object.entries(DIST))('content script of the %s build', (_name, dist) => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const files: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
  const code = files.map((f) => readFileSync(join(dist, f), 'utf8'));

  it('is one self-contained script that loads nothing else', () => {
    expect(files).toEqual(['src/content/index.js']);
    for (const c of code) expect(c).not.toMatch(/\bimport\s*\(|^\s*import\s|runtime\.getURL\(/m);
  });

  it('leaves the planner, the drafts, date-fns and valibot to the background', () => {
    for (const c of code) {
      expect(c).not.toMatch(/Invalid time value/); // date-fns
      expect(c).not.toMatch(/"valibot"|`valibot`|'valibot'/); // valibot's Standard Schema vendor tag
      expect(c).not.toMatch(/Company is missing/); // the model's messages
      expect(c).not.toMatch(/Thank you for taking the time|status of my application/i); // draft wording
    }
  });

  it(`fits in ${CONTENT_BUDGET} B gzip for both sites together`, () => {
    const size = gzipSync(Buffer.from(code.join('\n')), { level: 9 }).length;
    expect(size, `content script is ${size} B gzip`).toBeLessThanOrEqual(CONTENT_BUDGET);
  });
});
