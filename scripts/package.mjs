// `npm run package` (which builds first, so a stale dist/ is never zipped): store-ready zips of both builds in artifacts/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));
mkdirSync('artifacts', { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const zip = `artifacts/followup-${target}-${version}.zip`;
  rmSync(zip, { force: true });
  // web-ext build writes a deterministic zip of a directory without needing the zip binary.
  execFileSync('npx', ['web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'artifacts', '--filename', zip.replace('artifacts/', ''), '--overwrite-dest'], { stdio: 'inherit' });
  console.log(zip);
}
