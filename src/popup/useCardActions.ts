/**
 * What a card's buttons do: each asks the background, then says what happened in the message
 * bar (in the user's words, with Undo where it can be undone). Failures are problem codes from
 * the background, worded here.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { Interview, Settings } from '../domain/types';
import { formatWhen, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import type { EventRequest, Problem, Send } from '../shared/protocol';
import { errorText } from '../ui/components';
import { rowFor } from '../shared/rows';
import { problemText } from '../ui/problem-text';
import { stepName } from '../ui/steps';
import { closedWords } from './card-text';
import type { CardActions } from './InterviewCard';

/** Shows a message; with `undo` it offers Undo (and moves focus there when `focus`). */
export type Show = (text: string, undo?: () => Promise<void>, focus?: boolean) => void;

type Deps = {
  send: Send;
  show: Show;
  now: () => number;
  settings: Settings | undefined;
  fmt: Fmt | undefined;
  edit(iv: Interview): void;
  /** A deleted interview came back: its card takes focus. */
  restored(id: string): void;
};

const unexpected = (): { ok: false; error: Problem } => ({ ok: false, error: { code: 'unexpected' } });

/** Writes text to the clipboard; throws with the browser's reason when it can't. */
async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error(t('ui_somethingWentWrong'));
  await navigator.clipboard.writeText(text);
}

export function useCardActions(deps: Deps): CardActions {
  // The actions stay the same object across renders (cards are memo-friendly); they read the latest settings through this.
  const latest = useRef(deps);
  latest.current = deps;

  return useMemo(() => {
    const send = ((type, request) => latest.current.send(type, request)) as Send;
    const show: Show = (...args) => latest.current.show(...args);
    const when = (iso: string): string => {
      const { fmt, now } = latest.current;
      return fmt ? formatWhen(iso, now(), fmt) : iso;
    };
    const eventMessage = (event: EventRequest, iv: Interview): string => {
      const { settings, now } = latest.current;
      const row = settings ? rowFor(iv, settings, now()) : undefined;
      const next = row?.status.next ? t('toast_nextStep', stepName(row.status.next.kind), when(row.status.next.notifyAt)) : '';
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
    };

    return {
      compose(iv, kind) {
        send('openCompose', { id: iv.id, kind }).then(
          (res) => show(res.ok ? t('toast_composeOpened', stepName(kind)) : t('toast_failed', problemText(res.error))),
          (e: unknown) => show(errorText(e)),
        );
      },
      copy(iv, kind) {
        send('draft', { id: iv.id, kind })
          .then(async (res) => {
            if (!res.ok) return show(t('toast_failed', problemText(res.error)));
            await copyText(`${res.draft.subject}\n\n${res.draft.body}`);
            show(t('toast_copied', stepName(kind)));
          })
          .catch((e: unknown) => show(t('toast_copyFailed', e instanceof Error ? e.message : String(e))));
      },
      async callScript(iv) {
        try {
          const res = await send('callScript', { id: iv.id });
          return res.ok ? res.card : undefined;
        } catch {
          return undefined;
        }
      },
      async record(iv, event) {
        try {
          const res = await send('recordEvent', { id: iv.id, event });
          if (!res.ok) {
            show(t('toast_failed', problemText(res.error)));
            return false;
          }
          const undo = async (): Promise<void> => {
            const back = await send('undoEvent', { id: iv.id, match: event }).catch(unexpected);
            show(back.ok ? t('toast_undone') : t('toast_failed', problemText(back.error)));
          };
          show(eventMessage(event, res.interview), undo, event.type === 'outcome');
          return true;
        } catch (e) {
          show(errorText(e));
          return false;
        }
      },
      async snooze(iv, step, until) {
        try {
          const res = await send('snooze', { id: iv.id, step, until });
          show(res.ok ? t('toast_snoozed', stepName(step), when(res.until)) : t('toast_failed', problemText(res.error)));
          return res.ok;
        } catch (e) {
          show(errorText(e));
          return false;
        }
      },
      async disown(iv) {
        try {
          const res = await send('disownReply', { id: iv.id });
          show(res.ok ? t('reply_notOursDone', iv.company) : t('toast_failed', problemText(res.error)));
          return res.ok;
        } catch (e) {
          show(errorText(e));
          return false;
        }
      },
      async noticeDomain(iv, domain) {
        try {
          const res = await send('confirmReplyDomain', { id: iv.id, domain });
          show(res.ok ? t('reply_domainNoticed', domain) : t('toast_failed', problemText(res.error)));
          return res.ok;
        } catch (e) {
          show(errorText(e));
          return false;
        }
      },
      edit(iv) {
        latest.current.edit(iv);
      },
      remove(iv) {
        send('deleteInterview', { id: iv.id }).then(
          (res) => {
            if (!res.ok) return show(t('toast_failed', problemText(res.error)));
            const deleted = res.deleted;
            show(
              t('toast_deleted', deleted.company),
              async () => {
                const back = await send('restoreInterview', { interview: deleted }).catch(unexpected);
                if (back.ok) latest.current.restored(deleted.id);
                show(back.ok ? t('toast_restored', deleted.company) : t('toast_failed', problemText(back.error)));
              },
              true,
            );
          },
          (e: unknown) => show(errorText(e)),
        );
      },
    };
  }, []);
}
