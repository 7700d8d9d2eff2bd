import type { FollowUpStep } from '../domain/types';
import { formatDateTime, formatShortDate, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import { stepName, stepShortName, stepView, stepViewText, visibleSteps } from './steps';

type Props = {
  steps: FollowUpStep[];
  nowMs: number;
  fmt: Fmt;
  /** The step the status calls overdue, drawn as such. */
  overdue?: FollowUpStep;
};

/**
 * The plan at a glance: every step a point on one line, filled when done, ringed when due,
 * hollow when upcoming, with its short date. Screen readers get the full sentence per step.
 */
export function Timeline({ steps, nowMs, fmt, overdue }: Props) {
  const shown = visibleSteps(steps);
  if (shown.length === 0) return null;
  return (
    <ol class="timeline" aria-label={t('timeline_label')}>
      {shown.map((s) => {
        const isOverdue = !!overdue && overdue.kind === s.kind && overdue.round === s.round && s.status === 'pending';
        const view = stepView(s, nowMs, isOverdue);
        return (
          <li key={`${s.kind}-${s.round}`} class={`step step--${view}`} title={`${stepName(s.kind)}: ${stepViewText(view)}, ${formatDateTime(s.notifyAt, fmt)}`}>
            <span class="dot" aria-hidden="true" />
            <span class="step-label">{stepShortName(s)}</span>
            <span class="step-date">{formatShortDate(s.notifyAt, fmt)}</span>
            <span class="visually-hidden">{`, ${stepViewText(view)}`}</span>
          </li>
        );
      })}
    </ol>
  );
}
