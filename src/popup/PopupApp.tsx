/**
 * The toolbar popup: the list of interviews by next step, or the log form. The form's entries
 * outlive the popup (useFormDraft); leaving a form with entries can be undone; every answer
 * from the background is said in the message bar below the list.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Interview } from '../domain/types';
import type { Connection } from '../shared/connection';
import type { FirstPage } from '../shared/state';
import { formatWhen, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import { Toast, useAppState, type ToastMessage } from '../ui/components';
import { rowFor } from '../shared/rows';
import { stepName } from '../ui/steps';
import { draftFields, fromDraft, type FormState } from './form-model';
import { InterviewForm } from './InterviewForm';
import { InterviewList } from './InterviewList';
import { StorageNotice } from '../ui/StorageNotice';
import { EmptyState } from './notices';
import { NamePrompt, useNameFirst } from '../ui/NamePrompt';
import { useCardActions, type Show } from './useCardActions';
import { useFormDraft } from './useFormDraft';

export { PAGE_SIZE } from './InterviewList';

type FormView = { kind: 'form'; interview?: Interview; entries?: FormState; restoredAt?: string; fromEmail?: boolean | undefined; n: number };
type View = { kind: 'list' } | FormView;

type Props = {
  connection: Connection;
  /** The clock (tests and screenshots pin it). */
  now?: () => number;
  /** Locale for dates and times; the browser's by default. */
  locale?: string;
};

let toastIds = 0;
let formIds = 0;

/** The first screen's records, read once before the whole state (undefined while reading, null when there are none). */
function useFirstPage(connection: Connection): FirstPage | null | undefined {
  const [first, setFirst] = useState<FirstPage | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    connection.firstPage().then(
      (f) => live && setFirst(f ?? null),
      () => live && setFirst(null),
    );
    return () => {
      live = false;
    };
  }, [connection]);
  return first;
}

export function PopupApp({ connection, now = Date.now, locale }: Props) {
  // With thousands of interviews, reading them all takes longer than a glance: the first
  // screen (kept by the background) is read and painted first, then everything is read (the
  // browser serves storage reads in turn, so the big one waits).
  const first = useFirstPage(connection);
  const { state: full, error } = useAppState(connection, first !== undefined);
  const state = full ?? first?.state;
  const partial = full ? undefined : first?.index;
  const drafts = useFormDraft(connection);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [toast, setToast] = useState<ToastMessage | undefined>(undefined);
  const [focusUndo, setFocusUndo] = useState(0);
  const [focusCardState, setFocusCardState] = useState<{ id: string; n: number } | undefined>(undefined);
  const setFocusCard = useCallback((id: string): void => setFocusCardState((old) => ({ id, n: (old?.n ?? 0) + 1 })), []);
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

  const show: Show = useCallback((text, undo, focus = false) => {
    setToast({ id: ++toastIds, text, ...(undo ? { undo } : {}) });
    if (focus && undo) setFocusUndo((n) => n + 1);
  }, []);

  const settings = state?.settings;
  const fmt: Fmt | undefined = useMemo(() => (settings ? { timeZone: settings.timeZone, ...(locale ? { locale } : {}) } : undefined), [settings, locale]);
  const openForm = useCallback((form: Omit<FormView, 'kind' | 'n'> = {}) => setView({ kind: 'form', ...form, n: ++formIds }), []);

  const cardActions = useCardActions({ send: connection.send, show, now, settings, fmt, edit: (interview) => openForm({ interview }), restored: setFocusCard });
  // Before the first draft, a profile without a name asks for it once (NamePrompt); then the email is written.
  const name = useNameFirst(state?.profile);
  const nameFirst = name.first;
  const actions = useMemo(() => {
    const named =
      <A extends unknown[]>(f: (...a: A) => void) =>
      (...a: A): void =>
        nameFirst(() => f(...a));
    return { ...cardActions, compose: named(cardActions.compose), copy: named(cardActions.copy) };
  }, [cardActions, nameFirst]);

  // Entries kept from the last popup come back once, in the form they were typed in (an edit's
  // once its interview is known for sure).
  const loaded = drafts.found !== undefined && (drafts.found?.id ? !!full : !!state);
  const restoredOnce = useRef(false);
  useLayoutEffect(() => {
    if (!loaded || restoredOnce.current) return;
    restoredOnce.current = true;
    const kept = drafts.found;
    if (!kept) {
      logRef.current?.focus();
      return;
    }
    // Editing an interview deleted since: the entries stay, as a new one.
    const interview = kept.id ? state?.interviews.find((i) => i.id === kept.id) : undefined;
    openForm({ entries: fromDraft(kept.fields), restoredAt: kept.at, fromEmail: kept.fromEmail, ...(interview ? { interview } : {}) });
  }, [loaded, drafts.found, state, openForm]);

  const closeForm = (form: FormState, changed: boolean, editing?: Interview): void => {
    drafts.keep(null);
    setView({ kind: 'list' });
    if (editing) setFocusCard(editing.id);
    if (!changed) return;
    // Leaving a form with entries (Esc, Cancel, Discard draft) is undone in one step.
    show(
      t('toast_discarded'),
      async () => {
        openForm({ entries: form, ...(editing ? { interview: editing } : {}) });
        drafts.keep({ ...(editing ? { id: editing.id } : {}), at: new Date(now()).toISOString(), fields: draftFields(form) });
      },
      true,
    );
  };

  const header = (
    <header>
      <h1>
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        {t('popup_title')}
      </h1>
      <div class="header-actions">
        {view.kind === 'list' && state && (state.interviews.length > 0 || (partial?.closed ?? 0) > 0) && (
          <button type="button" class="primary" ref={logRef} onClick={() => openForm()}>
            {t('popup_logInterview')}
          </button>
        )}
        <a class="button icon-button" href="/src/options/index.html" target="_blank" rel="noopener" aria-label={t('popup_options')} title={t('popup_options')} onClick={openOptions}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {/* A gear from two circles (the dashed one is the teeth): a few bytes instead of a long path. */}
            <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="3.5" stroke-dasharray="3.34 3.34" />
            <circle cx="12" cy="12" r="5.5" fill="none" stroke="currentColor" stroke-width="3.5" />
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
  } else if (!state || !settings || !fmt || drafts.found === undefined) {
    body = <p class="hint">{t('ui_loading')}</p>;
  } else if (name.asking && view.kind === 'list') {
    body = <NamePrompt send={connection.send} profile={state.profile} onSaved={name.saved} onCancel={name.cancel} />;
  } else if (view.kind === 'form') {
    const editing = view.interview;
    body = (
      <InterviewForm
        key={view.n}
        send={connection.send}
        settings={settings}
        nowMs={nowMs}
        interview={editing}
        entries={view.entries}
        restoredAt={view.restoredAt}
        fromEmail={view.fromEmail}
        onChange={(form, changed) => drafts.keep(changed ? { ...(editing ? { id: editing.id } : {}), at: new Date(now()).toISOString(), fields: draftFields(form) } : null)}
        onClose={(form, changed) => closeForm(form, changed, editing)}
        onSaved={(iv) => {
          drafts.keep(null);
          setView({ kind: 'list' });
          setFocusCard(iv.id);
          const next = rowFor(iv, settings, now()).status.next;
          show(next ? t('toast_savedNext', iv.company, stepName(next.kind), formatWhen(next.notifyAt, now(), fmt)) : t('toast_saved', iv.company));
        }}
      />
    );
  } else if (state.interviews.length === 0 && !partial?.closed) {
    body = <EmptyState onStart={() => openForm()} />;
  } else {
    body = <InterviewList state={state} partial={partial} nowMs={nowMs} fmt={fmt} actions={actions} focusCard={focusCardState} />;
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
