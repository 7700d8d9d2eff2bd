// `npm run train:tone`: trains the sentence-level tone classifier (scripts/train-tone.ts) and
// writes src/domain/nlp/tone-model.json. Vite's module runner loads the TypeScript.
// `npm run train:tone -- scripts/tone-authors.ts` runs another script of the model's (its main()).
import { createRequire } from 'node:module';
import { runnerImport } from 'vite';

// The module runner evaluates source files as ES modules, so the lazy CommonJS loader of wink-nlp
// (src/domain/nlp/wink-load.cjs) is given to it as the same function over Node's own require.
globalThis.__followupRequire = createRequire(import.meta.url);
const winkLoadForNode = {
  name: 'wink-load-for-node',
  load(id) {
    if (id.endsWith('/wink-load.cjs'))
      return "export default function loadWink() { const r = globalThis.__followupRequire; return { winkNLP: r('wink-nlp'), model: r('wink-eng-lite-web-model') }; }";
  },
};

const { module } = await runnerImport(process.argv[2] ? `./${process.argv[2].replace(/^\.\//, '')}` : './scripts/train-tone.ts', { plugins: [winkLoadForNode] });
module.main();
