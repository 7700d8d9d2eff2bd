/** The few English strings of the webmail UI, in one place. */
import type { DraftKind } from '../domain/types';

export const KIND: Record<DraftKind, string> = {
  'thank-you': 'Thank-you',
  'status-inquiry': 'Status inquiry',
  'final-check-in': 'Final check-in',
};

export const T = {
  control: 'Insert follow-up email',
  label: 'Follow-up',
  close: 'Close',
  loading: 'Loading…',
  offline: 'FollowUp could not be reached. Reload the page and try again.',
  none: 'No interview logged yet. Log one first from the FollowUp button in the browser toolbar.',
  nothing: 'No interview needs an email right now.',
  which: 'Which interview is this email about?',
  about: 'About ',
  change: 'Change',
  noDraft: 'Nothing is due for this interview right now.',
  to: 'To: ',
  subject: 'Subject: ',
  insert: 'Insert',
  replace: (s: string) => `Replace your subject “${s}”?`,
  replaceYes: 'Replace subject',
  keep: 'Keep mine',
  words: (n: number) => `Pressing words (${n})`,
  calmer: 'Use calmer wording',
  instead: 'Calmer: ',
  badge: (n: number) => `${n} pressing phrase${n === 1 ? '' : 's'} in your text`,
  sent: (kind: DraftKind, company: string) => `${KIND[kind]} email to ${company} marked as sent.`,
  undo: 'Undo',
  undone: 'Undone.',
  undoFailed: 'Could not undo.',
};
