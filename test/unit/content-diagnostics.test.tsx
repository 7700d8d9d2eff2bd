// @vitest-environment happy-dom
/** Options' "Copy diagnostics" (issue 14): the report a user pastes into a bug report about the webmail integration. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DiagnosticsSection, diagnosticsText } from '../../src/options/DiagnosticsSection';
import type { ResponseOf } from '../../src/shared/protocol';
import type { Connection } from '../../src/ui/connection';
import { installFallbackMessages } from '../support/test-connection';

beforeAll(() => installFallbackMessages());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NOW = Date.parse('2026-11-24T17:30:00.000Z');
const DIAGNOSTICS: ResponseOf<'diagnostics'> = {
  ok: true,
  version: '0.1.0',
  browser: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0.0.0',
  errors: [{ at: '2026-11-24T17:29:00.000Z', host: 'mail.google.com', where: 'fill-to', message: 'fill-to' }],
  skeleton: { at: '2026-11-24T17:29:00.000Z', host: 'mail.google.com', where: 'fill-to', skeleton: 'div.M9\n  div.aoI[role="region"]' },
};

function connection(answer: () => Promise<unknown>): Connection {
  const unused = () => Promise.reject(new Error('unused'));
  return { send: vi.fn(answer) as unknown as Connection['send'], load: unused, watch: () => () => undefined, firstPage: unused, formDraft: unused };
}

describe('Copy diagnostics', () => {
  it('reports the version, the browser, the recent errors and the failed compose\'s skeleton', () => {
    expect(diagnosticsText(DIAGNOSTICS as Extract<typeof DIAGNOSTICS, { ok: true }>, NOW)).toBe(
      [
        'FollowUp 0.1.0',
        'Browser: Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0.0.0',
        'Copied: 2026-11-24T17:30:00.000Z',
        '',
        'Recent errors in Gmail or Outlook (1, oldest first):',
        '  2026-11-24T17:29:00.000Z mail.google.com fill-to: fill-to',
        '',
        'Last compose FollowUp failed on (2026-11-24T17:29:00.000Z, mail.google.com, fill-to):',
        'div.M9',
        '  div.aoI[role="region"]',
      ].join('\n'),
    );
    expect(diagnosticsText({ ok: true, version: '0.1.0', browser: 'Firefox', errors: [] }, NOW)).toContain('No errors recorded in Gmail or Outlook since the browser started.');
  });

  it('copies the report, says so, and shows what was copied', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (s: string) => (written.push(s), Promise.resolve()) } });
    render(<DiagnosticsSection connection={connection(() => Promise.resolve(DIAGNOSTICS))} now={() => NOW} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Problems in Gmail or Outlook');
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied. Paste it into your bug report.'));
    expect(written).toHaveLength(1);
    expect((screen.getByLabelText('What was copied') as HTMLTextAreaElement).value).toBe(written[0]);
  });

  it('shows the text to copy by hand when the clipboard refuses, and says so when the background does not answer', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    render(<DiagnosticsSection connection={connection(() => Promise.resolve(DIAGNOSTICS))} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe("Couldn't copy to the clipboard: select the text below and copy it."));
    expect((screen.getByLabelText('What was copied') as HTMLTextAreaElement).value).toContain('FollowUp 0.1.0');
    cleanup();
    render(<DiagnosticsSection connection={connection(() => Promise.reject(new Error('gone')))} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Something went wrong. Please try again.'));
    expect(screen.queryByLabelText('What was copied')).toBeNull();
  });
});
