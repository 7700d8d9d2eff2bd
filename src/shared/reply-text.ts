/** "Priya at Acme wrote back on Tuesday — what did they say?": the notification's and the popup card's words (issue 15). */
import { localDayOf } from '../domain/calendar';
import { replyContact } from '../domain/replies';
import type { Interview } from '../domain/types';
import { formatWeekday } from './format';
import { t } from './i18n';

export function replyQuestion(iv: Pick<Interview, 'company' | 'contacts'>, seen: { from: string; receivedAt: string }, timeZone: string, now: number): string {
  const first = replyContact(iv, seen)?.name.trim().split(/\s+/)[0];
  const who = first ? t('notify_contactAt', first, iv.company) : t('reply_someoneAt', iv.company);
  const received = Date.parse(seen.receivedAt);
  const days = localDayOf(now, timeZone) - localDayOf(received, timeZone);
  const when = days === 0 ? t('reply_today') : days === 1 ? t('reply_yesterday') : t('reply_onDay', formatWeekday(received, { timeZone }));
  return t('reply_question', who, when);
}
