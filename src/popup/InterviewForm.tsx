/**
 * Log or edit an interview. The background validates with the domain schema;
 * its issues appear next to their fields and the first bad field gets focus.
 * What the user typed stays in the form until a save succeeds.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Contact, Interview, Settings } from '../domain/types';
import type { FieldIssue, Send } from '../shared/protocol';
import { CheckField, TextArea, TextField, errorText } from '../ui/components';
import { nextHalfHour, toLocalInput } from '../ui/format';
import { t } from '../shared/i18n';
import { issueText } from '../ui/issue-text';

type ContactRow = { key: number; name: string; email: string; title?: string };

type FormState = {
  company: string;
  role: string;
  interviewAt: string;
  contacts: ContactRow[];
  decisionExpectedBy: string;
  invitedToCall: boolean;
  callCustomary: boolean;
  hasOtherOffers: boolean;
  topic: string;
  notes: string;
};

let rowKeys = 0;
const contactRow = (c?: Contact): ContactRow => ({ key: ++rowKeys, name: c?.name ?? '', email: c?.email ?? '', ...(c?.title ? { title: c.title } : {}) });

export function initialForm(interview: Interview | undefined, settings: Settings, nowMs: number): FormState {
  if (!interview) {
    return {
      company: '',
      role: '',
      interviewAt: nextHalfHour(nowMs, settings.timeZone),
      contacts: [contactRow()],
      decisionExpectedBy: '',
      invitedToCall: false,
      callCustomary: false,
      hasOtherOffers: false,
      topic: '',
      notes: '',
    };
  }
  return {
    company: interview.company,
    role: interview.role,
    interviewAt: toLocalInput(interview.interviewAt, settings.timeZone),
    contacts: interview.contacts.length ? interview.contacts.map(contactRow) : [contactRow()],
    decisionExpectedBy: interview.decisionExpectedBy ?? '',
    invitedToCall: !!interview.invitedToCall,
    callCustomary: !!interview.callCustomary,
    hasOtherOffers: !!interview.hasOtherOffers,
    topic: interview.topic ?? '',
    notes: interview.notes ?? '',
  };
}

/** The request's input, and which form row each submitted contact came from (to place its errors). */
export function toInput(form: FormState, interview?: Interview): { input: Record<string, unknown>; rowOf: number[] } {
  const kept = form.contacts.filter((c) => c.name.trim() || c.email.trim());
  const input: Record<string, unknown> = {
    company: form.company,
    role: form.role,
    interviewAt: form.interviewAt,
    contacts: kept.map((c) => ({ name: c.name, ...(c.email.trim() ? { email: c.email } : {}), ...(c.title ? { title: c.title } : {}) })),
    invitedToCall: form.invitedToCall,
    callCustomary: form.callCustomary,
    hasOtherOffers: form.hasOtherOffers,
  };
  if (form.decisionExpectedBy) input.decisionExpectedBy = form.decisionExpectedBy;
  if (form.topic.trim()) input.topic = form.topic;
  if (form.notes.trim()) input.notes = form.notes;
  if (interview?.durationMinutes !== undefined) input.durationMinutes = interview.durationMinutes;
  return { input, rowOf: kept.map((c) => c.key) };
}

const ID = 'iv';
const fieldId = (name: string): string => `${ID}-${name}`;
const contactId = (key: number, part: 'name' | 'email'): string => `${ID}-contact-${key}-${part}`;

type Errors = Record<string, string>;

/** Maps the schema's fields ("contacts.0.email") to this form's element ids. */
export function placeIssues(issues: FieldIssue[], rowOf: number[]): { errors: Errors; general: string[] } {
  const errors: Errors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const m = /^contacts\.(\d+)\.(name|email)$/.exec(issue.field);
    let id: string | undefined;
    if (m) {
      const key = rowOf[Number(m[1])];
      if (key !== undefined) id = contactId(key, m[2] as 'name' | 'email');
    } else if (['company', 'role', 'interviewAt', 'decisionExpectedBy', 'topic', 'notes', 'invitedToCall', 'callCustomary', 'hasOtherOffers'].includes(issue.field)) {
      id = fieldId(issue.field);
    }
    if (id && !errors[id]) errors[id] = issueText(issue.message);
    else if (!id) general.push(issueText(issue.message));
  }
  return { errors, general };
}

type Props = {
  send: Send;
  settings: Settings;
  nowMs: number;
  /** Editing this interview; a new one otherwise. */
  interview?: Interview;
  onSaved(interview: Interview): void;
  onCancel(): void;
};

export function InterviewForm({ send, settings, nowMs, interview, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<FormState>(() => initialForm(interview, settings, nowMs));
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

  const set = <K extends keyof FormState>(key: K, value: FormState[K]): void => setForm((f) => ({ ...f, [key]: value }));
  const setContact = (key: number, part: 'name' | 'email', value: string): void =>
    setForm((f) => ({ ...f, contacts: f.contacts.map((c) => (c.key === key ? { ...c, [part]: value } : c)) }));

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
      onCancel();
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
    <form ref={formRef} class="interview-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`} style={{ marginBottom: '0.5rem' }}>
        {title}
      </h2>
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
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
        <span class="hint">{t('form_keysHint')}</span>
      </div>
    </form>
  );
}
