/**
 * Log or edit an interview. The background validates with the domain schema;
 * its issues appear next to their fields (each goes as soon as its field is edited) and the
 * first bad field gets focus. What the user typed stays in the form until a save succeeds,
 * and every change is reported (`onChange`) so the popup can keep it while it is closed.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Interview, Settings } from '../domain/types';
import type { Send } from '../shared/protocol';
import { CheckField, TextArea, TextField, errorText } from '../ui/components';
import { formatWhen } from '../shared/format';
import { t } from '../shared/i18n';
import { FORM_ID, contactId, contactRow, fieldId, initialForm, isChanged, placeIssues, toInput, type Errors, type FormState } from './form-model';

type Props = {
  send: Send;
  settings: Settings;
  nowMs: number;
  /** Editing this interview; a new one otherwise. */
  interview?: Interview;
  /** Entries to start from instead (a kept draft, or ones brought back by Undo). */
  entries?: FormState;
  /** When the kept draft was last changed: the form says its entries are back and offers to discard them. */
  restoredAt?: string;
  /** The entries were filled in from an email ("Log this interview", issue 15): the note asks for a review. */
  fromEmail?: boolean | undefined;
  onSaved(interview: Interview): void;
  /** The user left the form (Esc, Cancel, Discard draft); `changed` when it held entries of theirs. */
  onClose(form: FormState, changed: boolean): void;
  /** Every change of the entries. */
  onChange?(form: FormState, changed: boolean): void;
};

export function InterviewForm({ send, settings, nowMs, interview, entries, restoredAt, fromEmail, onSaved, onClose, onChange }: Props) {
  const [start] = useState<FormState>(() => initialForm(interview, settings, nowMs));
  const [form, setForm] = useState<FormState>(() => entries ?? start);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const generalRef = useRef<HTMLDivElement>(null);
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [focusContact, setFocusContact] = useState<number | undefined>(undefined);

  // Focus moves in layout effects: right after the commit, before the user (or a test)
  // can act on the new DOM, rather than a frame later (never, in a background tab).
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>(`#${fieldId('company')}`)?.focus();
  }, []);

  // After a failed save: focus the first field (in page order) that has an error.
  useLayoutEffect(() => {
    if (!focusFirstError) return;
    const bad = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (bad) bad.focus();
    else generalRef.current?.focus();
  }, [focusFirstError]);

  useLayoutEffect(() => {
    if (focusContact !== undefined) document.getElementById(contactId(focusContact, 'name'))?.focus();
  }, [focusContact]);

  // Report each change (not the first render) so the entries outlive the popup.
  const reported = useRef(form);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => {
    if (reported.current === form) return;
    reported.current = form;
    latestOnChange.current?.(form, isChanged(form, start));
  }, [form, start]);

  /** A fixed field loses its error at once, not at the next save. */
  const clearError = (id: string): void =>
    setErrors((e) => {
      if (!(id in e)) return e;
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    clearError(fieldId(key));
  };
  const setContact = (key: number, part: 'name' | 'email', value: string): void => {
    setForm((f) => ({ ...f, contacts: f.contacts.map((c) => (c.key === key ? { ...c, [part]: value } : c)) }));
    clearError(contactId(key, part));
  };
  const close = (): void => onClose(form, isChanged(form, start));

  const submit = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    if (saving) return;
    setSaving(true);
    const { input, rowOf } = toInput(form, interview);
    try {
      const res = await send('saveInterview', interview ? { id: interview.id, input } : { input });
      if (res.ok) {
        setErrors({});
        setGeneral([]);
        onSaved(res.interview);
        return;
      }
      const placed = placeIssues(res.issues, rowOf);
      setErrors(placed.errors);
      setGeneral(placed.general);
    } catch (err) {
      setErrors({});
      setGeneral([t('form_saveFailed', errorText(err))]);
    } finally {
      setSaving(false);
    }
    setFocusFirstError((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'Enter' || e.isComposing) return;
    const target = e.target as HTMLElement;
    // Enter saves from anywhere in the form: text fields do it natively; checkboxes and
    // (with Ctrl or ⌘) the notes need a nudge. Buttons keep their own Enter.
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      e.preventDefault();
      void submit();
    } else if (target instanceof HTMLTextAreaElement && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const err = (name: string): string | undefined => errors[fieldId(name)];
  const title = interview ? t('form_editTitle', interview.company) : t('form_newTitle');

  return (
    <form ref={formRef} class="interview-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-labelledby={`${FORM_ID}-title`}>
      <h2 id={`${FORM_ID}-title`} class="form-title">
        {title}
      </h2>
      {restoredAt && (
        <div class="notice row-notice">
          <p>
            {fromEmail
              ? `${t('form_fromEmail')}${form.durationMinutes ? ` ${t('form_fromEmailLength', form.durationMinutes)}` : ''}`
              : t('form_restored', formatWhen(restoredAt, nowMs, { timeZone: settings.timeZone }))}
          </p>
          <button type="button" onClick={() => onClose(form, true)}>
            {t('form_discardDraft')}
          </button>
        </div>
      )}
      {general.length > 0 && (
        <div class="alert" role="alert" tabIndex={-1} ref={generalRef}>
          {general.map((g) => (
            <p key={g}>{g}</p>
          ))}
        </div>
      )}
      <div class="row">
        <TextField id={fieldId('company')} label={t('form_company')} value={form.company} error={err('company')} autocomplete="organization" onInput={(e) => set('company', e.currentTarget.value)} />
        <TextField id={fieldId('role')} label={t('form_role')} value={form.role} error={err('role')} autocomplete="off" onInput={(e) => set('role', e.currentTarget.value)} />
      </div>
      <TextField
        id={fieldId('interviewAt')}
        label={t('form_interviewAt')}
        type="datetime-local"
        value={form.interviewAt}
        error={err('interviewAt')}
        hint={t('form_interviewAtHint', settings.timeZone)}
        onInput={(e) => set('interviewAt', e.currentTarget.value)}
      />
      {form.contacts.map((c, i) => (
        <fieldset key={c.key}>
          <legend>{form.contacts.length > 1 ? t('form_interviewerN', i + 1) : t('form_interviewer')}</legend>
          <TextField
            id={contactId(c.key, 'name')}
            label={t('form_interviewerName')}
            value={c.name}
            error={errors[contactId(c.key, 'name')]}
            autocomplete="off"
            onInput={(e) => setContact(c.key, 'name', e.currentTarget.value)}
          />
          <TextField
            id={contactId(c.key, 'email')}
            label={t('form_interviewerEmail')}
            type="email"
            value={c.email}
            error={errors[contactId(c.key, 'email')]}
            autocomplete="off"
            onInput={(e) => setContact(c.key, 'email', e.currentTarget.value)}
          />
          {form.contacts.length > 1 && (
            <p style={{ margin: '0 0 0.5rem' }}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  const rest = form.contacts.filter((x) => x.key !== c.key);
                  set('contacts', rest);
                  setFocusContact(rest[Math.max(0, i - 1)]?.key);
                }}
              >
                {t('form_removeInterviewerN', i + 1)}
              </button>
            </p>
          )}
        </fieldset>
      ))}
      <p style={{ margin: '-0.2rem 0 0.6rem' }}>
        <button
          type="button"
          class="link"
          onClick={() => {
            const row = contactRow();
            set('contacts', [...form.contacts, row]);
            setFocusContact(row.key);
          }}
        >
          {t('form_addInterviewer')}
        </button>
      </p>
      <TextField
        id={fieldId('decisionExpectedBy')}
        label={t('form_decisionExpectedBy')}
        type="date"
        value={form.decisionExpectedBy}
        error={err('decisionExpectedBy')}
        hint={t('form_decisionHint')}
        onInput={(e) => set('decisionExpectedBy', e.currentTarget.value)}
      />
      <CheckField id={fieldId('invitedToCall')} label={t('form_invitedToCall')} checked={form.invitedToCall} error={err('invitedToCall')} onChange={(v) => set('invitedToCall', v)} />
      <CheckField id={fieldId('callCustomary')} label={t('form_callCustomary')} checked={form.callCustomary} error={err('callCustomary')} onChange={(v) => set('callCustomary', v)} />
      <CheckField id={fieldId('hasOtherOffers')} label={t('form_hasOtherOffers')} checked={form.hasOtherOffers} error={err('hasOtherOffers')} onChange={(v) => set('hasOtherOffers', v)} />
      <div style={{ height: '0.4rem' }} />
      <TextField id={fieldId('topic')} label={t('form_topic')} value={form.topic} error={err('topic')} hint={t('form_topicHint')} autocomplete="off" onInput={(e) => set('topic', e.currentTarget.value)} />
      <TextArea id={fieldId('notes')} label={t('form_notes')} value={form.notes} error={err('notes')} rows={2} onInput={(e) => set('notes', e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('form_save')}
        </button>
        <button type="button" onClick={close}>
          {t('form_cancel')}
        </button>
        <span class="hint">{t('form_keysHint')}</span>
      </div>
    </form>
  );
}
