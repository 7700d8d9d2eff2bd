/** What the popup shows besides the list: the first-run explanation (storage problems: ui/StorageNotice). */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';

export function EmptyState({ onStart }: { onStart(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Take focus when the popup opens empty, not from the Undo of the last delete.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, []);
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty_title')}</h2>
      <p>{t('empty_body')}</p>
      <ol>
        <li>{t('empty_step1')}</li>
        <li>{t('empty_step2')}</li>
        <li>{t('empty_step3')}</li>
      </ol>
      <button type="button" class="primary" ref={ref} onClick={onStart}>
        {t('empty_start')}
      </button>
      <p class="hint spaced">{t('empty_privacy')}</p>
    </section>
  );
}
