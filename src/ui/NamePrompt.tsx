/**
 * Asked once, before the first draft, when the profile has no name (issue 11): drafts end with
 * the sender's name, and a bare "Best regards," would go out otherwise. One field; saved in the
 * profile, then the email the user asked for is written. In the popup and on the reminder page.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Profile } from '../domain/types';
import { t } from '../shared/i18n';
import type { Send } from '../shared/protocol';
import { TextField } from './components';
import { issueText, problemText } from './problem-text';

type Props = { send: Send; profile: Profile; onSaved(): void; onCancel(): void };

/**
 * The page's side of it: `first(then)` runs a draft action at once, or, while the profile has no
 * name, asks for it (`asking`) and runs it once `saved`. A name saved here counts before the
 * stored profile reaches the page's state.
 */
export function useNameFirst(profile: Profile | undefined) {
  const [waiting, setWaiting] = useState<(() => void) | undefined>(undefined);
  const current = useRef(profile);
  current.current = profile;
  const given = useRef(false);
  const first = useCallback((then: () => void) => (current.current?.name.trim() === '' && !given.current ? setWaiting(() => then) : then()), []);
  return {
    asking: waiting !== undefined,
    first,
    saved(): void {
      given.current = true;
      setWaiting(undefined);
      waiting?.();
    },
    cancel: (): void => setWaiting(undefined),
  };
}

export function NamePrompt({ send, profile, onSaved, onCancel }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => input.current?.focus(), []);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('name_missing'));
      input.current?.focus();
      return;
    }
    setSaving(true);
    // A failed send is "not saved", like a refusal without a field issue.
    const res = await send('saveProfile', { profile: { ...profile, name: name.trim() } }).catch(() => undefined);
    setSaving(false);
    if (res?.ok) return onSaved();
    setError(res?.issues[0] ? issueText(res.issues[0]) : problemText({ code: 'saveFailed' }));
    input.current?.focus();
  };

  return (
    <form class="interview-form name-prompt" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())} noValidate aria-labelledby="name-prompt-title">
      <h2 id="name-prompt-title" class="form-title">
        {t('name_title')}
      </h2>
      <p>{t('name_why')}</p>
      <TextField id="name-prompt-name" label={t('options_yourName')} value={name} error={error} hint={t('name_hint')} autocomplete="name" inputRef={input} onInput={(e) => (setName(e.currentTarget.value), setError(undefined))} />
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('name_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}
