// `npm run bench`: builds, runs every bench/*.bench.ts and writes BENCHMARKS.md.
// `npm run bench -- bench/content.bench.ts` runs those files again and keeps the other sections'
// figures from the last run (artifacts/bench).
import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';

const only = process.argv.slice(2);
if (!only.length) rmSync('artifacts/bench', { recursive: true, force: true });
execSync('npm run build', { stdio: 'inherit' });
execFileSync('npx', ['vitest', 'run', '--project', 'bench', ...only], { stdio: 'inherit' });

const sections = existsSync('artifacts/bench')
  ? readdirSync('artifacts/bench').filter((f) => f.endsWith('.json')).sort()
      .map((f) => JSON.parse(readFileSync(`artifacts/bench/${f}`, 'utf8')))
  : [];
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores).`,
  'Figures are medians of repeated runs unless the metric says otherwise; tests never assert times.',
  '',
];
for (const { section, rows } of sections) {
  lines.push(`## ${section}`, '', '| metric | value | goal |', '|---|---|---|');
  for (const r of rows) lines.push(`| ${r.metric} | ${r.value} ${r.unit} | ${r.goal ?? ''} |`);
  lines.push('');
}
writeFileSync('BENCHMARKS.md', lines.join('\n'));
console.log(`BENCHMARKS.md: ${sections.length} sections`);
