// Builds dist/chrome and dist/firefox from the one manifest.json source.
import { build } from 'vite';

for (const target of ['chrome', 'firefox']) {
  process.env.FOLLOWUP_TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${target}`);
}
