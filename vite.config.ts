import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { manifestFor, type Target } from './scripts/manifest-for';

// One manifest.json source; the per-browser differences are applied here so
// `npm run build` (scripts/build.mjs) can produce dist/chrome and dist/firefox.
const target = (process.env.FOLLOWUP_TARGET ?? 'chrome') as Target;
const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [
    crx({
      manifest: manifestFor(source, target),
      browser: target,
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  publicDir: 'public',
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    reportCompressedSize: false,
  },
});
