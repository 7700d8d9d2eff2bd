/** Options: "Notice replies from my interviewers" (issue 15), saved with the schedule's settings. */
import type { Settings } from '../domain/types';
import { t } from '../shared/i18n';
import { CheckField } from '../ui/components';
import { SectionHead } from './SectionHead';
import type { Draft } from './useOptions';

export function RepliesSection({ schedule }: { schedule: Draft<Settings> }) {
  const { draft, edit, errors } = schedule;
  return (
    <section aria-labelledby="replies-title">
      <SectionHead id="replies-title" title={t('options_replies')} unsaved={schedule.dirty && draft.noticeReplies !== undefined} />
      <CheckField
        id="notice-replies"
        label={t('options_noticeReplies')}
        checked={draft.noticeReplies !== false}
        onChange={(on) => edit({ noticeReplies: on })}
        hint={t('options_noticeRepliesHint')}
        error={errors.noticeReplies}
      />
    </section>
  );
}
