/**
 * A validation message from the domain (or the background, which validates with it) in the
 * browser's language: the `v_<code>` entry of messages.json for that message. A message the
 * table does not know (e.g. a storage failure's detail) is shown as it came.
 */
import { VALIDATION_MESSAGES } from '../domain/model';
import { t, type MessageKey } from '../shared/i18n';

let keyByText: Map<string, MessageKey> | undefined;

export function issueText(message: string): string {
  keyByText ??= new Map(Object.entries(VALIDATION_MESSAGES).map(([code, text]) => [text, `v_${code}` as MessageKey]));
  const key = keyByText.get(message);
  return key ? t(key) : message;
}
