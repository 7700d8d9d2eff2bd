/**
 * The reminder page: where a click on a notification leads (Firefox has no notification
 * buttons, so this is how its reminders offer "Write email" and "Snooze"; Chrome opens it too
 * when the notification body is clicked). It asks the background what the notification said
 * (or, once the browser forgot it, what the stored interview still needs) and offers the same actions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from '../shared/connection';
import { formatWhen } from '../shared/format';
import { t } from '../shared/i18n';
import type { ReminderAction, ReminderItem, ReminderView } from '../shared/protocol';
import type { AppState } from '../shared/state';
import { NamePrompt, useNameFirst } from '../ui/NamePrompt';
import { problemText } from '../ui/problem-text';

export function actionLabel(action: ReminderAction): string {
  return action === 'write' ? t('notify_write') : action === 'snooze' ? t('notify_snooze') : t('notify_dismiss');
}

type ItemProps = { item: ReminderItem; state: AppState | undefined; heading: boolean; connection: Connection; now: () => number };

function Item({ item, state, heading, connection, now }: ItemProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // As in the popup: a profile without a name is asked for it once before the first draft.
  const name = useNameFirst(state?.profile);
  const card = useRef<HTMLLIElement>(null);
  /** Back from the name prompt (cancelled): focus returns to Write email, where it was. */
  const back = useRef(false);
  useEffect(() => {
    if (name.asking || !back.current) return;
    back.current = false;
    card.current?.querySelector<HTMLElement>('[data-action="write"]')?.focus();
  }, [name.asking]);

  const run = (action: ReminderAction): void => (action === 'write' ? name.first(() => void act(action)) : void act(action));

  const act = async (action: ReminderAction): Promise<void> => {
    setBusy(true);
    try {
      if (action === 'write' && item.draftKind) {
        const r = await connection.send('openCompose', { id: item.interviewId, kind: item.draftKind });
        setStatus(r.ok ? t('reminder_draftOpen') : problemText(r.error));
      } else if (action === 'snooze') {
        const r = await connection.send('snooze', { id: item.interviewId, step: item.step });
        const timeZone = state?.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        setStatus(r.ok ? t('reminder_snoozed', formatWhen(r.until, now(), { timeZone })) : problemText(r.error));
      } else if (action === 'dismiss') {
        const r = await connection.send('recordEvent', { id: item.interviewId, event: { type: 'dismissed', step: item.step } });
        setStatus(r.ok ? t('reminder_noted') : problemText(r.error));
      }
    } catch {
      setStatus(t('reminder_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li ref={card} class="card" data-interview={item.interviewId} data-step={item.step}>
      {heading ? <h2>{item.title}</h2> : null}
      <p>{item.message}</p>
      {name.asking && state ? (
        <NamePrompt
          send={connection.send}
          profile={state.profile}
          onSaved={name.saved}
          onCancel={() => {
            back.current = true;
            name.cancel();
          }}
        />
      ) : null}
      {name.asking ? null : (
        <div class="actions">
          {item.actions.map((a, i) => (
            <button key={a} type="button" class={i === 0 ? 'primary' : undefined} data-action={a} disabled={busy} onClick={() => run(a)}>
              {actionLabel(a)}
            </button>
          ))}
        </div>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </li>
  );
}

export function ReminderPage({ id, connection, now = Date.now }: { id: string; connection: Connection; now?: () => number }) {
  const [view, setView] = useState<ReminderView | undefined>();
  const [state, setState] = useState<AppState | undefined>();
  useEffect(() => {
    const done: ReminderView = { title: t('reminder_doneTitle'), message: t('reminder_doneMessage'), items: [] };
    connection.send('reminderView', { id }).then(
      (r) => setView(r.ok && r.view.items.length > 0 ? r.view : done),
      () => setView(done),
    );
    void connection.load().then(setState, () => undefined);
    return connection.watch(setState);
  }, [id, connection]);
  if (!view) return <main class="reminder" aria-busy="true" />;
  return (
    <main class="reminder" data-ready="true">
      <h1>{view.title}</h1>
      {view.message && view.items.length === 0 ? <p>{view.message}</p> : null}
      <ul class="list">
        {view.items.map((item) => (
          <Item key={`${item.interviewId}:${item.step}:${item.round}`} item={item} state={state} heading={view.items.length > 1} connection={connection} now={now} />
        ))}
      </ul>
      {view.more ? <p>{t('reminder_more', view.more)}</p> : null}
    </main>
  );
}
