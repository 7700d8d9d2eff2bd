// `npm run train:tone`: trains the sentence-level tone classifier (scripts/train-tone.ts) and
// writes src/domain/nlp/tone-model.json. Vite's module runner loads the TypeScript.
import { runnerImport } from 'vite';

const { module } = await runnerImport('./scripts/train-tone.ts');
module.main();
