// `npm test`: typecheck, ESLint, unit tests, build, web-ext lint, end-to-end tests in
// Chromium and Firefox. Every step runs even after a failure so the summary
// is complete; the last line is `N passed, N failed` over everything that ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('artifacts', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failures = [];
/** Each failed test's name and the first lines of its error, repeated at the end so a CI log's tail shows them. */
const failedTests = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

/** A check that is one test: typecheck, lint. */
function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
  return ok;
}

/** A vitest project: counts its tests from the JSON report. */
function vitest(label, project) {
  const report = `artifacts/vitest-${project}.json`;
  rmSync(report, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    // A file that fails to load (or a hook that fails) has no failed tests of its own.
    const broken = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
    totals.failed += broken;
    for (const file of json.testResults) {
      const name = file.name.replace(`${process.cwd()}/`, '');
      for (const test of file.assertionResults.filter((a) => a.status === 'failed')) {
        failedTests.push(`${name} > ${test.fullName}\n    ${firstLines(test.failureMessages?.[0])}`);
      }
      if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')) {
        failedTests.push(`${name} (did not load, or a hook failed)\n    ${firstLines(file.message)}`);
      }
    }
    if (json.numTotalTests === 0) { totals.failed += 1; failures.push(`${label}: no test ran`); }
  } else {
    totals.failed += 1;
  }
  if (!ok) failures.push(label);
  return ok;
}

function firstLines(text = '') {
  return text.split('\n').filter((line) => line.trim()).slice(0, 10).join('\n    ').slice(0, 1500);
}

check('typecheck', 'npx', ['tsc', '-b']);
check('eslint', 'npx', ['eslint', '.', '--max-warnings', '0']);
vitest('unit tests', 'unit');
const built = check('build', 'npm', ['run', 'build', '--silent']);
if (built) {
  check('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--warnings-as-errors', '--self-hosted=false']);
  vitest('end-to-end tests (Chromium and Firefox)', 'e2e');
} else {
  totals.failed += 2;
  failures.push('web-ext lint (not run: build failed)', 'end-to-end tests (not run: build failed)');
}

// Which browsers the end-to-end tests drove (each launch records its version).
const versionsFile = 'artifacts/e2e-browsers.txt';
if (existsSync(versionsFile)) {
  const seen = [...new Set(readFileSync(versionsFile, 'utf8').split('\n').filter(Boolean))].sort();
  console.log(`\ne2e: ${seen.join(', ')}`);
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync('artifacts/test-summary.txt', `${summary}\n`);
if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${summary}`);
process.exit(failures.length ? 1 : 0);
