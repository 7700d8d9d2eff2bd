/**
 * Validation of everything the user types or the store reads back, one issue per field
 * ("contacts.0.email"), each a stable code that pages word from messages.json (`v_<code>`).
 * Text is trimmed and capped; any Unicode is accepted (caps count code points, so an emoji is
 * one character). ./model adds the English text for the background; pages import this module
 * (they validate what they read from storage), so their bundles carry codes, not sentences.
 */
import * as v from 'valibot';
import { isValidTimeZone, localDayOf, parseDay, parseTime, wallClockMs } from './calendar';
import type { Contact, Interview, InterviewEvent, Profile, Settings } from './types';
import type { ValidationCode } from './validation-messages';

/** What the popup form submits: the interview without what the store maintains. */
export type InterviewInput = Omit<Interview, 'id' | 'history' | 'createdAt' | 'updatedAt'>;

/** One problem with one field, by its message's stable code. */
export type CodedIssue = { field: string; code: ValidationCode };
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: CodedIssue[] };

export const LIMITS = {
  name: 200,
  email: 320,
  topic: 500,
  notes: 5_000,
  signature: 1_000,
  contacts: 20,
  holidays: 1_000,
  durationMinutes: 1_440,
  /** Events per interview: real use stays far below it; it bounds what a flood of events (or an import) can cost every edit. */
  history: 1_000,
} as const;

export const HISTORY_LIMIT = LIMITS.history;

/**
 * The schemas carry codes as their messages: `M.companyIsMissing` is 'companyIsMissing', typed,
 * so a code that doesn't exist is a compile error. No English reaches the pages' bundles
 * (validation-messages.ts has it, for the background and ./model).
 */
const M = new Proxy({}, { get: (_target, code) => code }) as { readonly [C in ValidationCode]: C };

/** A schema's message is one of the codes; anything else (a valibot default text) is an unreadable value. */
const CODE_RE = /^[a-z][A-Za-z0-9]*$/;
const codeOf = (message: string): ValidationCode => (CODE_RE.test(message) ? (message as ValidationCode) : 'thisCouldNotBeRead');

// ---------------------------------------------------------------------------
// Building blocks

const STEP_KINDS = ['thank-you', 'status-inquiry', 'move-on', 'final-check-in'] as const;
const OUTCOMES = ['offer', 'rejected', 'withdrew'] as const;

/** Empty text means "not given". */
const blankToUndefined = (s: string | null | undefined): string | undefined => (s ? s : undefined);
const nullToUndefined = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

/**
 * An object whose missing keys get their field's own message (valibot reports an absent key
 * with the object's message); anything else wrong with the object itself is `unreadable`.
 */
function missingMessage<TEntries extends v.ObjectEntries>(unreadable: string, missing: Partial<Record<keyof TEntries, string>>) {
  return (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.[issue.path.length - 1]?.key;
    return (typeof key === 'string' && missing[key as keyof TEntries]) || unreadable;
  };
}

function objectOf<const TEntries extends v.ObjectEntries>(entries: TEntries, unreadable: string, missing: Partial<Record<keyof TEntries, string>>) {
  return v.object(entries, missingMessage<TEntries>(unreadable, missing));
}

/**
 * objectOf that keeps the keys it doesn't know, for what is stored: a newer version may have
 * written fields this one has no name for, and a write must not strip them (valibot skips
 * `__proto__`, `constructor` and `prototype`).
 */
function looseObjectOf<const TEntries extends v.ObjectEntries>(entries: TEntries, unreadable: string, missing: Partial<Record<keyof TEntries, string>>) {
  return v.looseObject(entries, missingMessage<TEntries>(unreadable, missing));
}

/** objectOf for a record that stands alone: a list is not a record, though valibot would read it as one. */
function recordOf<const TEntries extends v.ObjectEntries>(entries: TEntries, unreadable: string, missing: Partial<Record<keyof TEntries, string>>) {
  return v.pipe(
    v.custom<unknown>((x) => !Array.isArray(x), unreadable),
    objectOf(entries, unreadable, missing),
  );
}

/** recordOf that keeps unknown keys (stored records, settings, profile). */
function looseRecordOf<const TEntries extends v.ObjectEntries>(entries: TEntries, unreadable: string, missing: Partial<Record<keyof TEntries, string>>) {
  return v.pipe(
    v.custom<unknown>((x) => !Array.isArray(x), unreadable),
    looseObjectOf(entries, unreadable, missing),
  );
}

function requiredText(missing: string, max: number, tooLong: string) {
  return v.pipe(v.string(missing), v.trim(), v.nonEmpty(missing), v.maxCodePoints(max, tooLong));
}

function optionalText(notText: string, max: number, tooLong: string) {
  return v.pipe(
    v.nullish(v.pipe(v.string(notText), v.trim(), v.maxCodePoints(max, tooLong))),
    v.transform(blankToUndefined),
  );
}

function optionalFlag(message: string) {
  return v.pipe(v.nullish(v.boolean(message)), v.transform(nullToUndefined));
}

const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,9})?)?$/;

/** Epoch ms of an ISO 8601 instant with Z or an offset; rejects impossible dates like Feb 30. */
function parseInstant(s: string): number | undefined {
  if (!ISO_INSTANT_RE.test(s) || parseDay(s.slice(0, 10)) === undefined || parseTime(s.slice(11, 16)) === undefined) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A form's "2026-11-17T14:00" (no offset) is a wall-clock time in the user's zone. */
function parseLocalDateTime(s: string, timeZone: string): number | undefined {
  const m = LOCAL_DATE_TIME_RE.exec(s);
  if (!m) return undefined;
  const day = parseDay(m[1]!);
  const minutes = parseTime(m[2]!);
  if (day === undefined || minutes === undefined || !isValidTimeZone(timeZone)) return undefined;
  const seconds = m[3] ? Number(m[3].slice(1)) * 1000 : 0;
  // Wall-clock conversion goes through TZDate (calendar.ts); seconds are zone-independent.
  return wallClockMs(day, minutes, timeZone) + Math.round(seconds);
}

const MIN_YEAR_MS = Date.UTC(1970, 0, 1);
const MAX_YEAR_MS = Date.UTC(3000, 0, 1);

/** `parse` reads the text as epoch ms: ISO instants only, unless the form's schema also reads local times. */
function instantSchema(missing: string, invalid: string, parse: (text: string) => number | undefined = parseInstant) {
  return v.pipe(
    v.string(missing),
    v.trim(),
    v.nonEmpty(missing),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const text = dataset.value;
      const ms = parse(text);
      if (ms === undefined || ms < MIN_YEAR_MS || ms >= MAX_YEAR_MS) {
        addIssue({ message: invalid });
        return NEVER;
      }
      return new Date(ms).toISOString();
    }),
  );
}

function dateSchema(invalid: string) {
  return v.pipe(v.string(invalid), v.trim(), v.check((s) => parseDay(s) !== undefined, invalid));
}

function optionalDate(invalid: string) {
  return v.pipe(
    v.nullish(v.pipe(v.string(invalid), v.trim(), v.check((s) => s === '' || parseDay(s) !== undefined, invalid))),
    v.transform(blankToUndefined),
  );
}

// ---------------------------------------------------------------------------
// History

type NotifiedLike = { type: 'notified'; step: string; round: number; at: string };

function isNotifiedLike(e: unknown): e is NotifiedLike {
  if (!e || typeof e !== 'object') return false;
  const r = e as Record<string, unknown>;
  return r.type === 'notified' && typeof r.step === 'string' && typeof r.round === 'number' && typeof r.at === 'string' && Number.isFinite(Date.parse(r.at));
}

/**
 * Drops the "notified" events that no longer say anything: per step and round, only the earliest
 * and the latest are kept. The planner reads two things of them (src/domain/plan.ts): when a
 * step was first shown at all (the earliest), and whether, and when last, it was shown at or after
 * its current time (the latest, which is at or after that time whenever any is). Both are the same
 * before and after, so what fires and when is the same for any history. Works on unvalidated lists
 * (anything else is kept as it is, in order); one pass, no allocation when there is nothing to drop.
 */
export function compactNotified<T>(history: readonly T[]): T[] {
  let notified = 0;
  for (const e of history) if ((e as { type?: unknown } | null)?.type === 'notified' && ++notified > 2) break;
  if (notified < 3) return history as T[];
  const kept = new Map<string, { first: { index: number; ms: number }; last: { index: number; ms: number } }>();
  let drop = 0;
  for (let i = 0; i < history.length; i++) {
    const e = history[i];
    if (!isNotifiedLike(e)) continue;
    const key = `${e.step}\u0000${e.round}`;
    const ms = Date.parse(e.at);
    const seen = kept.get(key);
    if (seen === undefined) {
      kept.set(key, { first: { index: i, ms }, last: { index: i, ms } });
      continue;
    }
    if (seen.first.index !== seen.last.index) drop++;
    if (ms < seen.first.ms) seen.first = { index: i, ms };
    else if (ms >= seen.last.ms) seen.last = { index: i, ms };
  }
  if (drop === 0) return history as T[];
  const keep = new Set([...kept.values()].flatMap((x) => [x.first.index, x.last.index]));
  return history.filter((e, i) => !isNotifiedLike(e) || keep.has(i));
}

// ---------------------------------------------------------------------------
// Schemas

const contactEntries = {
  name: requiredText(M.interviewerNameIsMissing, LIMITS.name, M.interviewerNameIsTooLong200CharactersAt),
  email: v.pipe(
    v.nullish(
      v.pipe(
        v.string(M.thatEmailAddressIsNotValid),
        v.trim(),
        v.maxLength(LIMITS.email, M.thatEmailAddressIsTooLong320Characters),
        v.check((s) => s === '' || v.EMAIL_REGEX.test(s), M.thatEmailAddressIsNotValid),
      ),
    ),
    v.transform(blankToUndefined),
  ),
  title: optionalText(M.interviewerTitleMustBeText, LIMITS.name, M.interviewerTitleIsTooLong200CharactersAt),
  // Optional, so records from before per-person topics read as they are (issue 11).
  topic: optionalText(M.topicMustBeText, LIMITS.topic, M.topicIsTooLong500CharactersAtMost),
};

/** A contact as the form sends it (built only where the form is validated: pages never are). */
export const contactSchema = /* @__PURE__ */ recordOf(contactEntries, M.thatInterviewerCouldNotBeRead, { name: M.interviewerNameIsMissing });
/** A stored contact: fields from a newer version are kept. */
const storedContactSchema = looseRecordOf(contactEntries, M.thatInterviewerCouldNotBeRead, { name: M.interviewerNameIsMissing });

function contactsOf(contact: typeof contactSchema | typeof storedContactSchema) {
  return v.pipe(
    v.nullish(v.array(contact, M.interviewersMustBeAList), () => []),
    v.maxLength(LIMITS.contacts, M.tooManyInterviewers20AtMost),
  );
}

const interviewFields = {
  company: requiredText(M.companyIsMissing, LIMITS.name, M.companyNameIsTooLong200CharactersAt),
  role: requiredText(M.roleIsMissing, LIMITS.name, M.roleIsTooLong200CharactersAtMost),
  durationMinutes: v.pipe(
    v.nullish(
      v.pipe(
        v.number(M.interviewLengthMustBeANumberOfMinutes),
        v.integer(M.interviewLengthMustBeAWholeNumberOf),
        v.minValue(1, M.interviewLengthMustBeAtLeast1Minute),
        v.maxValue(LIMITS.durationMinutes, M.interviewLengthMustBe24Hours1440),
      ),
    ),
    v.transform(nullToUndefined),
  ),
  // Stored contacts keep fields from a newer version; the form's schema reads strict ones.
  contacts: contactsOf(storedContactSchema),
  decisionExpectedBy: optionalDate(M.theDecisionDateIsNotAValidDate),
  invitedToCall: optionalFlag(M.invitedToCallMustBeYesOrNo),
  callCustomary: optionalFlag(M.usuallyFollowUpByPhoneMustBeYesOrNo),
  hasOtherOffers: optionalFlag(M.otherOffersMustBeYesOrNo),
  topic: optionalText(M.topicMustBeText, LIMITS.topic, M.topicIsTooLong500CharactersAtMost),
  notes: optionalText(M.notesMustBeText, LIMITS.notes, M.notesAreTooLong5000CharactersAt),
};

const INTERVIEW_MISSING = {
  id: M.interviewIdIsMissing,
  company: M.companyIsMissing,
  role: M.roleIsMissing,
  interviewAt: M.interviewDateIsMissing,
} as const;

const at = instantSchema(M.eventTimeIsMissing, M.eventTimeIsNotAValidDateAnd);
const step = v.picklist(STEP_KINDS, M.unknownFollowUpStep);
const UNREADABLE_EVENT = M.thatEventCouldNotBeRead;
/** Whom a sent or skipped thank-you was for (a contactKey: an address or a name); absent in older records, meaning everyone. */
const eventContact = optionalText(UNREADABLE_EVENT, LIMITS.email, UNREADABLE_EVENT);
const EVENT_MISSING = {
  at: M.eventTimeIsMissing,
  step: M.theFollowUpStepIsMissing,
  outcome: M.theOutcomeIsMissing,
  until: M.snoozeTimeIsMissing,
  round: M.roundMustBeAWholeNumberFrom1,
} as const;

/** A seen reply's sender (an address), subject and the site's message id: short text, nothing more is kept. */
const replyFrom = v.pipe(v.string(UNREADABLE_EVENT), v.trim(), v.toLowerCase(), v.nonEmpty(UNREADABLE_EVENT), v.maxLength(LIMITS.email, UNREADABLE_EVENT));
const replySubject = v.pipe(v.nullish(v.pipe(v.string(UNREADABLE_EVENT), v.trim(), v.maxCodePoints(LIMITS.name * 2, UNREADABLE_EVENT)), ''), v.transform((s) => s ?? ''));
const replyMessageId = optionalText(UNREADABLE_EVENT, LIMITS.name, UNREADABLE_EVENT);
const replyDomain = v.pipe(v.string(UNREADABLE_EVENT), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, UNREADABLE_EVENT), v.maxLength(253, UNREADABLE_EVENT));

export const interviewEventSchema = v.variant(
  'type',
  [
    looseObjectOf({ type: v.literal('sent'), step, at, contact: eventContact }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf({ type: v.literal('reply'), at, newDecisionDate: optionalDate(M.theNewDecisionDateIsNotAValid) }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf({ type: v.literal('outcome'), at, outcome: v.picklist(OUTCOMES, M.theOutcomeMustBeOfferRejectedOrWithdrew) }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf({ type: v.literal('snoozed'), step, at, until: instantSchema(M.snoozeTimeIsMissing, M.snoozeTimeIsNotAValidDateAnd) }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf({ type: v.literal('dismissed'), step, at, contact: eventContact }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf(
      { type: v.literal('replySeen'), at, from: replyFrom, receivedAt: at, subject: replySubject, messageId: replyMessageId },
      UNREADABLE_EVENT,
      EVENT_MISSING,
    ),
    looseObjectOf({ type: v.literal('replyNotOurs'), at, from: replyFrom, receivedAt: at, messageId: replyMessageId }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf({ type: v.literal('replyDomain'), at, domain: replyDomain }, UNREADABLE_EVENT, EVENT_MISSING),
    looseObjectOf(
      {
        type: v.literal('notified'),
        step,
        at,
        round: v.pipe(v.number(M.roundMustBeAWholeNumberFrom1), v.integer(M.roundMustBeAWholeNumberFrom1), v.minValue(1, M.roundMustBeAWholeNumberFrom1)),
      },
      UNREADABLE_EVENT,
      EVENT_MISSING,
    ),
  ],
  M.unknownEventType,
);

/** True unless the decision day is before the interview's day in `timeZone`. */
function decisionNotBeforeInterview(interviewAt: string, decision: string | undefined, timeZone: string): boolean {
  if (decision === undefined || !isValidTimeZone(timeZone)) return true;
  const decisionDay = parseDay(decision);
  const ms = Date.parse(interviewAt);
  if (decisionDay === undefined || !Number.isFinite(ms)) return true;
  return decisionDay >= localDayOf(ms, timeZone);
}

const DECISION_BEFORE_INTERVIEW = M.theDecisionDateIsBeforeTheInterview;

/** The popup form's schema; the zone reads a local "2026-11-17T14:00" and places the decision date. */
export function interviewInputSchema(timeZone: string) {
  return v.pipe(
    recordOf(
      {
        ...interviewFields,
        contacts: contactsOf(contactSchema),
        interviewAt: instantSchema(M.interviewDateIsMissing, M.interviewDateIsNotAValidDateAnd, (text) => parseInstant(text) ?? parseLocalDateTime(text, timeZone)),
      },
      M.theInterviewDetailsCouldNotBeRead,
      INTERVIEW_MISSING,
    ),
    v.forward(
      v.partialCheck(
        [['interviewAt'], ['decisionExpectedBy']],
        (i) => decisionNotBeforeInterview(i.interviewAt, i.decisionExpectedBy, timeZone),
        DECISION_BEFORE_INTERVIEW,
      ),
      ['decisionExpectedBy'],
    ),
  );
}

/** A stored interview record: ISO instants only, with its id and history. */
const storedInterviewEntries = {
  ...interviewFields,
  id: requiredText(M.interviewIdIsMissing, LIMITS.name, M.interviewIdIsTooLong200CharactersAt),
  interviewAt: instantSchema(M.interviewDateIsMissing, M.interviewDateIsNotAValidDateAnd),
  // Compacted and counted before any event is validated, so a huge list costs one cheap pass.
  history: v.pipe(
    v.nullish(v.custom<unknown[]>((x) => Array.isArray(x), M.historyMustBeAList), () => []),
    v.transform((list: unknown[]) => compactNotified(list)),
    v.maxLength(HISTORY_LIMIT, M.historyIsTooLong1000EventsAtMost),
    v.array(interviewEventSchema, M.historyMustBeAList),
  ),
  createdAt: v.pipe(v.nullish(instantSchema(M.createdTimeIsMissing, M.createdTimeIsNotAValidDateAnd)), v.transform(nullToUndefined)),
  updatedAt: v.pipe(v.nullish(instantSchema(M.updatedTimeIsMissing, M.updatedTimeIsNotAValidDateAnd)), v.transform(nullToUndefined)),
};

export const interviewSchema = looseRecordOf(storedInterviewEntries, M.theInterviewCouldNotBeRead, INTERVIEW_MISSING);

function timeSchema(missing: string, invalid: string, allowMidnightEnd = false) {
  return v.pipe(v.string(missing), v.trim(), v.nonEmpty(missing), v.check((s) => parseTime(s, allowMidnightEnd) !== undefined, invalid));
}

const WORK_DAY_RANGE = M.workDaysMustBeWeekdaysFrom0Sunday;

const settingsEntries = {
  timeZone: v.pipe(v.string(M.timeZoneIsMissing), v.trim(), v.nonEmpty(M.timeZoneIsMissing), v.check((s: string) => isValidTimeZone(s), M.thatTimeZoneIsNotRecognised)),
  workWeek: v.pipe(
    v.array(v.pipe(v.number(WORK_DAY_RANGE), v.integer(WORK_DAY_RANGE), v.minValue(0, WORK_DAY_RANGE), v.maxValue(6, WORK_DAY_RANGE)), M.chooseAtLeastOneWorkDay),
    v.minLength(1, M.chooseAtLeastOneWorkDay),
    v.check((days) => new Set(days).size === days.length, M.eachWorkDayCanBeChosenOnlyOnce),
  ),
  holidays: v.pipe(
    v.nullish(v.array(dateSchema(M.holidaysMustBeRealDatesLike202612), M.holidaysMustBeAListOfDates), () => []),
    v.maxLength(LIMITS.holidays, M.tooManyHolidays1000AtMost),
    // Sorted and without repeats, so equal settings compare equal.
    v.transform((days) => [...new Set(days)].sort()),
  ),
  dayStart: timeSchema(M.dayStartIsMissing, M.dayStartMustBeATimeLike08),
  dayEnd: timeSchema(M.dayEndIsMissing, M.dayEndMustBeATimeLike20, true),
  preferredTime: timeSchema(M.preferredTimeIsMissing, M.preferredTimeMustBeATimeLike10),
  /** Issue 15: read the senders of the webmail's messages to notice replies; absent means on. */
  noticeReplies: optionalFlag(M.noticeRepliesMustBeYesOrNo),
};

export const settingsSchema = v.pipe(
  looseRecordOf(
    settingsEntries,
    M.theSettingsCouldNotBeRead,
    {
      timeZone: M.timeZoneIsMissing,
      workWeek: M.chooseAtLeastOneWorkDay,
      dayStart: M.dayStartIsMissing,
      dayEnd: M.dayEndIsMissing,
      preferredTime: M.preferredTimeIsMissing,
    },
  ),
  v.forward(
    v.partialCheck([['dayStart'], ['dayEnd']], (s) => parseTime(s.dayEnd, true)! > parseTime(s.dayStart)!, M.theDayMustEndAfterItStarts),
    ['dayEnd'],
  ),
  v.forward(
    v.partialCheck(
      [['dayStart'], ['dayEnd'], ['preferredTime']],
      (s) => {
        const p = parseTime(s.preferredTime)!;
        return p >= parseTime(s.dayStart)! && p < parseTime(s.dayEnd, true)!;
      },
      M.thePreferredTimeMustBeInsideTheDay,
    ),
    ['preferredTime'],
  ),
);

const profileEntries = {
  name: requiredText(M.yourNameIsMissing, LIMITS.name, M.yourNameIsTooLong200CharactersAt),
  signature: optionalText(M.signatureMustBeText, LIMITS.signature, M.signatureIsTooLong1000CharactersAt),
  webmail: v.picklist(['gmail', 'outlook'], M.chooseGmailOrOutlook),
  gmailAccount: v.optional(
    v.pipe(v.number(M.theGmailAccountMustBeAWholeNumber), v.integer(M.theGmailAccountMustBeAWholeNumber), v.minValue(0, M.theGmailAccountMustBeAWholeNumber), v.maxValue(99, M.theGmailAccountMustBeAWholeNumber)),
  ),
  outlookHost: v.optional(v.picklist(['outlook.office.com', 'outlook.live.com'], M.chooseOutlookLiveOrOffice)),
};

export const profileSchema = looseRecordOf(profileEntries, M.theProfileCouldNotBeRead, { name: M.yourNameIsMissing, webmail: M.chooseGmailOrOutlook });

/**
 * The fields each stored shape has in this version. Anything else was written by a newer
 * version: the schemas keep it, and the store carries it into every write.
 */
export const KNOWN_FIELDS = {
  interview: /* @__PURE__ */ new Set(Object.keys(storedInterviewEntries)),
  contact: /* @__PURE__ */ new Set(Object.keys(contactEntries)),
  settings: /* @__PURE__ */ new Set(Object.keys(settingsEntries)),
  profile: /* @__PURE__ */ new Set(Object.keys(profileEntries)),
} as const;

// ---------------------------------------------------------------------------
// Uniform results

/** Drops keys whose value is undefined, so stored records hold only what was given. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) if (val !== undefined) out[k] = val;
  return out as T;
}

function run<TSchema extends v.GenericSchema, T>(schema: TSchema, input: unknown, shape: (out: v.InferOutput<TSchema>) => T): Checked<T> {
  try {
    const result = v.safeParse(schema, input, { abortPipeEarly: true });
    if (result.success) return { ok: true, value: shape(result.output) };
    const issues: CodedIssue[] = [];
    const seen = new Set<string>();
    for (const issue of result.issues) {
      const field = v.getDotPath(issue) ?? '';
      // One message per field is what a form can show next to it.
      if (seen.has(field)) continue;
      seen.add(field);
      issues.push({ field, code: codeOf(issue.message) });
    }
    return { ok: false, issues };
  } catch {
    // Never throw at a caller holding junk: anything unreadable is one plain issue.
    return { ok: false, issues: [{ field: '', code: M.thisCouldNotBeRead }] };
  }
}

const shapeContacts = (contacts: Contact[]): Contact[] => contacts.map((c) => compact(c));

export function checkInterviewInput(input: unknown, settings: Settings): Checked<InterviewInput> {
  const zone = isValidTimeZone(settings?.timeZone) ? settings.timeZone : 'UTC';
  return run(interviewInputSchema(zone), input, (o) => compact<InterviewInput>({ ...o, contacts: shapeContacts(o.contacts) }));
}

/**
 * A stored record. With `settings`, the decision date is also checked against the interview
 * day in the user's zone (the record alone doesn't say which zone its day is in).
 */
export function checkInterview(input: unknown, settings?: Settings): Checked<Interview> {
  const result = run(interviewSchema, input, (o) =>
    compact<Interview>({ ...o, contacts: shapeContacts(o.contacts), history: o.history.map((e) => compact(e) as InterviewEvent) }),
  );
  if (result.ok && settings && !decisionNotBeforeInterview(result.value.interviewAt, result.value.decisionExpectedBy, settings.timeZone)) {
    return { ok: false, issues: [{ field: 'decisionExpectedBy', code: DECISION_BEFORE_INTERVIEW }] };
  }
  return result;
}

export function checkSettings(input: unknown): Checked<Settings> {
  return run(settingsSchema, input, (o) => ({ ...o, workWeek: [...o.workWeek] }));
}

export function checkProfile(input: unknown): Checked<Profile> {
  return run(profileSchema, input, (o) => compact<Profile>(o));
}

export function checkEvent(input: unknown): Checked<InterviewEvent> {
  return run(interviewEventSchema, input, (o) => compact(o) as InterviewEvent);
}

// ---------------------------------------------------------------------------
// Defaults

function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isValidTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** 08:00–20:00, inquiries at 10:00, Mon–Fri, no holidays; the given zone if valid, else the browser's, else UTC. */
export function defaultSettings(timeZone?: string): Settings {
  return {
    timeZone: isValidTimeZone(timeZone) ? timeZone : browserTimeZone(),
    workWeek: [1, 2, 3, 4, 5],
    holidays: [],
    dayStart: '08:00',
    dayEnd: '20:00',
    preferredTime: '10:00',
  };
}

/** Empty name until the user gives one (validateProfile asks for it), Gmail. */
export function defaultProfile(): Profile {
  return { name: '', webmail: 'gmail' };
}
