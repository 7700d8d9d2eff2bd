/** Options: who the drafts are signed by, and which webmail opens them. */
import type { Profile } from '../domain/types';
import { t } from '../shared/i18n';
import { TextArea, TextField } from '../ui/components';
import { AccountChoice } from './AccountChoice';
import { SectionHead } from './SectionHead';
import type { Draft } from './useOptions';

export function ProfileSection({ profile }: { profile: Draft<Profile> }) {
  const { draft, edit, errors } = profile;
  return (
    <section aria-labelledby="profile-title">
      <SectionHead id="profile-title" title={t('options_profile')} unsaved={profile.dirty} />
      <TextField id="profile-name" label={t('options_yourName')} value={draft.name} error={errors.name} autocomplete="name" hint={t('options_yourNameHint')} onInput={(e) => edit({ name: e.currentTarget.value })} />
      <TextArea id="profile-signature" label={t('options_signature')} value={draft.signature ?? ''} error={errors.signature} rows={3} hint={t('options_signatureHint')} onInput={(e) => edit({ signature: e.currentTarget.value })} />
      <fieldset aria-describedby={errors.webmail ? 'profile-webmail-error' : undefined}>
        <legend>{t('options_webmail')}</legend>
        {(['gmail', 'outlook'] as const).map((w) => (
          <div class="check" key={w}>
            <input type="radio" id={`profile-webmail-${w}`} name="webmail" value={w} checked={draft.webmail === w} onChange={() => edit({ webmail: w })} />
            <label for={`profile-webmail-${w}`}>{w === 'gmail' ? t('options_gmail') : t('options_outlook')}</label>
          </div>
        ))}
        {errors.webmail && (
          <p class="error" id="profile-webmail-error">
            {errors.webmail}
          </p>
        )}
      </fieldset>
      <AccountChoice profile={draft} edit={edit} error={draft.webmail === 'gmail' ? errors.gmailAccount : errors.outlookHost} />
    </section>
  );
}
