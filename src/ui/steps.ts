/** Names and display states of plan steps, shared by the popup's timeline and the options preview. */
import type { FollowUpStep, StepKind } from '../domain/types';
import { t } from '../shared/i18n';

export function stepName(kind: StepKind): string {
  switch (kind) {
    case 'thank-you':
      return t('step_thankYou');
    case 'status-inquiry':
      return t('step_statusInquiry');
    case 'move-on':
      return t('step_moveOn');
    case 'final-check-in':
      return t('step_finalCheckIn');
  }
}

export function stepShortName(step: Pick<FollowUpStep, 'kind' | 'round'>): string {
  const base =
    step.kind === 'thank-you'
      ? t('step_thankYou_short')
      : step.kind === 'status-inquiry'
        ? t('step_statusInquiry_short')
        : step.kind === 'move-on'
          ? t('step_moveOn_short')
          : t('step_finalCheckIn_short');
  return step.round > 1 && step.kind !== 'thank-you' ? t('step_round', base, step.round) : base;
}

export type StepView = 'done' | 'dismissed' | 'due' | 'overdue' | 'upcoming';

export function stepView(step: FollowUpStep, nowMs: number, overdue: boolean): StepView {
  if (step.status === 'done') return 'done';
  if (step.status === 'dismissed') return 'dismissed';
  if (overdue) return 'overdue';
  return Date.parse(step.notifyAt) <= nowMs ? 'due' : 'upcoming';
}

export function stepViewText(view: StepView): string {
  switch (view) {
    case 'done':
      return t('stepState_done');
    case 'dismissed':
      return t('stepState_dismissed');
    case 'due':
      return t('stepState_due');
    case 'overdue':
      return t('stepState_overdue');
    case 'upcoming':
      return t('stepState_upcoming');
  }
}

/** The steps worth drawing: earlier rounds' skipped steps are history, not plan. */
export function visibleSteps(steps: FollowUpStep[]): FollowUpStep[] {
  const round = steps.reduce((m, s) => Math.max(m, s.round), 1);
  return steps.filter((s) => !(s.status === 'dismissed' && s.round < round && s.kind !== 'thank-you'));
}
