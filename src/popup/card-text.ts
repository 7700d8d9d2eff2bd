/** The words of a card: an interview's state, how it ended, and the names of its actions. */
import type { ClosedReason, InterviewStatus } from '../domain/plan';
import type { Outcome, StepKind } from '../domain/types';
import { t } from '../shared/i18n';

/** The badge: the state alone; the line below it says when (one wording of dates per card). */
export function statusText(status: InterviewStatus): string {
  switch (status.state) {
    case 'due':
      return t('status_due');
    case 'overdue':
      return t('status_overdue');
    case 'upcoming':
      return t('status_upcoming');
    case 'waiting':
      return t('status_waiting');
    case 'closed':
      return closedText(status.closedReason);
  }
}

export function closedText(reason: ClosedReason | undefined): string {
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

/** Kind words for how it ended. */
export function closedWords(reason: ClosedReason | undefined): string {
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

export function markSentLabel(kind: StepKind): string {
  return kind === 'thank-you' ? t('action_markThankYouSent') : kind === 'status-inquiry' ? t('action_markInquirySent') : t('action_markFinalSent');
}

export function outcomeLabel(o: Outcome): string {
  return o === 'offer' ? t('outcome_offer') : o === 'rejected' ? t('outcome_rejected') : t('outcome_withdrew');
}
