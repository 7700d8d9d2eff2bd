/**
 * The domain's validation as the background and the tests use it: ./schemas (codes only, what
 * pages import) with each issue's English text added from ./validation-messages, for logs and
 * the reason stored with a record that is set aside.
 */
import { checkEvent, checkInterview, checkInterviewInput, checkProfile, checkSettings, type Checked, type CodedIssue, type InterviewInput } from './schemas';
import type { Interview, InterviewEvent, Profile, Settings } from './types';
import { VALIDATION_MESSAGES, type ValidationCode } from './validation-messages';

export * from './schemas';
export { VALIDATION_MESSAGES, type ValidationCode };

/** One problem with one field: its message's stable code (pages word it from messages.json) and the English text. */
export type ValidationIssue = CodedIssue & { message: string };
export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** The English text of an issue's code. */
export const englishIssue = (issue: CodedIssue): string => VALIDATION_MESSAGES[issue.code];

function worded<T>(result: Checked<T>): Validation<T> {
  return result.ok ? result : { ok: false, issues: result.issues.map((i) => ({ ...i, message: englishIssue(i) })) };
}

export const validateInterviewInput = (input: unknown, settings: Settings): Validation<InterviewInput> => worded(checkInterviewInput(input, settings));
/**
 * A stored record. With `settings`, the decision date is also checked against the interview
 * day in the user's zone (the record alone doesn't say which zone its day is in).
 */
export const validateInterview = (input: unknown, settings?: Settings): Validation<Interview> => worded(checkInterview(input, settings));
export const validateSettings = (input: unknown): Validation<Settings> => worded(checkSettings(input));
export const validateProfile = (input: unknown): Validation<Profile> => worded(checkProfile(input));
export const validateEvent = (input: unknown): Validation<InterviewEvent> => worded(checkEvent(input));
