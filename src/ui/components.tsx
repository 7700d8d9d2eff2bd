/** Small building blocks shared by the popup and the options page. */
import type { ComponentChildren, Ref, TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppState, Connection } from './connection';
import { t } from '../shared/i18n';

/**
 * The state from storage, read once and kept current through its changes; `error` if the first
 * read failed. `start` false holds the read back (the popup reads its first screen first: the
 * browser serves storage reads in turn, and reading everything takes a while).
 */
export function useAppState(connection: Connection, start = true): { state?: AppState; error?: string } {
  const [state, setState] = useState<AppState | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!start) return undefined;
    let live = true;
    const stop = connection.watch((s) => live && setState(s), {
      initial: true,
      onError: (e) => live && setError(e instanceof Error ? e.message : String(e)),
    });
    return () => {
      live = false;
      stop();
    };
  }, [connection, start]);
  return { state, error };
}

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** Extra class for the wrapper. */
  class?: string;
  children?: ComponentChildren;
  type?: string;
  value?: string;
  autocomplete?: string;
  list?: string;
  placeholder?: string;
  spellcheck?: boolean;
  onInput?: (e: TargetedEvent<HTMLInputElement, Event>) => void;
  onChange?: (e: TargetedEvent<HTMLInputElement, Event>) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
};

/** A labelled input with its hint and error below it, wired with aria-describedby and aria-invalid. */
export function TextField({ id, label, error, hint, class: cls, children, inputRef, ...rest }: FieldProps & { inputRef?: Ref<HTMLInputElement> }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${cls ? ` ${cls}` : ''}`}>
      <label for={id}>{label}</label>
      {/* Preact's input typings tie `type` and `list` together per variant; the props here are plain attributes. */}
      <input {...(rest as object)} id={id} ref={inputRef} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="error" id={`${id}-error`}>{error}</p>}
      {children}
    </div>
  );
}

type AreaProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  value?: string;
  rows?: number;
  onInput?: (e: TargetedEvent<HTMLTextAreaElement, Event>) => void;
};

export function TextArea({ id, label, error, hint, ...area }: AreaProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...area} />
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

type CheckProps = { id: string; label: string; checked: boolean; onChange(checked: boolean): void; error?: string; hint?: string };

export function CheckField({ id, label, checked, onChange, error, hint }: CheckProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <div class="check">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export type ToastMessage = { id: number; text: string; undo?: () => void | Promise<void> };

/**
 * The one polite live region: confirmations and "Undo". It stays until the
 * next message or until dismissed, so there is no time limit on Undo.
 */
export function Toast({ toast, onClose, undoRef }: { toast?: ToastMessage; onClose(): void; undoRef?: Ref<HTMLButtonElement> }) {
  return (
    <div class="toast" role="status" aria-live="polite">
      {toast && [
        <span key="text">{toast.text}</span>,
        <span key="buttons" class="row" style={{ flex: 'none' }}>
          {toast.undo && (
            <button type="button" ref={undoRef} onClick={() => void toast.undo?.()}>
              {t('ui_undo')}
            </button>
          )}
          <button type="button" aria-label={t('ui_dismissMessage')} title={t('ui_dismissMessage')} onClick={onClose}>
            ×
          </button>
        </span>,
      ]}
    </div>
  );
}

/** Turns a thrown or rejected value into a sentence for the user. */
export function errorText(e: unknown): string {
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return detail ? t('ui_somethingWentWrongDetail', detail) : t('ui_somethingWentWrong');
}
