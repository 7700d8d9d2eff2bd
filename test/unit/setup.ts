// An in-memory fake of the extension API, so modules that import
// src/platform/browser.ts can be unit-tested without a browser.
import '@webext-core/fake-browser/auto';

// fake-browser does not implement i18n.getMessage; t() then reads the English messages.json,
// as the extension does in an English browser.
import messages from '../../public/_locales/en/messages.json';
import { setFallbackMessages, type Messages } from '../../src/shared/i18n';
setFallbackMessages(messages as Messages);
