/**
 * What the popup and the options page say about storage itself (issue 16): storage full,
 * interviews still waiting to be moved from an older version, data from a newer version, and
 * records that could not be read (set aside, or kept as they were when there was no room).
 * Plain words, and the way out where there is one: export a backup, then delete.
 * Renders nothing when all is well.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../shared/i18n';
import { errorText } from './components';
import type { AppState, Connection } from './connection';
import { download } from './download';

type Props = { state: AppState; connection: Connection; now?: () => number };

export function StorageNotice({ state, connection, now = Date.now }: Props) {
  const [status, setStatus] = useState('');
  const { health, corrupt } = state;
  const setAside = corrupt.filter((c) => !c.inPlace);
  const inPlace = corrupt.filter((c) => c.inPlace);
  const readOnly = health.newerVersion !== undefined;
  if (!health.full && !health.unmigrated && health.newerVersion === undefined && corrupt.length === 0) return null;
  const offerExport = !!health.full || !!health.unmigrated || health.newerVersion !== undefined || inPlace.length > 0;

  const exportBackup = async (): Promise<void> => {
    try {
      const res = await connection.send('exportBackup', {});
      const day = new Date(now()).toISOString().slice(0, 10);
      download(`followup-backup-${day}.json`, `${JSON.stringify(res.backup, null, 2)}\n`, 'application/json');
      setStatus(t('storage_exported'));
    } catch (err) {
      setStatus(t('storage_exportFailed', errorText(err)));
    }
  };
  const remove = (key: string): void => void connection.send('dismissCorrupt', { key }).catch((err: unknown) => setStatus(errorText(err)));

  return (
    // A plain div (a page may style its sections as cards): this must look like the alert it is.
    <div class="alert storage-notice" role="region" aria-label={t('storage_noticeLabel')}>
      <div role="alert">
        {health.newerVersion !== undefined && <p>{t('storage_newerVersion', health.newerVersion)}</p>}
        {health.full && (
          <p>
            <strong>{t('storage_fullTitle')}.</strong> {t('storage_fullBody')}
          </p>
        )}
        {health.unmigrated && <p>{t('storage_unmigrated', health.unmigrated.count)}</p>}
        {inPlace.length > 0 && (
          <>
            {/* Newer data is never changed (nor deleted) by this version; otherwise there was no room for the copy. */}
            <p>{readOnly ? tn('corrupt_introNewer', inPlace.length) : tn('corrupt_introInPlace', inPlace.length)}</p>
            <ul>
              {inPlace.map((c) => (
                <li key={c.key}>
                  {c.reason}
                  {!readOnly && (
                    <>
                      {' '}
                      <button type="button" class="link" onClick={() => remove(c.key)}>
                        {t('corrupt_delete')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {setAside.length > 0 && (
          <>
            <p>{tn('corrupt_intro', setAside.length)}</p>
            <ul>
              {setAside.map((c) => (
                <li key={c.key}>
                  {c.reason}{' '}
                  <button type="button" class="link" onClick={() => remove(c.key)}>
                    {t('corrupt_dismiss')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {offerExport && (
        <div class="actions">
          <button type="button" onClick={() => void exportBackup()}>
            {t('storage_export')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
