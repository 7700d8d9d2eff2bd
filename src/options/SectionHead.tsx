/** A section's heading, with "Unsaved changes" beside it while the section holds edits. */
import { t } from '../shared/i18n';

export function SectionHead({ id, title, unsaved }: { id: string; title: string; unsaved: boolean }) {
  return (
    <div class="section-head">
      <h2 id={id}>{title}</h2>
      {unsaved && <span class="unsaved-mark">{t('options_unsaved')}</span>}
    </div>
  );
}
