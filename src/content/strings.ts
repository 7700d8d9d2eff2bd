/**
 * The webmail UI's words, from messages.json through the i18n API, looked up when shown:
 * `T('insert')` is the entry content_insert (a typo is a compile error).
 */
import type { DraftKind } from '../domain/types';
import { t, type MessageKey } from '../shared/i18n';

type Key = MessageKey extends infer M ? (M extends `content_${infer K}` ? K : never) : never;

export const T = (key: Key, ...subs: (string | number)[]): string => t(`content_${key}`, ...subs);

export const kindName = (kind: DraftKind): string => T(kind === 'thank-you' ? 'kindThankYou' : kind === 'status-inquiry' ? 'kindStatusInquiry' : 'kindFinalCheckIn');
