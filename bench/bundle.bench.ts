/** Bundle sizes of the built extension (run after `npm run build`, as `npm run bench` does). */
import { it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { record, type BenchRow } from './record';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

it('measures bundle sizes', () => {
  for (const target of ['chrome', 'firefox']) {
    const dist = `dist/${target}`;
    const scripts = files(dist).filter((f) => /\.(js|css|html)$/.test(f));
    const rows: BenchRow[] = [];
    let raw = 0;
    let gz = 0;
    for (const file of scripts.sort()) {
      const bytes = readFileSync(file);
      const zipped = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gz += zipped;
      if (file.endsWith('.js')) rows.push({ metric: `${relative(dist, file).replace(/-[\w-]{8}\.js$/, ".js")} (gzip)`, value: zipped, unit: 'B' });
    }
    rows.unshift({ metric: 'all code and pages, raw / gzip', value: gz, unit: `B gzip (${raw} B raw)` });
    record(`Bundle sizes (${target})`, rows);
  }
});
