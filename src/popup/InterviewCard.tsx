/** One interview in the popup: where it stands, its plan as a timeline, and what the user can do next. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CallTip } from '../domain/call-card';
import { snoozeChoices, type SnoozeChoice } from '../domain/plan';
import type { DraftKind, FollowUpStep, Interview, Outcome, Settings, StepKind } from '../domain/types';
import { formatTime, formatWhen, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import type { EventRequest } from '../shared/protocol';
import type { Row } from '../shared/rows';
import { stepsFor } from '../shared/rows';
import { stepName } from '../ui/steps';
import { Timeline } from '../ui/Timeline';
import { closedWords, markSentLabel, outcomeLabel, statusText } from './card-text';
import { domainToConfirm, pendingReply } from '../domain/replies';
import { ReplyQuestion } from './ReplyQuestion';

export type CallScript = { lines: string[]; tips: CallTip[] };

export type CardActions = {
  compose(iv: Interview, kind: DraftKind): void;
  /** Copies the step's draft (subject and body) to the clipboard. */
  copy(iv: Interview, kind: DraftKind): void;
  /** What to say on a call, from the background (the drafts live there); undefined if it can't be had. */
  callScript(iv: Interview): Promise<CallScript | undefined>;
  record(iv: Interview, event: EventRequest): Promise<boolean>;
  snooze(iv: Interview, step: StepKind, until: SnoozeChoice): Promise<boolean>;
  edit(iv: Interview): void;
  remove(iv: Interview): void;
  /** Issue 15: "not about this interview" for the reply FollowUp noticed. */
  disown?(iv: Interview): Promise<boolean>;
  /** Issue 15: also notice mail from anyone at this domain. */
  noticeDomain?(iv: Interview, domain: string): Promise<boolean>;
};

const DRAFT_KINDS: readonly StepKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const isDraftKind = (k: StepKind): k is DraftKind => DRAFT_KINDS.includes(k);

type Props = {
  row: Row;
  settings: Settings;
  nowMs: number;
  fmt: Fmt;
  actions: CardActions;
  /** Moves focus to this card when it changes to a new non-zero value (after a save or restore). */
  focus?: number;
};

type Panel = 'none' | 'more' | 'reply' | 'outcome' | 'snooze';

export function InterviewCard({ row, settings, nowMs, fmt, actions, focus }: Props) {
  const { interview: iv, status } = row;
  const [panel, setPanel] = useState<Panel>('none');
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
  // Other steps that are due too (a late thank-you beside a due inquiry); never one still ahead.
  const otherDue = steps.filter(
    (s) => s.status === 'pending' && isDraftKind(s.kind) && Date.parse(s.notifyAt) <= nowMs && !(next && s.kind === next.kind && s.round === next.round),
  );
  const callOk = !!next && (next.kind === 'status-inquiry' || next.kind === 'final-check-in') && next.callAcceptable;
  const who = iv.contacts.map((c) => c.name).filter(Boolean).join(', ');
  const when = formatWhen(iv.interviewAt, nowMs, fmt);
  const seen = closed ? undefined : pendingReply(iv);
  const domain = closed || !actions.noticeDomain ? undefined : domainToConfirm(iv);

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
        <span class={`badge badge--${status.state}`}>{statusText(status)}</span>
      </div>
      <p class="meta">{who ? t('card_metaWith', when, who) : t('card_meta', when)}</p>
      {row.broken && <p class="error">{t('card_broken')}</p>}
      {next && <NextLine step={next} overdue={status.state === 'overdue'} nowMs={nowMs} fmt={fmt} />}
      {status.state === 'waiting' && !row.broken && <p class="next">{t('card_waiting')}</p>}
      {closed && <p class="next">{closedWords(status.closedReason)}</p>}
      {seen && <ReplyQuestion iv={iv} seen={seen} settings={settings} nowMs={nowMs} actions={actions} base={base} />}
      <Timeline steps={steps} nowMs={nowMs} fmt={fmt} overdue={status.state === 'overdue' ? next : undefined} />

      <div class="actions">
        {next && isDraftKind(next.kind) && (
          <>
            <button type="button" class="primary" aria-describedby={titleId} onClick={() => actions.compose(iv, next.kind as DraftKind)}>
              {t('action_writeEmail')}
            </button>
            <button type="button" aria-describedby={titleId} onClick={() => actions.copy(iv, next.kind as DraftKind)}>
              {t('action_copyEmail')}
            </button>
            <button type="button" aria-describedby={titleId} onClick={() => void record({ type: 'sent', step: next.kind })}>
              {markSentLabel(next.kind)}
            </button>
          </>
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

      {callOk && <CallCard iv={iv} load={actions.callScript} />}

      <div id={`${base}-panel`} class="panel" hidden={panel === 'none'}>
        {panel === 'more' && (
          <div class="actions flush">
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
              <button type="button" onClick={() => setPanel('snooze')}>
                {t('action_snooze')}
              </button>
            )}
            {next && next.kind !== 'move-on' && (
              <button type="button" onClick={() => void record({ type: 'dismissed', step: next.kind })}>
                {t('action_skipStep', stepName(next.kind))}
              </button>
            )}
            {otherDue.map((s) => (
              <button type="button" key={`${s.kind}-${s.round}`} onClick={() => void record({ type: 'sent', step: s.kind })}>
                {markSentLabel(s.kind)}
              </button>
            ))}
            {domain && (
              <button type="button" onClick={() => void actions.noticeDomain?.(iv, domain).then((ok) => ok && closePanel())}>
                {t('reply_noticeDomain', domain)}
              </button>
            )}
            <button type="button" onClick={() => actions.edit(iv)}>
              {t('action_edit')}
            </button>
            <button type="button" class="danger" onClick={() => actions.remove(iv)}>
              {t('action_delete')}
            </button>
          </div>
        )}
        {panel === 'snooze' && next && (
          <SnoozePanel
            settings={settings}
            nowMs={nowMs}
            fmt={fmt}
            onPick={(choice) => void actions.snooze(iv, next.kind, choice).then((ok) => ok && closePanel())}
            onCancel={() => setPanel('more')}
          />
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
            <div class="actions flush">
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

/** The snooze choices open now, each with the time it brings the reminder back. */
function SnoozePanel({ settings, nowMs, fmt, onPick, onCancel }: { settings: Settings; nowMs: number; fmt: Fmt; onPick(c: SnoozeChoice): void; onCancel(): void }) {
  let choices: Partial<Record<SnoozeChoice, string>> = {};
  try {
    choices = snoozeChoices(settings, new Date(nowMs));
  } catch {
    // Settings the calendar can't use: the panel offers nothing but Cancel.
  }
  const label = (c: SnoozeChoice, at: string): string =>
    c === 'later-today' ? t('snooze_laterToday', formatTime(at, fmt)) : c === 'next-work-day' ? t('snooze_nextWorkDay', formatWhen(at, nowMs, fmt)) : t('snooze_nextWeek', formatWhen(at, nowMs, fmt));
  return (
    <fieldset>
      <legend>{t('snooze_legend')}</legend>
      <div class="actions flush">
        {(['later-today', 'next-work-day', 'next-week'] as const).map((c) => {
          const at = choices[c];
          return at ? (
            <button type="button" key={c} data-choice={c} onClick={() => onPick(c)}>
              {label(c, at)}
            </button>
          ) : null;
        })}
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** "Prefer to call?": the script and tips, asked of the background when first opened. */
function CallCard({ iv, load }: { iv: Interview; load: CardActions['callScript'] }) {
  const [script, setScript] = useState<CallScript | undefined | 'loading' | 'none'>(undefined);
  const onToggle = (e: Event): void => {
    if (!(e.currentTarget as HTMLDetailsElement).open || script !== undefined) return;
    setScript('loading');
    void load(iv).then((s) => setScript(s ?? 'none'));
  };
  return (
    <details class="callcard" onToggle={onToggle}>
      <summary>{t('call_summary')}</summary>
      <p class="hint">{t('call_intro')}</p>
      {script === 'loading' && <p class="hint">{t('call_loading')}</p>}
      {typeof script === 'object' && (
        <>
          <ol aria-label={t('call_scriptLabel')}>
            {script.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ol>
          <ul aria-label={t('call_tipsLabel')}>
            {script.tips.map((tip) => (
              <li key={tip}>{t(`call_tip_${tip}`)}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
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
