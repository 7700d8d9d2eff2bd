/** One interview in the popup: where it stands, its plan as a timeline, and what the user can do next. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { callCard, type InterviewStatus } from '../domain/plan';
import type { DraftKind, FollowUpStep, Interview, Outcome, Settings, StepKind } from '../domain/types';
import type { EventRequest } from '../shared/protocol';
import { formatDateTimeCompact, formatShortDate, formatWhen, type Fmt } from '../ui/format';
import { t } from '../shared/i18n';
import type { Row } from '../ui/plan-view';
import { stepName } from '../ui/steps';
import { stepsFor } from '../ui/plan-view';
import { Timeline } from '../ui/Timeline';

export type CardActions = {
  compose(iv: Interview, kind: DraftKind): void;
  record(iv: Interview, event: EventRequest): Promise<boolean>;
  snooze(iv: Interview, step: StepKind): void;
  edit(iv: Interview): void;
  remove(iv: Interview): void;
};

const DRAFT_KINDS: readonly StepKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const isDraftKind = (k: StepKind): k is DraftKind => DRAFT_KINDS.includes(k);

export function statusText(status: InterviewStatus, fmt: Fmt): string {
  switch (status.state) {
    case 'due':
      return t('status_due');
    case 'overdue':
      return t('status_overdue');
    case 'upcoming':
      return status.next ? t('status_upcomingOn', formatShortDate(status.next.notifyAt, fmt)) : t('status_upcoming');
    case 'waiting':
      return t('status_waiting');
    case 'closed':
      return closedText(status.closedReason);
  }
}

export function closedText(reason: InterviewStatus['closedReason']): string {
  switch (reason) {
    case 'offer':
      return t('closed_offer');
    case 'rejected':
      return t('closed_rejected');
    case 'withdrew':
      return t('closed_withdrew');
    default:
      return t('closed_noResponse');
  }
}

export function markSentLabel(kind: StepKind): string {
  return kind === 'thank-you' ? t('action_markThankYouSent') : kind === 'status-inquiry' ? t('action_markInquirySent') : t('action_markFinalSent');
}

type Props = {
  row: Row;
  settings: Settings;
  /** The user's name for the call script. */
  yourName: string;
  nowMs: number;
  fmt: Fmt;
  actions: CardActions;
  /** Moves focus to this card when it changes to a new non-zero value (after a save or restore). */
  focus?: number;
};

function CardImpl({ row, settings, yourName, nowMs, fmt, actions, focus }: Props) {
  const { interview: iv, status } = row;
  const [panel, setPanel] = useState<'none' | 'more' | 'reply' | 'outcome'>('none');
  const [newDate, setNewDate] = useState('');
  const ref = useRef<HTMLLIElement>(null);
  const titleId = `card-${iv.id}-title`;
  const base = `card-${iv.id}`;

  // Opening a sub-panel moves focus into it; closing returns it to "More", unless focus had
  // already moved on when it closed (to the message bar's Undo after recording an outcome).
  const opened = useRef(false);
  const focusWasInside = useRef(false);
  const closePanel = (): void => {
    focusWasInside.current = !!ref.current?.contains(document.activeElement);
    setPanel('none');
  };
  useLayoutEffect(() => {
    if (panel === 'none') {
      if (opened.current && focusWasInside.current) ref.current?.querySelector<HTMLButtonElement>(`#${base}-more`)?.focus();
      opened.current = false;
      return;
    }
    opened.current = true;
    ref.current?.querySelector<HTMLElement>(`#${base}-panel input, #${base}-panel button`)?.focus();
  }, [panel, base]);

  useLayoutEffect(() => {
    if (focus) {
      ref.current?.focus();
      ref.current?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [focus]);

  const steps = stepsFor(iv, settings);
  const next = status.next;
  const closed = status.state === 'closed';
  const otherPending = steps.filter((s) => s.status === 'pending' && isDraftKind(s.kind) && !(next && s.kind === next.kind && s.round === next.round));
  const card = next && (next.kind === 'status-inquiry' || next.kind === 'final-check-in') && next.callAcceptable ? safeCallCard(iv, settings, yourName, nowMs) : undefined;
  const who = iv.contacts.map((c) => c.name).filter(Boolean).join(', ');

  const onPanelKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && panel !== 'none') {
      e.preventDefault();
      e.stopPropagation();
      closePanel();
    }
  };

  const record = async (event: EventRequest): Promise<void> => {
    if (await actions.record(iv, event)) closePanel();
  };

  return (
    <li class="card" ref={ref} tabIndex={-1} aria-labelledby={titleId} data-interview={iv.id} onKeyDown={onPanelKey}>
      <div class="card-head">
        <h3 class="card-title" id={titleId}>
          {t('card_title', iv.company, iv.role)}
        </h3>
        <span class={`badge badge--${status.state}`}>{statusText(status, fmt)}</span>
      </div>
      <p class="meta">
        {who ? t('card_metaWith', formatDateTimeCompact(iv.interviewAt, nowMs, fmt), who) : t('card_meta', formatDateTimeCompact(iv.interviewAt, nowMs, fmt))}
      </p>
      {row.broken && <p class="error">{t('card_broken')}</p>}
      {next && <NextLine step={next} overdue={status.state === 'overdue'} nowMs={nowMs} fmt={fmt} />}
      {status.state === 'waiting' && !row.broken && <p class="next">{t('card_waiting')}</p>}
      {closed && <p class="next">{closedWords(status.closedReason)}</p>}
      <Timeline steps={steps} nowMs={nowMs} fmt={fmt} overdue={status.state === 'overdue' ? next : undefined} />

      <div class="actions">
        {next && isDraftKind(next.kind) && (
          <button type="button" class="primary" aria-describedby={titleId} onClick={() => actions.compose(iv, next.kind as DraftKind)}>
            {t('action_writeEmail')}
          </button>
        )}
        {next && isDraftKind(next.kind) && (
          <button type="button" aria-describedby={titleId} onClick={() => void record({ type: 'sent', step: next.kind })}>
            {markSentLabel(next.kind)}
          </button>
        )}
        {next?.kind === 'move-on' && (
          <button type="button" class="primary" aria-describedby={titleId} onClick={() => void record({ type: 'dismissed', step: 'move-on' })}>
            {t('action_gotIt')}
          </button>
        )}
        <button
          type="button"
          id={`${base}-more`}
          aria-expanded={panel !== 'none'}
          aria-controls={`${base}-panel`}
          aria-describedby={titleId}
          onClick={() => (panel === 'none' ? setPanel('more') : closePanel())}
        >
          {panel === 'none' ? t('action_more') : t('action_less')}
        </button>
      </div>

      {card && (
        <details class="callcard">
          <summary>{t('call_summary')}</summary>
          <p class="hint">{t('call_intro')}</p>
          <ol aria-label={t('call_scriptLabel')}>
            {card.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ol>
          <ul aria-label={t('call_tipsLabel')}>
            {card.tips.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </details>
      )}

      <div id={`${base}-panel`} class="panel" hidden={panel === 'none'}>
        {panel === 'more' && (
          <div class="actions" style={{ marginTop: 0 }}>
            {!closed || status.closedReason === 'no-response' ? (
              <button type="button" onClick={() => setPanel('reply')}>
                {t('action_theyReplied')}
              </button>
            ) : null}
            {!closed && (
              <button type="button" onClick={() => setPanel('outcome')}>
                {t('action_outcome')}
              </button>
            )}
            {next && (
              <button type="button" onClick={() => actions.snooze(iv, next.kind)}>
                {t('action_snooze')}
              </button>
            )}
            {next && next.kind !== 'move-on' && (
              <button type="button" onClick={() => void record({ type: 'dismissed', step: next.kind })}>
                {t('action_skipStep', stepName(next.kind))}
              </button>
            )}
            {otherPending.map((s) => (
              <button type="button" key={`${s.kind}-${s.round}`} onClick={() => void record({ type: 'sent', step: s.kind })}>
                {markSentLabel(s.kind)}
              </button>
            ))}
            <button type="button" onClick={() => actions.edit(iv)}>
              {t('action_edit')}
            </button>
            <button type="button" class="danger" onClick={() => actions.remove(iv)}>
              {t('action_delete')}
            </button>
          </div>
        )}
        {panel === 'reply' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void record(newDate ? { type: 'reply', newDecisionDate: newDate } : { type: 'reply' });
            }}
          >
            <div class="field">
              <label for={`${base}-newdate`}>{t('reply_newDate')}</label>
              <input id={`${base}-newdate`} type="date" value={newDate} aria-describedby={`${base}-newdate-hint`} onInput={(e) => setNewDate(e.currentTarget.value)} />
              <p class="hint" id={`${base}-newdate-hint`}>
                {t('reply_hint')}
              </p>
            </div>
            <div class="actions">
              <button type="submit" class="primary">
                {t('reply_save')}
              </button>
              <button type="button" onClick={() => setPanel('more')}>
                {t('form_cancel')}
              </button>
            </div>
          </form>
        )}
        {panel === 'outcome' && (
          <fieldset>
            <legend>{t('outcome_legend')}</legend>
            <div class="actions" style={{ marginTop: 0, marginBottom: '0.4rem' }}>
              {(['offer', 'rejected', 'withdrew'] as Outcome[]).map((o) => (
                <button type="button" key={o} onClick={() => void record({ type: 'outcome', outcome: o })}>
                  {outcomeLabel(o)}
                </button>
              ))}
              <button type="button" onClick={() => setPanel('more')}>
                {t('form_cancel')}
              </button>
            </div>
          </fieldset>
        )}
      </div>
    </li>
  );
}

function safeCallCard(iv: Interview, settings: Settings, yourName: string, now: number) {
  try {
    return callCard(iv, settings, { yourName, now });
  } catch {
    return undefined;
  }
}

function NextLine({ step, overdue, nowMs, fmt }: { step: FollowUpStep; overdue: boolean; nowMs: number; fmt: Fmt }) {
  const when = formatWhen(step.notifyAt, nowMs, fmt);
  const text =
    step.kind === 'thank-you' && step.dueBy
      ? t('card_nextThankYou', when, formatWhen(step.dueBy, nowMs, fmt))
      : step.kind === 'move-on'
        ? t('card_nextMoveOn', when)
        : t('card_next', stepName(step.kind), when);
  return <p class={`next${overdue ? ' error' : ''}`}>{text}</p>;
}

export function outcomeLabel(o: Outcome): string {
  return o === 'offer' ? t('outcome_offer') : o === 'rejected' ? t('outcome_rejected') : t('outcome_withdrew');
}

/** Kind words for how it ended. */
export function closedWords(reason: InterviewStatus['closedReason']): string {
  switch (reason) {
    case 'offer':
      return t('kind_offer');
    case 'rejected':
      return t('kind_rejected');
    case 'withdrew':
      return t('kind_withdrew');
    default:
      return t('kind_noResponse');
  }
}

export const InterviewCard = CardImpl;
