/** Options: the plan a sample interview would get with the schedule as it stands, saved or not. */
import { useMemo, useState } from 'preact/hooks';
import { addWorkDays, isWorkDay, parseDay } from '../domain/calendar';
import { checkSettings } from '../domain/schemas';
import { planFollowUps } from '../domain/plan';
import type { FollowUpStep, Interview, Settings } from '../domain/types';
import { formatDateTime, formatDay, localDay, wallClockToMs, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import { CheckField } from '../ui/components';
import { stepName } from '../ui/steps';

/** A decision "within a week": the interview day plus five work days, a work day itself. */
const DECISION_WORK_DAYS = 5;

/**
 * A sample interview on the next work day at 14:00 in the draft's zone, planned with the
 * unsaved settings; with a decision date a week of work days later (so ticking it moves the
 * inquiry: the date given, plus three work days, instead of the week after the interview).
 */
export function samplePlan(settings: Settings, nowMs: number, withDecision: boolean): { interview: Interview; steps: FollowUpStep[] } | undefined {
  const valid = checkSettings(settings);
  if (!valid.ok) return undefined;
  const s = valid.value;
  try {
    // The next day after today that is in the work week and not a holiday.
    const today = localDay(nowMs, s.timeZone);
    let day = today;
    for (let i = 1; i <= 366; i++) {
      const d = new Date(Date.parse(`${today}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      if (parseDay(d) !== undefined && isWorkDay(d, s)) {
        day = d;
        break;
      }
    }
    const base: Interview = {
      id: 'sample',
      company: t('options_sampleCompany'),
      role: t('options_sampleRole'),
      interviewAt: new Date(wallClockToMs(day, '14:00', s.timeZone)).toISOString(),
      contacts: [],
      history: [],
      ...(withDecision ? { decisionExpectedBy: addWorkDays(day, DECISION_WORK_DAYS, s) } : {}),
    };
    // Show the whole cadence: as if each email went out when it was due and no one replied.
    const first = planFollowUps(base, s);
    const thanks = first.find((x) => x.kind === 'thank-you');
    const inquiry = first.find((x) => x.kind === 'status-inquiry');
    const history: Interview['history'] = [];
    if (thanks) history.push({ type: 'sent', step: 'thank-you', at: thanks.notifyAt });
    if (inquiry) history.push({ type: 'sent', step: 'status-inquiry', at: inquiry.notifyAt });
    return { interview: base, steps: planFollowUps({ ...base, history }, s) };
  } catch {
    return undefined;
  }
}

export function PlanPreview({ settings, now, locale }: { settings: Settings; now: () => number; locale?: string }) {
  const [withDecision, setWithDecision] = useState(false);
  const nowMs = useMemo(now, [now]);
  const preview = useMemo(() => samplePlan(settings, nowMs, withDecision), [settings, nowMs, withDecision]);
  const fmt: Fmt = { timeZone: preview ? settings.timeZone : 'UTC', ...(locale ? { locale } : {}) };
  return (
    <div class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('options_previewTitle')}</h3>
      <CheckField id="preview-decision" label={t('options_previewWithDecision')} checked={withDecision} onChange={setWithDecision} />
      <div aria-live="polite">
        {preview ? (
          <>
            <p>
              {withDecision && preview.interview.decisionExpectedBy
                ? t('options_previewInterviewDecision', formatDateTime(preview.interview.interviewAt, fmt), formatDay(preview.interview.decisionExpectedBy, fmt))
                : t('options_previewInterview', formatDateTime(preview.interview.interviewAt, fmt))}
            </p>
            <ol>
              {preview.steps.map((s) => (
                <li key={`${s.kind}-${s.round}`}>
                  <strong>{stepName(s.kind)}</strong>: {formatDateTime(s.notifyAt, fmt)}
                  {s.kind === 'move-on' || s.kind === 'final-check-in' ? ` ${t('options_previewIfNoReply')}` : ''}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p class="hint">{t('options_previewInvalid')}</p>
        )}
      </div>
    </div>
  );
}
