/**
 * The log form's data: what the inputs hold (strings, as typed), how it starts (blank, or an
 * interview being edited), what it sends, where the background's issues go, and the draft
 * kept in storage.session while the popup is closed.
 */
import type { Contact, Interview, Settings } from '../domain/types';
import { recentHalfHour, toLocalInput } from '../shared/format';
import type { FieldIssue, FormDraft } from '../shared/protocol';
import { issueText } from '../ui/problem-text';

export type ContactRow = { key: number; name: string; email: string; title?: string };

/** The inputs as typed: the kept draft's fields (src/shared/protocol.ts FormDraft), with each contact row keyed for the list. */
export type FormState = Omit<FormDraft['fields'], 'contacts'> & { contacts: ContactRow[] };

let rowKeys = 0;
export const contactRow = (c?: Partial<Contact>): ContactRow => ({ key: ++rowKeys, name: c?.name ?? '', email: c?.email ?? '', ...(c?.title ? { title: c.title } : {}) });

export function initialForm(interview: Interview | undefined, settings: Settings, nowMs: number): FormState {
  if (!interview) {
    return {
      company: '',
      role: '',
      interviewAt: recentHalfHour(nowMs, settings.timeZone),
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

/** The fields as a draft keeps them (contact rows without their render keys). */
export function draftFields(form: FormState): FormDraft['fields'] {
  return { ...form, contacts: form.contacts.map(({ name, email, title }) => ({ name, email, ...(title ? { title } : {}) })) };
}

export function fromDraft(fields: FormDraft['fields']): FormState {
  return { ...fields, contacts: fields.contacts.length ? fields.contacts.map(contactRow) : [contactRow()] };
}

/** True when the form holds something the user typed (it differs from how it started). */
export function isChanged(form: FormState, start: FormState): boolean {
  return JSON.stringify(draftFields(form)) !== JSON.stringify(draftFields(start));
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
  const minutes = form.durationMinutes ?? interview?.durationMinutes;
  if (minutes !== undefined) input.durationMinutes = minutes;
  return { input, rowOf: kept.map((c) => c.key) };
}

export const FORM_ID = 'iv';
export const fieldId = (name: string): string => `${FORM_ID}-${name}`;
export const contactId = (key: number, part: 'name' | 'email'): string => `${FORM_ID}-contact-${key}-${part}`;

export type Errors = Record<string, string>;

const PLAIN_FIELDS = ['company', 'role', 'interviewAt', 'decisionExpectedBy', 'topic', 'notes', 'invitedToCall', 'callCustomary', 'hasOtherOffers'];

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
    } else if (PLAIN_FIELDS.includes(issue.field)) {
      id = fieldId(issue.field);
    }
    if (id && !errors[id]) errors[id] = issueText(issue);
    else if (!id) general.push(issueText(issue));
  }
  return { errors, general };
}
