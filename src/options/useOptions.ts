/**
 * The options page's one save model: every editable section (profile, schedule, and any added
 * later) edits a draft of its stored record; the page shows that something is unsaved (each
 * changed section says so, and the save bar at the bottom counts them), one Save sends every
 * changed record, and leaving with unsaved changes asks first. Nothing typed is dropped
 * silently: a change saved elsewhere (an import) replaces a draft only while it holds no edits.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FieldIssue } from '../shared/protocol';
import { issueText } from '../ui/problem-text';

/** Issues by field; the first message per field. */
export function byField(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.field in out)) out[i.field] = issueText(i);
  return out;
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** One section's editable copy of a stored record. */
export type Draft<T> = {
  draft: T;
  dirty: boolean;
  errors: Record<string, string>;
  edit(patch: Partial<T>): void;
  /** Sends the draft if it holds edits; true when there was nothing to send or it was saved. */
  save(): Promise<boolean>;
  discard(): void;
  /** Brings back a discarded draft (Undo). */
  restore(draft: T): void;
};

/**
 * An editable copy of `source`: edits mark it dirty and take the edited fields' errors away;
 * a new `source` (saved here or elsewhere) replaces the copy only while it is clean.
 */
export function useRecordDraft<T extends object>(source: T, store: (draft: T) => Promise<SaveResult<T>>): Draft<T> {
  const [draft, setDraft] = useState(source);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const seen = useRef(source);
  const current = useRef({ draft, dirty });
  current.current = { draft, dirty };
  useEffect(() => {
    if (source === seen.current) return;
    seen.current = source;
    if (!current.current.dirty) setDraft(source);
  }, [source]);

  return {
    draft,
    dirty,
    errors,
    edit(patch) {
      setDraft((d) => ({ ...d, ...patch }));
      setDirty(true);
      setErrors((e) => {
        const left = Object.fromEntries(Object.entries(e).filter(([field]) => !Object.keys(patch).some((k) => field === k || field.startsWith(`${k}.`))));
        return Object.keys(left).length === Object.keys(e).length ? e : left;
      });
    },
    async save() {
      if (!current.current.dirty) return true;
      const res = await store(current.current.draft);
      if (!res.ok) {
        setErrors(byField(res.issues));
        return false;
      }
      seen.current = res.value;
      setDraft(res.value);
      setDirty(false);
      setErrors({});
      return true;
    },
    discard() {
      setDraft(seen.current);
      setDirty(false);
      setErrors({});
    },
    restore(d) {
      setDraft(d);
      setDirty(true);
    },
  };
}

/** Asks before the page closes while something is unsaved (the browser words the question). */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older browsers show the dialog only with returnValue set.
      e.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);
}

/** Focuses the first field with an error (or the first alert) after a failed save; `trigger` counts the tries. */
export function useFocusFirstInvalid(container: { current: HTMLElement | null }, trigger: number): void {
  // A layout effect: focus lands with the errors, not a frame later.
  useLayoutEffect(() => {
    if (trigger) container.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [container, trigger]);
}
