/**
 * The popup form's unsaved entries (FormDraft in protocol.ts), checked on the way into
 * storage.session (the background) and on the way out (the popup): text as typed, capped.
 */
import * as v from 'valibot';
import { LIMITS } from '../domain/schemas';
import type { FormDraft } from './protocol';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const formDraftSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  at: text(40),
  fromEmail: v.optional(v.literal(true)),
  fields: v.strictObject({
    company: text(LIMITS.name * 2),
    role: text(LIMITS.name * 2),
    interviewAt: text(40),
    contacts: v.pipe(
      v.array(v.strictObject({ name: text(LIMITS.name * 2), email: text(LIMITS.email * 2), title: v.optional(text(LIMITS.name * 2)) })),
      v.maxLength(LIMITS.contacts + 5),
    ),
    decisionExpectedBy: text(40),
    invitedToCall: v.boolean(),
    callCustomary: v.boolean(),
    hasOtherOffers: v.boolean(),
    topic: text(LIMITS.topic * 2),
    notes: text(LIMITS.notes * 2),
    durationMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.durationMinutes))),
  }),
});

/** The stored draft, or undefined when there is none or it can't be read. */
export function readFormDraft(value: unknown): FormDraft | undefined {
  const r = v.safeParse(formDraftSchema, value);
  return r.success ? (r.output as FormDraft) : undefined;
}
