/**
 * "Copy diagnostics" (issue 14): what a bug report about the Gmail or Outlook integration needs —
 * the extension's version, the browser, the content script's recent errors and the skeleton of the
 * last compose it failed on — and nothing private: no text the user wrote, no address (the content
 * script leaves them out and the background scrubs what is left). The user sees exactly what was
 * copied before pasting it anywhere. This is how we learn about the real sites without telemetry.
 */
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../shared/protocol';
import { t } from '../shared/i18n';
import type { Connection } from '../ui/connection';

type Diagnostics = Extract<ResponseOf<'diagnostics'>, { ok: true }>;

/**
 * The report as pasted into a bug report. Its labels stay in English on purpose: it is read by
 * the developers, whatever the user's language.
 */
export function diagnosticsText(d: Diagnostics, now: number): string {
  const lines = [`FollowUp ${d.version}`, `Browser: ${d.browser}`, `Copied: ${new Date(now).toISOString()}`, ''];
  lines.push(d.errors.length ? `Recent errors in Gmail or Outlook (${d.errors.length}, oldest first):` : 'No errors recorded in Gmail or Outlook since the browser started.');
  for (const e of d.errors) lines.push(`  ${e.at} ${e.host} ${e.where}: ${e.message}`);
  if (d.skeleton) lines.push('', `Last compose FollowUp failed on (${d.skeleton.at}, ${d.skeleton.host}, ${d.skeleton.where}):`, d.skeleton.skeleton);
  return lines.join('\n');
}

export function DiagnosticsSection({ connection, now = Date.now }: { connection: Connection; now?: () => number }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  const copy = async (): Promise<void> => {
    let report = '';
    try {
      const d = await connection.send('diagnostics', {});
      report = diagnosticsText(d, now());
      setText(report);
      await navigator.clipboard.writeText(report);
      setStatus(t('options_diagnosticsCopied'));
    } catch {
      setStatus(report ? t('options_diagnosticsCopyFailed') : t('ui_somethingWentWrong'));
    }
  };

  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('options_diagnostics')}</h2>
      <p class="hint">{t('options_diagnosticsIntro')}</p>
      <div class="actions">
        <button type="button" id="diagnostics-copy" onClick={() => void copy()}>
          {t('options_diagnosticsCopy')}
        </button>
        <span class="status" role="status">
          {status}
        </span>
      </div>
      {text && (
        <div class="field">
          <label for="diagnostics-text">{t('options_diagnosticsShown')}</label>
          <textarea id="diagnostics-text" readOnly rows={8} value={text} spellcheck={false} />
        </div>
      )}
    </section>
  );
}
