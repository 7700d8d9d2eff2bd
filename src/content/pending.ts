/**
 * A compose "Write email" opened (issue 11): at Send, the background is asked whether it opened a
 * compose with this subject to one of these recipients; if so, its step is recorded as sent with
 * Undo, exactly as for a draft inserted from the panel.
 */
import type { Inserted } from './compose';
import { send } from './client';
import { report } from './report';

export function askPending(recipients: string[], subject: string): Promise<Inserted | undefined> {
  if (!subject.trim()) return Promise.resolve(undefined);
  return send('composePending', { recipients, subject: subject.slice(0, 1000) }).then(
    (r) => (r?.ok && r.pending ? r.pending : undefined),
    (error: unknown) => (report('pending', error), undefined),
  );
}
