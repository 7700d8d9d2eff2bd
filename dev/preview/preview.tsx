/**
 * The popup and options page in a plain browser tab, over the real background on in-memory
 * storage (test/support/test-connection.ts), for looking at the UI while working on it and for
 * the bench's component render: `?page=popup|options&data=empty|full|many&n=1000`.
 * It records in `window.__followupRenderMs` how long the first render with data took.
 * Not part of the extension build (`npm run screenshots` shoots the real built pages).
 */
import '../../src/ui/theme.css';
import { render } from 'preact';
import { OptionsApp } from '../../src/options/OptionsApp';
import { PopupApp } from '../../src/popup/PopupApp';
import { installFallbackMessages, testConnection } from '../../test/support/test-connection';
import { SAMPLE_NOW, SAMPLE_SETTINGS, manyInterviews, sampleInterviews } from '../../test/support/samples';

installFallbackMessages();
const params = new URLSearchParams(location.search);
const page = params.get('page') ?? 'popup';
const data = params.get('data') ?? 'full';
const now = (): number => SAMPLE_NOW;
const connection = testConnection({
  interviews: data === 'empty' ? [] : data === 'many' ? manyInterviews(Number(params.get('n') ?? 1000)) : sampleInterviews(),
  settings: SAMPLE_SETTINGS,
  profile: { name: 'Alex Doe', signature: 'Alex Doe\n555-0100', webmail: 'gmail' },
  now,
});
const app = document.getElementById('app')!;
document.title = `FollowUp preview: ${page}`;
// The in-page background starts first (as the real one has when a popup opens); the timing is the page's.
void connection.ready.then(() => {
  const started = performance.now();
  const done = (): void => {
    if (document.querySelector('li.card, .empty, .options section')) {
      (window as { __followupRenderMs?: number }).__followupRenderMs = performance.now() - started;
    } else requestAnimationFrame(done);
  };
  requestAnimationFrame(done);
  if (page === 'options') render(<OptionsApp connection={connection} now={now} locale="en-US" />, app);
  else render(<PopupApp connection={connection} now={now} locale="en-US" />, app);
});
