import { existsSync } from 'node:fs';
import { BROWSERS, DIST, browserPath } from './harness';

/** Fails early and clearly: the suite tests the built extension in both real browsers. */
export default function setup(): void {
  for (const name of BROWSERS) {
    browserPath(name);
    if (!existsSync(`${DIST[name]}/manifest.json`)) throw new Error(`${DIST[name]} is missing: run \`npm run build\` first.`);
  }
}
