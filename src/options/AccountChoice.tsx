/**
 * Which account "Write email" opens (issue 11): a Gmail account number, or an Outlook site.
 * "Automatic" (nothing stored) is where the user last used FollowUp's compose panel.
 */
import type { Profile } from '../domain/types';
import { t } from '../shared/i18n';

/** Gmail account numbers offered (Google allows up to 10 accounts signed in at once). */
const GMAIL_ACCOUNTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const AUTO = 'auto';

export function AccountChoice({ profile, error, edit }: { profile: Profile; error?: string; edit(patch: Partial<Profile>): void }) {
  const gmail = profile.webmail === 'gmail';
  const id = gmail ? 'profile-gmail-account' : 'profile-outlook-host';
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value = gmail ? (profile.gmailAccount === undefined ? AUTO : String(profile.gmailAccount)) : (profile.outlookHost ?? AUTO);
  const onChange = (e: Event) => {
    const v = (e.currentTarget as HTMLSelectElement).value;
    if (gmail) edit({ gmailAccount: v === AUTO ? undefined : Number(v) });
    else edit({ outlookHost: v === AUTO ? undefined : (v as Profile['outlookHost']) });
  };
  return (
    <div class="field">
      <label for={id}>{gmail ? t('options_gmailAccount') : t('options_outlookSite')}</label>
      <select id={id} value={value} onChange={onChange} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
        <option value={AUTO}>{t('options_accountAuto')}</option>
        {gmail
          ? GMAIL_ACCOUNTS.map((n) => (
              <option key={n} value={String(n)}>
                {t('options_gmailAccountN', n + 1, `mail.google.com/mail/u/${n}/`)}
              </option>
            ))
          : [
              <option key="live" value="outlook.live.com">
                {t('options_outlookLive')}
              </option>,
              <option key="office" value="outlook.office.com">
                {t('options_outlookOffice')}
              </option>,
            ]}
      </select>
      <p class="hint" id={`${id}-hint`}>
        {gmail ? t('options_gmailAccountHint') : t('options_outlookSiteHint')}
      </p>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
