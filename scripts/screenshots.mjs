// `npm run screenshots`: renders the popup (empty, with several interviews, the form with
// errors; light and dark) and the options page into docs/*.png with headless Chromium.
// The pages run on the fake connection (src/ui/fake-connection.ts) with fixed sample data
// and a fixed clock, built from dev/preview/ — the same components the extension ships.
import { build } from 'vite';
import puppeteer from 'puppeteer-core';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'artifacts/preview');
const DOCS = join(ROOT, 'docs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}: apt-get install chromium, or set CHROMIUM_PATH`);

await build({
  configFile: false,
  root: join(ROOT, 'dev/preview'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: { outDir: OUT, emptyOutDir: true, modulePreload: false, reportCompressedSize: false },
});
cpSync(join(ROOT, 'icons'), join(OUT, 'icons'), { recursive: true });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join(OUT, path === '/' ? 'index.html' : path);
  if (!file.startsWith(OUT) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
mkdirSync(DOCS, { recursive: true });
const shots = [];

async function shoot(name, { page: which, data, scheme, width, height, full = false, prepare }) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 2 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${base}?page=${which}&data=${data}`, { waitUntil: 'load' });
  await page.waitForSelector('main h1');
  if (prepare) await prepare(page);
  // Screenshots show the page at rest: no focus ring from the initial focus.
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const path = join(DOCS, `${name}.png`);
  await page.screenshot({ path, fullPage: full });
  shots.push(path);
  await page.close();
}

const popup = { page: 'popup', width: 380, height: 600 };
try {
  for (const scheme of ['light', 'dark']) {
    await shoot(`popup-empty-${scheme}`, { ...popup, data: 'empty', scheme, height: 480 });
    await shoot(`popup-${scheme}`, { ...popup, data: 'full', scheme });
  }
  await shoot('popup-form-errors-light', {
    ...popup,
    data: 'full',
    scheme: 'light',
    full: true,
    prepare: async (page) => {
      const [button] = await page.$$('xpath/.//button[normalize-space()="Log interview"]');
      await button.click();
      await page.waitForSelector('#iv-company');
      await page.type('#iv-role', 'Support Engineer');
      await page.type('[id$="-email"]', 'not-an-email');
      const [save] = await page.$$('xpath/.//button[normalize-space()="Save interview"]');
      await save.click();
      await page.waitForSelector('.error');
    },
  });
  for (const scheme of ['light', 'dark']) {
    await shoot(`options-${scheme}`, { page: 'options', data: 'full', scheme, width: 900, height: 900, full: true });
  }
} finally {
  await browser.close();
  server.close();
}
for (const s of shots) console.log(`wrote ${s.slice(ROOT.length + 1)}`);
