/**
 * Keeps the log form's entries while the popup is closed. A toolbar popup closes as soon as
 * the user clicks elsewhere (to copy the interviewer's address from an email, say), so every
 * change is sent to the background at once, which keeps it in storage.session; the next
 * popup starts from it. Writes are coalesced: while one is on its way, only the latest
 * entries wait behind it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection } from '../shared/connection';
import type { FormDraft } from '../shared/protocol';

export type DraftKeeper = {
  /** The draft found when the popup opened: undefined while still reading, null when there was none. */
  found: FormDraft | null | undefined;
  /** Keeps these entries (null forgets them). */
  keep(draft: FormDraft | null): void;
};

export function useFormDraft(connection: Connection): DraftKeeper {
  const [found, setFound] = useState<FormDraft | null | undefined>(undefined);
  /** Whether storage.session may hold entries (so forgetting them needs a write). */
  const held = useRef(false);
  useEffect(() => {
    let live = true;
    connection.formDraft().then(
      (d) => {
        held.current ||= !!d;
        if (live) setFound(d ?? null);
      },
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [connection]);

  const sending = useRef(false);
  const waiting = useRef<{ draft: FormDraft | null } | undefined>(undefined);
  const latestSend = useRef(connection.send);
  latestSend.current = connection.send;

  const keep = useMemo(() => {
    const flush = (draft: FormDraft | null): void => {
      sending.current = true;
      latestSend
        .current('saveFormDraft', { draft })
        .catch(() => undefined)
        .finally(() => {
          sending.current = false;
          const next = waiting.current;
          waiting.current = undefined;
          if (next) flush(next.draft);
        });
    };
    return (draft: FormDraft | null): void => {
      if (!draft && !held.current) return;
      held.current = !!draft;
      if (sending.current) waiting.current = { draft };
      else flush(draft);
    };
  }, []);

  return { found, keep };
}
