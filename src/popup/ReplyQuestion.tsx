/**
 * A reply FollowUp noticed in the webmail (issue 15), on its interview's card: who wrote and
 * when, and the four answers. A new date plans the next round; an offer or a rejection ends the
 * interview; just an update keeps reminders paused; not about this interview undoes it and never
 * matches that email again.
 */
import { useState } from 'preact/hooks';
import type { ReplySeen } from '../domain/replies';
import type { Interview, Settings } from '../domain/types';
import { t } from '../shared/i18n';
import { replyQuestion } from '../shared/reply-text';
import type { CardActions } from './InterviewCard';

type Props = { iv: Interview; seen: ReplySeen; settings: Settings; nowMs: number; actions: CardActions; base: string };

export function ReplyQuestion({ iv, seen, settings, nowMs, actions, base }: Props) {
  const [dating, setDating] = useState(false);
  const [date, setDate] = useState('');
  const id = `${base}-reply`;
  return (
    <div class="reply-question" role="group" aria-labelledby={`${id}-q`} data-reply-question="">
      <p class="next" id={`${id}-q`}>
        <strong>{replyQuestion(iv, seen, settings.timeZone, nowMs)}</strong>
      </p>
      <p class="hint">{t('reply_seenFrom', seen.subject || '…', seen.from)}</p>
      {!dating ? (
        <div class="actions flush" aria-label={t('reply_answersLabel')} role="group">
          <button type="button" data-answer="newDate" onClick={() => setDating(true)}>
            {t('reply_answerNewDate')}
          </button>
          <button type="button" data-answer="offer" onClick={() => void actions.record(iv, { type: 'outcome', outcome: 'offer' })}>
            {t('reply_answerOffer')}
          </button>
          <button type="button" data-answer="rejected" onClick={() => void actions.record(iv, { type: 'outcome', outcome: 'rejected' })}>
            {t('reply_answerRejected')}
          </button>
          <button type="button" data-answer="update" onClick={() => void actions.record(iv, { type: 'reply' })}>
            {t('reply_answerUpdate')}
          </button>
          <button type="button" data-answer="notOurs" onClick={() => void actions.disown?.(iv)}>
            {t('reply_answerNotOurs')}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (date) void actions.record(iv, { type: 'reply', newDecisionDate: date });
          }}
        >
          <div class="field">
            <label for={`${id}-date`}>{t('reply_newDateLabel')}</label>
            <input id={`${id}-date`} type="date" required value={date} ref={(el) => el?.focus()} onInput={(e) => setDate(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t('reply_newDateSave')}
            </button>
            <button type="button" onClick={() => setDating(false)}>
              {t('form_cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
