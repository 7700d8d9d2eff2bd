// An in-memory fake of the extension API, so modules that import
// src/platform/browser.ts can be unit-tested without a browser.
import '@webext-core/fake-browser/auto';

// fake-browser does not implement i18n.getMessage; t() then reads the English messages.json,
// as the extension does in an English browser.
import messages from '../../public/_locales/en/messages.json';
import { setFallbackMessages, type Messages } from '../../src/shared/i18n';
setFallbackMessages(messages as Messages);

// Testing Library's waitFor and findBy* give up after 1 s by default; under the whole suite's load
// a render that takes milliseconds on an idle machine can take longer.
import { configure } from '@testing-library/preact';
configure({ asyncUtilTimeout: 10_000 });

// Property tests draw a fixed sequence of inputs, so the same commit passes or fails the same way
// on every machine and every run (CI included). FC_SEED=<number> replays another sequence, and
// FC_SEED=random explores new inputs (the seed of a failure is in its message).
import fc from 'fast-check';
const seed = process.env.FC_SEED === 'random' ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(process.env.FC_SEED ?? 20261201);
fc.configureGlobal({ seed });
