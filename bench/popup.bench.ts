// @vitest-environment happy-dom
/**
 * The popup: its bundle size (gzip, from dist/chrome, so run after `npm run build` as
 * `npm run bench` does) and how long it takes to show 1,000, 5,000 and 20,000 interviews.
 * Render time is measured three ways: in happy-dom (component work only, no layout); in real
 * headless Chromium on the built preview page (dev/preview/, the same components over the
 * real background on in-memory storage), where it includes style, layout and the first paint,
 * as BENCHMARKS.md has recorded it from the start; and in the built extension itself
 * (dist/chrome in the e2e harness), from opening the popup to the first cards painted and to
 * the whole list planned, storage reads included.
 * Prints and records figures; never asserts times.
 */
import { render as renderTl, cleanup } from '@testing-library/preact';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { h } from 'preact';
import { it } from 'vitest';
import { PopupApp } from '../src/popup/PopupApp';
import { parseState } from '../src/shared/state-core';
import { testConnection, installFallbackMessages } from '../test/support/test-connection';
import { buildRows } from '../src/shared/rows';
import { SAMPLE_NOW, SAMPLE_SETTINGS, manyInterviews } from '../test/support/samples';
import { ExtensionSession } from '../test/e2e/harness';
import { medianMs, record, type BenchRow } from './record';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = 1000;

/** Every file a page loads: its scripts and styles, and the chunks they import, transitively. */
function pageFiles(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>([join(dist, page)]);
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => join(dist, m[1]!.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.(?:js|css))["']/g)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? join(dist, spec.slice(1)) : join(dirname(file), spec));
    }
  }
  return [...seen];
}

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

it('measures the popup and options bundles', () => {
  const dist = join(ROOT, 'dist/chrome');
  const rows: BenchRow[] = [];
  for (const [label, page] of [['popup', 'src/popup/index.html'], ['options page', 'src/options/index.html']] as const) {
    const files = pageFiles(dist, page);
    const total = files.reduce((n, f) => n + gz(f), 0);
    const raw = files.reduce((n, f) => n + readFileSync(f).length, 0);
    const js = files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
    rows.push({ metric: `${label}: its JavaScript, gzip`, value: js, unit: 'B', goal: label === 'popup' ? '≤ 30 KB (30720 B)' : undefined });
    rows.push({ metric: `${label}: everything it loads (HTML, JS, CSS), gzip`, value: total, unit: `B (${raw} B raw, ${files.length} files)` });
    for (const f of files.filter((x) => x.endsWith('.js')).sort()) rows.push({ metric: `${label}: ${f.slice(dist.length + 1).replace(/-[\w-]{8}\.js$/, '.js')} (gzip)`, value: gz(f), unit: 'B' });
  }
  record('Popup bundle (chrome)', rows);
});

it('measures rendering 1,000 interviews', async () => {
  installFallbackMessages();
  const interviews = manyInterviews(COUNT);
  const rows: BenchRow[] = [];

  // What the page pays to read 1,000 stored records (validation in src/shared/state-core.ts).
  const stored: Record<string, unknown> = { settings: SAMPLE_SETTINGS };
  for (const iv of interviews) stored[`interview:${iv.id}`] = iv;
  rows.push({ metric: `parseState: ${COUNT} stored interviews → state`, value: medianMs(() => parseState(stored), 7, 1), unit: 'ms (median)' });

  // Statuses and order for the whole list, with fresh records each run (nothing memoised).
  rows.push({
    metric: `status + order of ${COUNT} interviews (buildRows, cold)`,
    value: medianMs(() => buildRows(interviews.map((i) => ({ ...i })), SAMPLE_SETTINGS, SAMPLE_NOW), 7, 1),
    unit: 'ms (median)',
  });

  // First render to a visible list in happy-dom.
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const conn = testConnection({ interviews: interviews.map((x) => ({ ...x })), settings: SAMPLE_SETTINGS, now: () => SAMPLE_NOW });
    // The background has started (the real one has when a popup opens): the timing is the page's own.
    await conn.ready;
    const t0 = performance.now();
    const { container } = renderTl(h(PopupApp, { connection: conn, now: () => SAMPLE_NOW, locale: 'en-US' }));
    while (!container.querySelector('li.card')) await new Promise((r) => setTimeout(r, 0));
    times.push(performance.now() - t0);
    cleanup();
  }
  times.sort((a, b) => a - b);
  rows.push({ metric: `happy-dom: popup first render with ${COUNT} interviews (20 cards shown)`, value: Number(times[3]!.toFixed(1)), unit: 'ms (median of 7)' });

  // Real Chromium: the built preview page, first render to paint, and the longest task.
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) rows.push(...(await inChromium(chromium)));
  else console.log('[bench] popup: Chromium not found, skipping the real-browser render measurement');
  record('Popup rendering', rows);
});

/** Opens the popup of the built extension and times, from navigation start, the first cards painted and the whole list planned. */
async function openTimed(session: ExtensionSession): Promise<{ firstPaint: number; firstCards: number; complete: number }> {
  const page = await session.newTab();
  await page.setViewport({ width: 380, height: 600 });
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __firstCards?: number; __complete?: number };
    const watch = new MutationObserver(() => {
      if (w.__firstCards === undefined && document.querySelector('li.card')) requestAnimationFrame(() => (w.__firstCards ??= performance.now()));
      // The count line appears once every interview has a status (the whole order is known).
      if (w.__complete === undefined && document.querySelector('.section-head .list-count')) requestAnimationFrame(() => (w.__complete ??= performance.now()));
    });
    watch.observe(document, { childList: true, subtree: true });
  });
  await page.goto(session.extensionUrl('src/popup/index.html'));
  let r: { firstPaint?: number; firstCards?: number; complete?: number } = {};
  for (let i = 0; i < 600 && !(r.firstCards && r.complete); i++) {
    await new Promise((x) => setTimeout(x, 50));
    r = await page.evaluate(() => {
      const w = window as unknown as { __firstCards?: number; __complete?: number };
      return { firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, firstCards: w.__firstCards, complete: w.__complete };
    });
  }
  await page.close();
  if (!r.firstCards || !r.complete) throw new Error('the popup never showed its list');
  return { firstPaint: r.firstPaint ?? NaN, firstCards: r.firstCards, complete: r.complete };
}

const openingRows: BenchRow[] = [];
const SIZES = (process.env.POPUP_BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);

// One test per size, each with its own time budget (seeding 20,000 through the background takes minutes).
it.each(SIZES)('measures opening the built popup with %i interviews', async (n) => {
  const rows = openingRows;
  {
    const session = await ExtensionSession.launch('chromium');
    try {
      // Seeded through the background in imports of 1,000 (one message of 20,000 records is slow to pass).
      const all = manyInterviews(n, Date.now());
      for (let at = 0; at < n; at += 1000) {
        const backup = { format: 'followup-backup', version: 1, exportedAt: new Date(SAMPLE_NOW).toISOString(), settings: SAMPLE_SETTINGS, profile: { name: 'Alex Doe', webmail: 'gmail' }, interviews: all.slice(at, at + 1000) };
        const r = await session.send<{ ok: boolean }>({ type: 'applyImport', backup });
        if (!r.ok) throw new Error(`seeding ${n} failed`);
      }
      console.log(`[bench] popup: ${n} interviews seeded`);
      await openTimed(session); // warm: the extension's files are in the cache, as after the first open
      const paint: number[] = [];
      const first: number[] = [];
      const complete: number[] = [];
      const runs = n > 5000 ? 3 : 5;
      for (let i = 0; i < runs; i++) {
        const t = await openTimed(session);
        paint.push(t.firstPaint);
        first.push(t.firstCards);
        complete.push(t.complete);
      }
      const median = (a: number[]) => Number([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1));
      rows.push({ metric: `built popup, ${n.toLocaleString('en-US')} interviews: open → first paint (header)`, value: median(paint), unit: `ms (median of ${runs})`, goal: n === 5000 ? '< 200 ms' : undefined });
      rows.push({ metric: `built popup, ${n.toLocaleString('en-US')} interviews: open → first cards painted`, value: median(first), unit: `ms (median of ${runs})` });
      rows.push({ metric: `built popup, ${n.toLocaleString('en-US')} interviews: open → whole list planned and counted`, value: median(complete), unit: `ms (median of ${runs})` });
    } finally {
      await session.close();
    }
  }
  record('Popup opening (built extension, Chromium)', rows);
});

async function inChromium(chromium: string): Promise<BenchRow[]> {
  const { build } = await import('vite');
  const out = join(ROOT, 'artifacts/preview-bench');
  await build({ configFile: false, root: join(ROOT, 'dev/preview'), base: './', publicDir: false, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, modulePreload: false, reportCompressedSize: false } });
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(out, path === '/' ? 'index.html' : path);
    if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const renders: number[] = [];
  const longest: number[] = [];
  try {
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 380, height: 600 });
      await page.evaluateOnNewDocument(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`http://127.0.0.1:${port}/index.html?page=popup&data=many&n=${COUNT}`);
      await page.waitForFunction(() => typeof (window as { __followupRenderMs?: number }).__followupRenderMs === 'number', { timeout: 30_000 });
      const r = await page.evaluate(() => {
        const w = window as unknown as { __followupRenderMs: number; __longTasks: number[] };
        return { ms: w.__followupRenderMs, long: Math.max(0, ...w.__longTasks) };
      });
      renders.push(r.ms);
      longest.push(r.long);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (a: number[]) => Number([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1));
  return [
    { metric: `Chromium: popup first render to paint with ${COUNT} interviews`, value: median(renders), unit: 'ms (median of 7)', goal: '≤ 100 ms' },
    { metric: 'Chromium: longest task during that render (0 = none over 50 ms)', value: median(longest), unit: 'ms (median of 7)' },
  ];
}
