/**
 * The reminder page: where a click on a notification leads (Firefox has no
 * notification buttons, so this is how its reminders offer "Write email" and
 * "Snooze"; Chrome opens it too when the notification body is clicked).
 * It shows what the notification said, from storage.session, and the same actions.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { planFollowUps } from '../domain/plan';
import { extensionConnection } from '../shared/connection';
import { actionLabel, itemFor, parseReminderId, readShown, whenPhrase, type ReminderAction, type ReminderItem, type ShownNotification } from '../background/notifications';
import type { StorageArea } from '../background/store';
import type { AppState } from '../shared/state';
import { t, uiLanguage } from '../shared/i18n';

const connection = extensionConnection();

/** `more`: items of a big summary not kept in storage.session (the popup lists them all). */
type View = { title: string; message?: string; items: ReminderItem[]; more?: number };

/** The notification as shown; if the session forgot it (browser restarted), rebuilt from its id and the stored interview. */
async function loadView(id: string): Promise<View> {
  const shown: ShownNotification | undefined = (await readShown(browser.storage.session as unknown as StorageArea)).find((n) => n.id === id);
  if (shown) return { title: shown.title, ...(shown.items.length > 1 ? { message: shown.message } : {}), items: shown.items, ...(shown.more ? { more: shown.more } : {}) };
  const parsed = parseReminderId(id);
  if (parsed) {
    const state = await connection.load();
    const interview = state.interviews.find((i) => i.id === parsed.interviewId);
    const step = interview && planFollowUps(interview, state.settings).find((s) => s.kind === parsed.step && s.round === parsed.round && s.status === 'pending');
    if (interview && step) {
      const item = itemFor({ interview, step }, state.settings, Date.now());
      return { title: item.title, items: [item] };
    }
  }
  return { title: t('reminder_doneTitle'), message: t('reminder_doneMessage'), items: [] };
}

function Item({ item, state, heading }: { item: ReminderItem; state: AppState | undefined; heading: boolean }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: ReminderAction) => {
    setBusy(true);
    try {
      if (action === 'write' && item.draftKind) {
        const r = await connection.send('openCompose', { id: item.interviewId, kind: item.draftKind });
        setStatus(r.ok ? t('reminder_draftOpen') : r.error);
      } else if (action === 'snooze') {
        const r = await connection.send('snooze', { id: item.interviewId, step: item.step });
        const zone = state?.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        setStatus(r.ok ? t('reminder_snoozed', whenPhrase(Date.parse(r.until), Date.now(), zone)) : r.error);
      } else if (action === 'dismiss') {
        const r = await connection.send('recordEvent', { id: item.interviewId, event: { type: 'dismissed', step: item.step } });
        setStatus(r.ok ? t('reminder_noted') : r.error);
      }
    } catch {
      setStatus(t('reminder_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-interview={item.interviewId} data-step={item.step}>
      {heading ? <h2>{item.title}</h2> : null}
      <p>{item.message}</p>
      <div class="actions">
        {item.actions.map((a, i) => (
          <button key={a} type="button" class={i === 0 ? 'primary' : undefined} data-action={a} disabled={busy} onClick={() => void run(a)}>
            {actionLabel(a)}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </li>
  );
}

function ReminderPage({ id }: { id: string }) {
  const [view, setView] = useState<View | undefined>();
  const [state, setState] = useState<AppState | undefined>();
  useEffect(() => {
    void loadView(id).then(setView);
    void connection.load().then(setState);
    return connection.watch(setState);
  }, [id]);
  if (!view) return <main aria-busy="true" />;
  return (
    <main data-ready="true">
      <h1>{view.title}</h1>
      {view.message && view.items.length === 0 ? <p>{view.message}</p> : null}
      <ul>
        {view.items.map((item) => (
          <Item key={`${item.interviewId}:${item.step}:${item.round}`} item={item} state={state} heading={view.items.length > 1} />
        ))}
      </ul>
      {view.more ? <p>{t('reminder_more', view.more)}</p> : null}
    </main>
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('reminder_pageTitle');
const id = new URLSearchParams(location.search).get('id') ?? '';
render(<ReminderPage id={id} />, document.getElementById('app')!);
