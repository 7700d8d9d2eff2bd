// An in-memory fake of the extension API, so modules that import
// src/platform/browser.ts can be unit-tested without a browser.
import '@webext-core/fake-browser/auto';
