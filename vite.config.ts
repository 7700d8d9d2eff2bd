import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { manifestFor, type Target } from './scripts/manifest-for';
import { noHtmlSinks } from './scripts/no-html-sinks';
import { separateGraph } from './scripts/separate-graph';

// One manifest.json source; the per-browser differences are applied here so
// `npm run build` (scripts/build.mjs) can produce dist/chrome and dist/firefox.
const target = (process.env.FOLLOWUP_TARGET ?? 'chrome') as Target;
type Manifest = Extract<ManifestV3Export, { manifest_version: number }>;
const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Manifest;

export default defineConfig({
  plugins: [
    noHtmlSinks(),
    // The background and the popup share no code chunk with anything (see the plugin).
    separateGraph(/src[\\/]background[\\/]index\.ts$/, 'background'),
    separateGraph(/src[\\/]popup[\\/]index\.html$/, 'popup'),
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
    // The oldest versions the manifest accepts (minimum_chrome_version, gecko strict_min_version).
    target: target === 'firefox' ? 'firefox140' : 'chrome150',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    reportCompressedSize: false,
    // Extension pages not named in the manifest: the Firefox notification-click page.
    rollupOptions: {
      input: { reminder: 'src/reminder/index.html' },
      // What the options and reminder pages share is one chunk.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
});
