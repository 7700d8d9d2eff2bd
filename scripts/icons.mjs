// Renders icons/icon-{16,32,48,128}.png from icons/icon.svg (and the simpler
// icons/icon-small.svg for 16 and 32 px, so the glyph stays legible) in
// headless Chromium. Run by hand after changing the SVGs: `node scripts/icons.mjs`.
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  const svg = readFileSync(size <= 32 ? 'icons/icon-small.svg' : 'icons/icon.svg', 'utf8');
  await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `icons/icon-${size}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`icons/icon-${size}.png`);
}
await browser.close();
