/** The popup's list: open interviews by next step, a page at a time; closed ones in a collapsed section, built only when opened. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import type { PopupIndex } from '../shared/protocol';
import type { AppState } from '../shared/state';
import { buildRows, buildRowsSliced, type Row, type Rows } from '../shared/rows';
import { InterviewCard, type CardActions } from './InterviewCard';

export const PAGE_SIZE = 20;
/** Up to this many interviews, the list is planned in the render; beyond, in slices between frames. */
export const SYNC_ROWS = 200;

/** The rows to show, and whether they are the whole list's (false while its first planning runs and earlier rows stand in). */
function useRows(state: AppState, nowMs: number): { rows: Rows | undefined; whole: boolean } {
  const sync = state.interviews.length <= SYNC_ROWS;
  const syncRows = useMemo(() => (sync ? buildRows(state.interviews, state.settings, nowMs) : undefined), [sync, state.interviews, state.settings, nowMs]);
  const [sliced, setSliced] = useState<Rows | undefined>(undefined);
  useEffect(() => (sync ? undefined : buildRowsSliced(state.interviews, state.settings, nowMs, setSliced)), [sync, state.interviews, state.settings, nowMs]);
  // While a new slice runs, the previous order stays on screen (the first screen's, at first).
  const last = useRef<Rows | undefined>(undefined);
  const rows = syncRows ?? sliced ?? last.current;
  last.current = rows;
  return { rows, whole: !!(syncRows ?? sliced) };
}

type Props = {
  state: AppState;
  /** Set while `state` holds only the first screen's interviews: the counts of them all. */
  partial?: PopupIndex;
  nowMs: number;
  fmt: Fmt;
  actions: CardActions;
  focusCard?: { id: string; n: number };
};

export function InterviewList({ state, partial: given, nowMs, fmt, actions, focusCard }: Props) {
  const { rows, whole } = useRows(state, nowMs);
  // Until the whole list is planned, the first screen's counts stand.
  const index = useRef(given);
  if (given) index.current = given;
  const partial = given ?? (whole ? undefined : index.current);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [closedOpen, setClosedOpen] = useState(false);
  const [closedLimit, setClosedLimit] = useState(PAGE_SIZE);

  if (!rows) return <p class="hint">{t('list_planning', state.interviews.length)}</p>;
  const { open, closed } = rows;
  // A card that must get focus (just saved, restored) is always on the shown page.
  const focusIndex = focusCard ? open.findIndex((r) => r.interview.id === focusCard.id) : -1;
  const shown = Math.max(limit, focusIndex + 1);

  return (
    <div>
      <div class="section-head">
        <h2>{t('list_title')}</h2>
        {partial ? <span class="hint">{t('list_countOpen', partial.open)}</span> : <span class="hint list-count">{countByState(open)}</span>}
      </div>
      {open.length === 0 ? (
        <p class="hint">{t('list_noneOpen')}</p>
      ) : (
        <ul class="list" aria-label={t('list_title')}>
          {open.slice(0, shown).map((row) => (
            <InterviewCard key={row.interview.id} row={row} settings={state.settings} nowMs={nowMs} fmt={fmt} actions={actions} focus={row.interview.id === focusCard?.id ? focusCard.n : 0} />
          ))}
        </ul>
      )}
      {partial && partial.open > open.length && <p class="hint">{t('list_loadingRest', partial.open - open.length)}</p>}
      {!partial && open.length > shown && (
        <button type="button" onClick={() => setLimit(shown + PAGE_SIZE)}>
          {t('list_showMore', Math.min(PAGE_SIZE, open.length - shown), open.length - shown)}
        </button>
      )}
      {!partial && closed.length > 0 && (
        <details class="closed-section" open={closedOpen} onToggle={(e) => setClosedOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('list_closed', closed.length)}</summary>
          {closedOpen && (
            <ul class="list" aria-label={t('list_closedLabel')}>
              {closed.slice(0, closedLimit).map((row) => (
                <InterviewCard key={row.interview.id} row={row} settings={state.settings} nowMs={nowMs} fmt={fmt} actions={actions} />
              ))}
            </ul>
          )}
          {closedOpen && closed.length > closedLimit && (
            <button type="button" onClick={() => setClosedLimit(closedLimit + PAGE_SIZE)}>
              {t('list_showMore', Math.min(PAGE_SIZE, closed.length - closedLimit), closed.length - closedLimit)}
            </button>
          )}
        </details>
      )}
    </div>
  );
}

function countByState(rows: Row[]): string {
  let due = 0;
  let overdue = 0;
  for (const r of rows) {
    if (r.status.state === 'due') due++;
    else if (r.status.state === 'overdue') overdue++;
  }
  if (due + overdue === 0) return t('list_countOpen', rows.length);
  return t('list_countDue', due + overdue, rows.length);
}
