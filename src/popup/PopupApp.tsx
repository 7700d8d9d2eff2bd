/**
 * The toolbar popup: log an interview, see where each one stands, act on the next step.
 * Talks to the background only through the Connection (typed protocol + state).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Interview, StepKind } from '../domain/types';
import type { EventRequest } from '../shared/protocol';
import { Toast, errorText, useAppState, type ToastMessage } from '../ui/components';
import type { AppState, Connection } from '../ui/connection';
import { formatWhen, type Fmt } from '../ui/format';
import { t } from '../shared/i18n';
import { buildRows, buildRowsSliced, rowFor, type Row, type Rows } from '../ui/plan-view';
import { stepName } from '../ui/steps';
import { InterviewCard, closedWords, markSentLabel, type CardActions } from './InterviewCard';
import { InterviewForm } from './InterviewForm';
import { StorageNotice } from '../ui/StorageNotice';

export const PAGE_SIZE = 20;
/** Up to this many interviews, the list is planned in the render; beyond, in slices between frames. */
export const SYNC_ROWS = 200;

function useRows(state: AppState, nowMs: number): Rows | undefined {
  const sync = state.interviews.length <= SYNC_ROWS;
  const syncRows = useMemo(() => (sync ? buildRows(state.interviews, state.settings, nowMs) : undefined), [sync, state.interviews, state.settings, nowMs]);
  const [sliced, setSliced] = useState<Rows | undefined>(undefined);
  useEffect(() => (sync ? undefined : buildRowsSliced(state.interviews, state.settings, nowMs, setSliced)), [sync, state.interviews, state.settings, nowMs]);
  // While a new slice runs, the previous order stays on screen.
  return syncRows ?? sliced;
}

type View = { kind: 'list' } | { kind: 'form'; interview?: Interview };

type Props = {
  connection: Connection;
  /** The clock (tests and screenshots pin it). */
  now?: () => number;
  /** Locale for dates and times; the browser's by default. */
  locale?: string;
};

let toastIds = 0;

export function PopupApp({ connection, now = Date.now, locale }: Props) {
  const { state, error } = useAppState(connection);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [toast, setToast] = useState<ToastMessage | undefined>(undefined);
  const [focusUndo, setFocusUndo] = useState(0);
  const [focusCardState, setFocusCardState] = useState<{ id: string; n: number } | undefined>(undefined);
  const setFocusCard = (id: string): void => setFocusCardState((old) => ({ id, n: (old?.n ?? 0) + 1 }));
  const [nowMs, setNowMs] = useState(now);
  const undoRef = useRef<HTMLButtonElement>(null);
  const logRef = useRef<HTMLButtonElement>(null);

  // Statuses move with the clock: refresh every half minute while the popup is open.
  useEffect(() => {
    const timer = setInterval(() => setNowMs(now()), 30_000);
    return () => clearInterval(timer);
  }, [now]);

  // Focus moves in layout effects, right after the commit (see InterviewForm).
  useLayoutEffect(() => {
    if (focusUndo) undoRef.current?.focus();
  }, [focusUndo]);

  // Opening the popup puts focus on "Log an interview", so Enter starts the form.
  const loaded = !!state;
  useLayoutEffect(() => {
    if (loaded) logRef.current?.focus();
  }, [loaded]);

  const show = useCallback((text: string, undo?: () => Promise<void>, focus = false): void => {
    setToast({ id: ++toastIds, text, ...(undo ? { undo } : {}) });
    if (focus && undo) setFocusUndo((n) => n + 1);
  }, []);

  const send = connection.send;
  const settings = state?.settings;
  const fmt: Fmt | undefined = useMemo(() => (settings ? { timeZone: settings.timeZone, ...(locale ? { locale } : {}) } : undefined), [settings, locale]);

  // The card actions format with the current settings without being rebuilt on every change.
  const latest = useRef({ fmt, nowMs, settings });
  latest.current = { fmt, nowMs, settings };
  const fmtWhen = useCallback((iso: string): string => {
    const { fmt: f, nowMs: n } = latest.current;
    return f ? formatWhen(iso, n, f) : iso;
  }, []);
  const eventMessage = useCallback((event: EventRequest, iv: Interview): string => {
    const s = latest.current.settings;
    const row = s ? rowFor(iv, s, now()) : undefined;
    const next = row?.status.next ? t('toast_nextStep', stepName(row.status.next.kind), fmtWhen(row.status.next.notifyAt)) : '';
    switch (event.type) {
      case 'sent':
        return `${t('toast_markedSent', stepName(event.step))} ${next}`.trim();
      case 'dismissed':
        return `${t('toast_skipped', stepName(event.step))} ${next}`.trim();
      case 'reply':
        return event.newDecisionDate ? `${t('toast_replyWithDate')} ${next}`.trim() : t('toast_replyPaused');
      case 'outcome':
        return closedWords(event.outcome);
    }
  }, [now, fmtWhen]);

  const actions: CardActions = useMemo(
    () => ({
      compose(iv, kind) {
        send('openCompose', { id: iv.id, kind }).then(
          (res) => (res.ok ? show(t('toast_composeOpened', stepName(kind))) : show(t('toast_failed', res.error))),
          (e: unknown) => show(errorText(e)),
        );
      },
      async record(iv, event) {
        try {
          const res = await send('recordEvent', { id: iv.id, event });
          if (!res.ok) {
            show(t('toast_failed', res.error));
            return false;
          }
          const undo = async (): Promise<void> => {
            const back = await send('undoEvent', { id: iv.id, match: event }).catch((e: unknown) => ({ ok: false as const, error: errorText(e) }));
            show(back.ok ? t('toast_undone') : t('toast_failed', back.error));
          };
          show(eventMessage(event, res.interview), undo, event.type === 'outcome');
          return true;
        } catch (e) {
          show(errorText(e));
          return false;
        }
      },
      snooze(iv, step: StepKind) {
        send('snooze', { id: iv.id, step }).then(
          (res) => (res.ok ? show(t('toast_snoozed', stepName(step), fmtWhen(res.until))) : show(t('toast_failed', res.error))),
          (e: unknown) => show(errorText(e)),
        );
      },
      edit(iv) {
        setView({ kind: 'form', interview: iv });
      },
      remove(iv) {
        send('deleteInterview', { id: iv.id }).then(
          (res) => {
            if (!res.ok) return show(t('toast_failed', res.error));
            const deleted = res.deleted;
            show(
              t('toast_deleted', deleted.company),
              async () => {
                const back = await send('restoreInterview', { interview: deleted }).catch((e: unknown) => ({ ok: false as const, error: errorText(e) }));
                if (back.ok) setFocusCard(deleted.id);
                show(back.ok ? t('toast_restored', deleted.company) : t('toast_failed', back.error));
              },
              true,
            );
          },
          (e: unknown) => show(errorText(e)),
        );
      },
    }),
    [send, show, fmtWhen, eventMessage],
  );

  const header = (
    <header>
      <h1>
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        {t('popup_title')}
      </h1>
      <div class="header-actions">
        {view.kind === 'list' && state && state.interviews.length > 0 && (
          <button type="button" class="primary" ref={logRef} onClick={() => setView({ kind: 'form' })}>
            {t('popup_logInterview')}
          </button>
        )}
        <a class="button icon-button" href="/src/options/index.html" target="_blank" rel="noopener" aria-label={t('popup_options')} title={t('popup_options')} onClick={openOptions}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M19.14 12.94a7.5 7.5 0 0 0 .05-.94 7.5 7.5 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7.3 7.3 0 0 0-1.62-.94l-.36-2.54A.5.5 0 0 0 13.9 2h-3.8a.5.5 0 0 0-.49.42l-.36 2.54c-.58.24-1.12.55-1.62.94l-2.39-.96a.5.5 0 0 0-.6.22L2.72 8.48a.5.5 0 0 0 .12.64l2.03 1.58a7.5 7.5 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.3.6.22l2.39-.96c.5.39 1.04.7 1.62.94l.36 2.54c.04.24.25.42.49.42h3.8c.24 0 .45-.18.49-.42l.36-2.54c.58-.24 1.12-.55 1.62-.94l2.39.96c.22.08.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z" />
          </svg>
        </a>
      </div>
    </header>
  );

  let body;
  if (error) {
    body = (
      <div class="alert" role="alert">
        {t('popup_loadFailed', error)}
      </div>
    );
  } else if (!state || !settings || !fmt) {
    body = <p class="hint">{t('ui_loading')}</p>;
  } else if (view.kind === 'form') {
    body = (
      <InterviewForm
        key={view.interview?.id ?? 'new'}
        send={send}
        settings={settings}
        nowMs={nowMs}
        interview={view.interview}
        onCancel={() => {
          const editing = view.interview?.id;
          setView({ kind: 'list' });
          if (editing) setFocusCard(editing);
        }}
        onSaved={(iv) => {
          setView({ kind: 'list' });
          setFocusCard(iv.id);
          const row = rowFor(iv, settings, now());
          const next = row.status.next;
          show(next ? t('toast_savedNext', iv.company, stepName(next.kind), formatWhen(next.notifyAt, now(), fmt)) : t('toast_saved', iv.company));
        }}
      />
    );
  } else if (state.interviews.length === 0) {
    body = <EmptyState onStart={() => setView({ kind: 'form' })} />;
  } else {
    body = <InterviewList state={state} nowMs={nowMs} fmt={fmt} actions={actions} focusCard={focusCardState} />;
  }

  return (
    <main class="popup">
      {header}
      <div class="content">
        {state && <StorageNotice state={state} connection={connection} now={now} />}
        {body}
      </div>
      <div class="message-bar">
        <Toast toast={toast} undoRef={undoRef} onClose={() => setToast(undefined)} />
      </div>
    </main>
  );
}

function openOptions(e: MouseEvent): void {
  const runtime = (globalThis as { chrome?: { runtime?: { openOptionsPage?: () => unknown } } }).chrome?.runtime;
  if (runtime?.openOptionsPage) {
    e.preventDefault();
    void runtime.openOptionsPage();
  }
}

function EmptyState({ onStart }: { onStart(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Take focus when the popup opens empty, not from the Undo of the last delete.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, []);
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty_title')}</h2>
      <p>{t('empty_body')}</p>
      <ol>
        <li>{t('empty_step1')}</li>
        <li>{t('empty_step2')}</li>
        <li>{t('empty_step3')}</li>
      </ol>
      <button type="button" class="primary" ref={ref} onClick={onStart}>
        {t('empty_start')}
      </button>
      <p class="hint" style={{ marginTop: '0.6rem' }}>
        {t('empty_privacy')}
      </p>
    </section>
  );
}

type ListProps = { state: AppState; nowMs: number; fmt: Fmt; actions: CardActions; focusCard?: { id: string; n: number } };

/** Open interviews by next step, a page at a time; closed ones in a collapsed section, built only when opened. */
function InterviewList({ state, nowMs, fmt, actions, focusCard }: ListProps) {
  const rows = useRows(state, nowMs);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [closedOpen, setClosedOpen] = useState(false);
  const [closedLimit, setClosedLimit] = useState(PAGE_SIZE);

  if (!rows) return <p class="hint">{t('list_planning', state.interviews.length)}</p>;
  const { open, closed } = rows;
  // A card that must get focus (just saved, restored) is always on the shown page.
  const focusIndex = focusCard ? open.findIndex((r) => r.interview.id === focusCard.id) : -1;
  const shown = Math.max(limit, focusIndex + 1);
  const summary = countByState(open);

  return (
    <div>
      <div class="section-head">
        <h2>{t('list_title')}</h2>
        <span class="hint">{summary}</span>
      </div>
      {open.length === 0 ? (
        <p class="hint">{t('list_noneOpen')}</p>
      ) : (
        <ul class="list" aria-label={t('list_title')}>
          {open.slice(0, shown).map((row) => (
            <InterviewCard key={row.interview.id} row={row} settings={state.settings} yourName={state.profile.name} nowMs={nowMs} fmt={fmt} actions={actions} focus={row.interview.id === focusCard?.id ? focusCard.n : 0} />
          ))}
        </ul>
      )}
      {open.length > shown && (
        <button type="button" onClick={() => setLimit(shown + PAGE_SIZE)}>
          {t('list_showMore', Math.min(PAGE_SIZE, open.length - shown), open.length - shown)}
        </button>
      )}
      {closed.length > 0 && (
        <details class="closed-section" open={closedOpen} onToggle={(e) => setClosedOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('list_closed', closed.length)}</summary>
          {closedOpen && (
            <ul class="list" aria-label={t('list_closedLabel')}>
              {closed.slice(0, closedLimit).map((row) => (
                <InterviewCard key={row.interview.id} row={row} settings={state.settings} yourName={state.profile.name} nowMs={nowMs} fmt={fmt} actions={actions} />
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

export { markSentLabel };
