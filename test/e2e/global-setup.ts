import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { FIREFOX_MIN } from '../../scripts/manifest-for';
import { BROWSERS, DIST, VERSIONS_FILE, browserPath } from './harness';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { minimum_chrome_version: string };
const MINIMUM = { chromium: parseInt(manifest.minimum_chrome_version, 10), firefox: parseInt(FIREFOX_MIN, 10) };

/**
 * Fails early and clearly: the suite tests the built extension in both real browsers, each at
 * a version the manifest supports (a result on an older one would say nothing about users).
 */
export default function setup(): void {
  rmSync(VERSIONS_FILE, { force: true });
  for (const name of BROWSERS) {
    const path = browserPath(name);
    if (!existsSync(`${DIST[name]}/manifest.json`)) throw new Error(`${DIST[name]} is missing: run \`npm run build\` first.`);
    const said = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim(); // "Chromium 150.0…" / "Mozilla Firefox 140.12.0esr"
    const major = parseInt(/(\d+)\./.exec(said)?.[1] ?? '0', 10);
    if (major < MINIMUM[name]) throw new Error(`${said} at ${path} is older than the oldest version the manifest supports (${MINIMUM[name]}).`);
  }
}
