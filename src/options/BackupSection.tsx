/**
 * Options: export everything as a file, and import one back, all or nothing, after a preview
 * of what would change. A refused file changes nothing and the page says why.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from '../shared/connection';
import { t, tn } from '../shared/i18n';
import type { ImportPreview } from '../shared/protocol';
import { errorText } from '../ui/components';
import { download } from '../ui/download';
import { problemText } from '../ui/problem-text';

type Pending = { backup: unknown; preview: ImportPreview; name: string };

export function BackupSection({ connection, now }: { connection: Connection; now: () => number }) {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (pending) previewRef.current?.focus();
  }, [pending]);

  const reset = (): void => {
    setPending(undefined);
    if (fileRef.current) fileRef.current.value = '';
  };

  const exportBackup = async (): Promise<void> => {
    setError('');
    try {
      const res = await connection.send('exportBackup', {});
      const day = new Date(now()).toISOString().slice(0, 10);
      download(`followup-backup-${day}.json`, `${JSON.stringify(res.backup, null, 2)}\n`, 'application/json');
      setStatus(tn('options_exported', res.backup.interviews.length));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const choose = async (file: File | undefined): Promise<void> => {
    setError('');
    setStatus('');
    setPending(undefined);
    if (!file) return;
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setError(t('options_importNotJson'));
      return;
    }
    try {
      const res = await connection.send('previewImport', { backup });
      if (!res.ok) return setError(t('options_importRejected', problemText(res.error)));
      setPending({ backup, preview: res.preview, name: file.name });
    } catch (err) {
      setError(t('options_importRejected', errorText(err)));
    }
  };

  const apply = async (): Promise<void> => {
    if (!pending) return;
    try {
      const res = await connection.send('applyImport', { backup: pending.backup });
      if (!res.ok) {
        setError(t('options_importRejected', problemText(res.error)));
        reset();
        return;
      }
      reset();
      setStatus(t('options_imported', res.preview.added, res.preview.updated, res.preview.unchanged));
    } catch (err) {
      setError(t('options_importRejected', errorText(err)));
    }
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('options_backup')}</h2>
      <p class="hint">{t('options_backupIntro')}</p>
      <div class="actions spaced-below">
        <button type="button" class="primary" onClick={() => void exportBackup()}>
          {t('options_export')}
        </button>
      </div>
      <div class="field">
        <label for="backup-file">{t('options_importFile')}</label>
        <input id="backup-file" ref={fileRef} type="file" accept="application/json,.json" aria-describedby="backup-file-hint" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        <p class="hint" id="backup-file-hint">
          {t('options_importHint')}
        </p>
      </div>
      {error && (
        <div class="alert" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </div>
      )}
      {pending && (
        <div
          class="notice"
          tabIndex={-1}
          ref={previewRef}
          aria-labelledby="import-preview-title"
          role="group"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              reset();
            }
          }}
        >
          <h3 id="import-preview-title">{t('options_importPreviewTitle', pending.name)}</h3>
          <ul>
            <li>{tn('options_importAdded', pending.preview.added)}</li>
            <li>{tn('options_importUpdated', pending.preview.updated)}</li>
            <li>{tn('options_importUnchanged', pending.preview.unchanged)}</li>
            <li>{pending.preview.settingsChanged ? t('options_importSettingsChange') : t('options_importSettingsSame')}</li>
            <li>{pending.preview.profileChanged ? t('options_importProfileChange') : t('options_importProfileSame')}</li>
          </ul>
          <p class="hint">{t('options_importKeeps')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void apply()}>
              {t('options_applyImport')}
            </button>
            <button type="button" onClick={reset}>
              {t('form_cancel')}
            </button>
          </div>
        </div>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
