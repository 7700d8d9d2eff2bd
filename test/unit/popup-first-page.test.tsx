// @vitest-environment happy-dom
/**
 * The popup with thousands of interviews paints its first screen before it has read them all:
 * the background keeps the first screen's ids and counts in storage.session (popup-index.ts),
 * and the popup reads just those records first.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { POPUP_INDEX_SIZE } from '../../src/background/popup-index';
import { PopupApp } from '../../src/popup/PopupApp';
import { buildRows } from '../../src/shared/rows';
import { SAMPLE_NOW, SAMPLE_SETTINGS, manyInterviews } from '../support/samples';
import { testConnection } from '../support/test-connection';

afterEach(() => cleanup());
const now = (): number => SAMPLE_NOW;

describe('the popup’s first screen', () => {
  it('is kept by the background: the open interviews that come first, in the popup’s order, and the counts', async () => {
    const conn = testConnection({ interviews: manyInterviews(300), settings: SAMPLE_SETTINGS, now });
    await conn.ready;
    const expected = buildRows(conn.state.interviews, SAMPLE_SETTINGS, SAMPLE_NOW);
    await waitFor(() => expect(conn.storage.session.data.get('popupIndex')).toEqual({
      ids: expected.open.slice(0, POPUP_INDEX_SIZE).map((r) => r.interview.id),
      open: expected.open.length,
      closed: expected.closed.length,
    }));
    // A change re-orders it: the last interview of the list, closed, leaves the count of open ones.
    const first = expected.open[0]!.interview.id;
    await conn.send('recordEvent', { id: first, event: { type: 'outcome', outcome: 'offer' } });
    await waitFor(() => expect((conn.storage.session.data.get('popupIndex') as { ids: string[]; open: number }).open).toBe(expected.open.length - 1));
    expect((conn.storage.session.data.get('popupIndex') as { ids: string[] }).ids).not.toContain(first);
  });

  it('is painted while everything else is still being read, then the whole list takes over', async () => {
    const conn = testConnection({ interviews: manyInterviews(300), settings: SAMPLE_SETTINGS, now });
    await conn.ready;
    await waitFor(() => expect(conn.storage.session.data.has('popupIndex')).toBe(true));
    let release!: () => void;
    conn.storage.local.fullReadGate = new Promise<void>((r) => (release = r));
    render(<PopupApp connection={conn} now={now} locale="en-US" />);
    const list = await screen.findByRole('list', { name: 'Next steps' });
    const index = conn.storage.session.data.get('popupIndex') as { ids: string[]; open: number };
    expect([...list.querySelectorAll(':scope > li.card')].map((li) => li.getAttribute('data-interview'))).toEqual(index.ids);
    expect(screen.getByText(`${index.open} open`)).toBeTruthy();
    expect(screen.getByText(`Loading ${index.open - POPUP_INDEX_SIZE} more…`)).toBeTruthy();
    // Everything read: the counts of what is due, Show more and the closed section.
    release();
    await waitFor(() => expect(document.body.textContent).not.toMatch(/Loading \d+ more/), { timeout: 5000 });
    await screen.findByRole('button', { name: /^Show 20 more/ }, { timeout: 5000 });
    expect(screen.queryByText(/^Loading/)).toBeNull();
    expect(within(list).getAllByRole('heading', { level: 3 })).toHaveLength(20);
  });
});
