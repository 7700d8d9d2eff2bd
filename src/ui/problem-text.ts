/**
 * Problems from the background (codes with fields, src/shared/protocol.ts) in the user's
 * language. The background never sends English; each code has its message here.
 */
import type { FieldIssue, Problem } from '../shared/protocol';
import { t, type MessageKey } from '../shared/i18n';

/** A validation or problem code on one field, as a sentence. */
export function issueText(issue: Pick<FieldIssue, 'code' | 'version' | 'max'>): string {
  const key = `v_${issue.code}` as MessageKey;
  const text = t(key);
  // A problem code on a field carries its facts (version, max) beside the code.
  return text === key ? problemText(issue as Problem) : text;
}

const issueOf = (issue: FieldIssue | undefined): string => (issue ? issueText(issue) : t('error_unreadable'));

export function problemText(p: Problem): string {
  switch (p.code) {
    case 'notFound':
      return t('error_notFound');
    case 'nothingToUndo':
      return t('error_nothingToUndo');
    case 'notPending':
      return t('error_notPending');
    case 'saveFailed':
      return t('error_saveFailed');
    case 'draftFailed':
      return t('error_draftFailed');
    case 'invalidRecord':
      return t('error_invalidRecord', issueOf(p.issue));
    case 'unknownMessage':
    case 'malformedMessage':
      return t('error_badRequest');
    case 'notAllowed':
      return t('error_notAllowed');
    case 'storageFull':
      return t('error_storageFull');
    case 'readOnly':
      return t('error_newerVersion', p.version);
    case 'historyFull':
      return t('error_historyFull', p.max.toLocaleString());
    case 'tooFast':
      return t('error_tooFast');
    case 'notOffered':
      return t('error_notOffered');
    case 'backupNotBackup':
      return t('backup_notBackup');
    case 'backupNoVersion':
      return t('backup_noVersion');
    case 'backupNewer':
      return t('backup_newer', p.version);
    case 'backupNoList':
      return t('backup_noList');
    case 'backupTooMany':
      return t('backup_tooMany', p.max.toLocaleString());
    case 'backupBadInterview':
      return p.company ? t('backup_badInterviewNamed', p.index, p.company, issueOf(p.issue)) : t('backup_badInterview', p.index, issueOf(p.issue));
    case 'backupDuplicate':
      return t('backup_duplicate', p.id);
    case 'backupBadSettings':
      return t('backup_badSettings', issueOf(p.issue));
    case 'backupBadProfile':
      return t('backup_badProfile', issueOf(p.issue));
    default:
      return t('error_unexpected');
  }
}

