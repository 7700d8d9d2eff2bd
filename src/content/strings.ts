/**
 * The webmail UI's words, from messages.json through the i18n API (getters, so a string is
 * looked up when it is shown). Prefixes ("To:", "About") get their space here.
 */
import type { DraftKind } from '../domain/types';
import { t } from '../shared/i18n';

export const kindName = (kind: DraftKind): string =>
  kind === 'thank-you' ? t('content_kindThankYou') : kind === 'status-inquiry' ? t('content_kindStatusInquiry') : t('content_kindFinalCheckIn');

export const T = {
  get control() { return t('content_control'); },
  get label() { return t('content_label'); },
  get close() { return t('content_close'); },
  get loading() { return t('content_loading'); },
  get offline() { return t('content_offline'); },
  get none() { return t('content_none'); },
  get nothing() { return t('content_nothing'); },
  get which() { return t('content_which'); },
  get about() { return `${t('content_about')} `; },
  get change() { return t('content_change'); },
  get noDraft() { return t('content_noDraft'); },
  get to() { return `${t('content_to')} `; },
  get subject() { return `${t('content_subject')} `; },
  get insert() { return t('content_insert'); },
  replace: (subject: string) => t('content_replace', subject),
  get replaceYes() { return t('content_replaceYes'); },
  get keep() { return t('content_keep'); },
  words: (n: number) => t('content_words', n),
  get calmer() { return t('content_calmer'); },
  get instead() { return `${t('content_instead')} `; },
  badge: (n: number) => (n === 1 ? t('content_badgeOne') : t('content_badgeMany', n)),
  sent: (kind: DraftKind, company: string) => t('content_sent', kindName(kind), company),
  get undo() { return t('content_undo'); },
  get undone() { return t('content_undone'); },
  get undoFailed() { return t('content_undoFailed'); },
};
