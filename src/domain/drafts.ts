/**
 * Drafted follow-up emails and the call script (issues 4 and 11; docs/followup-rules.md "Wording";
 * seeds 002, 004).
 *
 * Every draft is for one person (`options.contact`, default the first interviewer): greeted by
 * first name, sent to their address, and a thank-you mentions their own topic (the interview's
 * topic belongs to the first interviewer). It is true to the day it is written: a thank-you two
 * or more days after the interview has its own wording that owns the delay in a clause; a
 * decision date is only spoken of in the future while it is not past; the final check-in neither
 * repeats the decision date nor stacks reassurances (docs/followup-rules.md, "Wording").
 *
 * Every output is plain text: user fields are inserted verbatim (after trimming, collapsing
 * whitespace and dropping control characters) and never interpreted as markup. Paragraphs are
 * separated by a blank line; the last paragraph is the sign-off line, then the user's name, then
 * their signature lines (split at any line break and cleaned like the fields, empty ones
 * dropped; the name is not repeated when the signature already holds it). When the compose
 * already carries the webmail's own signature (`webmailSignature`), the sign-off line ends the
 * draft. The body the product writes — greeting to sign-off line — is at most DRAFT_WORD_LIMIT
 * words (words = runs of non-space characters): long fields are shortened ("…") and the
 * optional topic sentence dropped until it fits. Every draft passes checkTone.
 */
import type { Day } from 'date-fns';
import { contactKey, contactMatches } from './contacts';
import type { Contact, DraftKind, Draft, Interview } from './types';
import { calendarDate, calendarDaysSince, longDate, relativeDay } from './relative-date';

export type DraftProfile = { name: string; signature?: string };
export type DraftOptions = {
  /** The moment the draft is written, for "today" / "last Tuesday"; default the current time. */
  now?: Date | string | number;
  /** Which wording; default: see defaultVariant (so a repeat, or a second interviewer, reads differently). */
  variant?: number;
  /** IANA zone the dates are read in; default 'UTC'. */
  timeZone?: string;
  /** First day of the calendar week for "on Tuesday" vs "last Tuesday"; default 1 (Monday). */
  weekStartsOn?: Day;
  /** Whom the email is for; default the interview's first contact. One not in the interview is greeted and addressed all the same. */
  contact?: Contact;
  /** The compose already ends with the webmail's own signature: nothing is added after the sign-off line. */
  webmailSignature?: boolean;
  /** A thank-you in the late wording or not; default: late when written two or more calendar days after the interview day. */
  late?: boolean;
};

export const DRAFT_WORD_LIMIT = 150;
/** How many wordings each kind has. */
export const DRAFT_VARIANTS: Record<DraftKind, number> = { 'thank-you': 3, 'status-inquiry': 3, 'final-check-in': 3 };

/** Plain single-line text: control characters dropped, whitespace collapsed, trimmed. */
export function cleanText(s: unknown): string {
  return typeof s === 'string'
    ? s
        .replace(/\p{Cc}/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
export const countWords = (s: string) => words(s).length;

/** At most `max` words and `chars` code points, with "…" when shortened. */
function clip(s: string, max: number, chars: number): string {
  const w = words(s);
  let out = w.length > max ? w.slice(0, max).join(' ') : s;
  const cps = Array.from(out);
  if (cps.length > chars) out = cps.slice(0, chars).join('').trimEnd();
  return out === s ? s : out.replace(/[\s,;:.–-]+$/, '') + '…';
}

const HONORIFIC = /^(mr|mrs|ms|mx|miss|dr|prof|professor|sir|madam|mme|m|herr|frau|sr|sra)\.?$/i;

/** The first name to greet someone by, or '' when there is none to use. */
export function firstName(name: unknown): string {
  let n = cleanText(name);
  if (!n || n.includes('@')) return '';
  if (n.includes(',')) n = n.slice(n.indexOf(',') + 1).trim() || n.slice(0, n.indexOf(',')); // "Smith, Jane"
  const parts = words(n.replace(/[,;]/g, ' ')).filter((p) => !HONORIFIC.test(p));
  return clip(parts[0] ?? '', 1, 30);
}

/**
 * The wording used when no variant is given: how many emails of this kind already went out (for a
 * thank-you, to this person), plus the person's place among the interviewers, modulo the
 * wordings. So a repeat differs from the one before, and two interviewers who compare notes
 * don't find the same note.
 */
export function defaultVariant(kind: DraftKind, interview: Pick<Interview, 'history'>, contact?: Contact, position = 0): number {
  const sent = (interview.history ?? []).filter(
    (e) => e.type === 'sent' && e.step === kind && (kind !== 'thank-you' || e.contact === undefined || contactMatches(contact, e.contact)),
  ).length;
  return (sent + Math.max(0, Math.trunc(position) || 0)) % DRAFT_VARIANTS[kind];
}

/** True when a thank-you written at `now` is late: two or more calendar days after the interview day (the day after is still on time). */
export function isLateThankYou(interviewAt: string, now?: Date | string | number, timeZone?: string): boolean {
  const days = calendarDaysSince(interviewAt, now, timeZone);
  return days !== undefined && days >= LATE_AFTER_DAYS;
}
const LATE_AFTER_DAYS = 2;

type Facts = {
  role: string;
  company: string;
  topic: string;
  when: string;
  decision?: { words: string; past: boolean };
  /** The decision date's words while it is today or later; '' once it has passed. */
  ahead: string;
  topChoice: string;
};

/** [subject, greeting-less paragraphs, sign-off] for one kind and variant. */
type Template = (f: Facts) => [subject: string, paragraphs: string[], signoff: string];
type Wording = DraftKind | 'late-thank-you';

/** "Data Analyst role", or the title alone when it already ends in such a word. */
const titled = (role: string, noun: string) =>
  /\b(role|position|job|opportunity|post|vacancy|internship)$/i.test(role) ? role : `${role} ${noun}`;
const roleNoun = (role: string, noun: string) => `the ${titled(role, noun)}`;
const s = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ');

const TEMPLATES: Record<Wording, Template[]> = {
  'thank-you': [
    (f) => [
      `Thank you – ${f.role} interview`,
      [
        s(
          `Thank you for taking the time to speak with me ${f.when} about ${roleNoun(f.role, 'role')} at ${f.company}.`,
          f.topic ? `I especially enjoyed our conversation about ${f.topic}.` : 'I enjoyed learning more about the team and the work ahead.',
        ),
        s(
          f.ahead
            ? `Our discussion left me even more excited about the opportunity, and I understand you hope to reach a decision around ${f.ahead}.`
            : 'Our discussion left me even more excited about the opportunity.',
          'Please let me know if I can provide anything else.',
        ),
      ],
      'Best regards,',
    ],
    (f) => [
      'Thank you for meeting with me',
      [
        s(
          `Thank you for meeting with me ${f.when} to discuss ${roleNoun(f.role, 'position')} at ${f.company}.`,
          f.topic
            ? `I appreciated the chance to learn more about the team, and I keep thinking about what you shared on ${f.topic}.`
            : 'I appreciated the chance to learn more about the team and how you work.',
        ),
        s(
          f.ahead
            ? `I remain very interested in the role and look forward to hearing about next steps around ${f.ahead}.`
            : 'I remain very interested in the role and look forward to hearing about next steps.',
          "If any further information would help, I'd be glad to share it.",
        ),
      ],
      'Kind regards,',
    ],
    (f) => [
      `Thanks for the conversation about ${roleNoun(f.role, 'role')}`,
      [
        s(
          `I wanted to thank you for our conversation ${f.when} about ${roleNoun(f.role, 'opportunity')} at ${f.company}.`,
          f.topic ? `It was great to talk about ${f.topic}.` : "It was great to hear about the team's plans.",
        ),
        s(
          "I'm excited about the possibility of joining the team.",
          f.ahead && `I understand a decision is expected around ${f.ahead}.`,
          'Thank you again for your time.',
        ),
      ],
      'Warm regards,',
    ],
  ],
  // Two or more days on: one plain clause owns the delay, then the note is the same short thanks.
  'late-thank-you': [
    (f) => [
      `Thank you – ${f.role} interview`,
      [
        s(
          `This note is later than I intended, but I wanted to thank you for speaking with me ${f.when} about ${roleNoun(f.role, 'role')} at ${f.company}.`,
          f.topic ? `Our conversation about ${f.topic} has stayed with me.` : 'I enjoyed learning more about the team and the work ahead.',
        ),
        'I remain very interested in the opportunity. Please let me know if I can provide anything else.',
      ],
      'Best regards,',
    ],
    (f) => [
      'Thank you for meeting with me',
      [
        s(
          `A belated thank you for meeting with me ${f.when} to discuss ${roleNoun(f.role, 'position')} at ${f.company}.`,
          f.topic ? `I keep thinking about what you shared on ${f.topic}.` : 'I appreciated the chance to learn how the team works.',
        ),
        "I'm still excited about the role, and I'd be glad to share anything else that would help.",
      ],
      'Kind regards,',
    ],
    (f) => [
      `Thanks for the conversation about ${roleNoun(f.role, 'role')}`,
      [
        s(
          `I wanted to thank you, a little later than planned, for our conversation ${f.when} about ${roleNoun(f.role, 'opportunity')} at ${f.company}.`,
          f.topic ? `It was great to talk about ${f.topic}.` : "It was great to hear about the team's plans.",
        ),
        "I'm excited about the possibility of joining the team. Thank you again for your time.",
      ],
      'Warm regards,',
    ],
  ],
  'status-inquiry': [
    (f) => [
      `Following up on ${roleNoun(f.role, 'position')}`,
      [
        `I hope your week is going well. I wanted to follow up on my interview ${f.when} for ${roleNoun(f.role, 'role')} at ${f.company}.`,
        s(
          f.decision
            ? `I understand you have a lot on your plate, and I know you ${f.decision.past ? 'had hoped' : 'plan'} to make a decision around ${f.decision.words}.`
            : 'I understand you have a lot on your plate.',
          "I'd appreciate knowing where you are in the process whenever you have a moment.",
        ),
        s(f.topChoice, 'I remain very interested in the position. Please let me know if I can provide anything else.'),
      ],
      'Best regards,',
    ],
    (f) => [
      `${titled(f.role, 'position')}: checking in`,
      [
        `I'm writing to follow up on ${roleNoun(f.role, 'position')} at ${f.company} and our conversation ${f.when}.`,
        s(
          f.decision
            ? `I know how busy this time can be, and that you ${f.decision.past ? 'expected' : 'hope'} to decide around ${f.decision.words}.`
            : 'I know how busy this time can be.',
          "Whenever it's convenient, could you let me know where you are in the hiring process?",
        ),
        s(f.topChoice, "I'm still very excited about the opportunity and would be glad to share anything else that would help."),
      ],
      'Kind regards,',
    ],
    (f) => [
      `Checking in on ${roleNoun(f.role, 'role')}`,
      [
        `I hope all is well. I'm following up on our conversation ${f.when} about ${roleNoun(f.role, 'role')} at ${f.company}.`,
        s(
          'I understand that hiring decisions take time and that you have many priorities.',
          f.decision &&
            (f.decision.past
              ? `You had mentioned a decision might come around ${f.decision.words}, and I know timelines can shift.`
              : `You mentioned a decision might come around ${f.decision.words}.`),
          "When you have a chance, I'd appreciate knowing where you are in the process.",
        ),
        s(f.topChoice, 'Thank you again for your time and consideration.'),
      ],
      'Warm regards,',
    ],
  ],
  // Weeks on, with no word: at most one light acknowledgement, no decision date (recalling it
  // would point at their silence), then the question and a gracious way out.
  'final-check-in': [
    (f) => [
      `Checking in on ${roleNoun(f.role, 'role')}`,
      [
        `I hope you're doing well. I wanted to check in one more time about ${roleNoun(f.role, 'role')} at ${f.company}, which we discussed ${f.when}.`,
        "I understand hiring can take longer than planned. If the position is still open, I'd appreciate knowing where you are in the process.",
        "If you have decided to go in another direction, I'd be grateful to know, and I'd welcome the chance to stay in touch.",
      ],
      'Best regards,',
    ],
    (f) => [
      titled(f.role, 'position'),
      [
        `I'm reaching out once more about ${roleNoun(f.role, 'position')} at ${f.company}; I enjoyed our conversation ${f.when}.`,
        'Whenever you have a moment, could you let me know where you are in the process?',
        'Either way, thank you for your time and for considering me.',
      ],
      'Kind regards,',
    ],
    (f) => [
      `Staying in touch about ${roleNoun(f.role, 'role')}`,
      [
        `I hope things are going well. I'm checking in about ${roleNoun(f.role, 'role')} at ${f.company} that we discussed ${f.when}.`,
        "If there is any news, I'd appreciate knowing where you are in the process.",
        'Whatever you decide, I would be glad to stay in touch.',
      ],
      'All the best,',
    ],
  ],
};

const GREETING = [(n: string) => `Hi ${n},`, (n: string) => `Dear ${n},`, (n: string) => `Hello ${n},`];
const NEUTRAL = ['Hello,', 'Dear hiring team,', 'Hi there,'];

/** Field sizes tried in turn until the body fits DRAFT_WORD_LIMIT: [company, role, topic] words. */
const FIT: [number, number, number][] = [
  [12, 12, 25],
  [6, 6, 12],
  [4, 4, 6],
  [3, 3, 0],
  [2, 2, 0],
];

const validEmail = (e: unknown) => {
  const t = cleanText(e);
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(t) ? t : '';
};

/**
 * The person addressed and their place among the interviewers (-1 when not among them). A copy
 * of a listed contact (same key) stands for it, with what the list knows (their topic) filled in.
 */
function addressee(interview: Interview, wanted: Contact | undefined): { contact?: Contact; index: number } {
  const list = Array.isArray(interview.contacts) ? interview.contacts : [];
  if (!wanted) return list[0] ? { contact: list[0], index: 0 } : { index: -1 };
  let index = list.indexOf(wanted);
  if (index < 0) index = list.findIndex((c) => contactKey(c) !== '' && contactKey(c) === contactKey(wanted));
  const listed = list[index];
  if (!listed || listed === wanted) return { contact: wanted, index };
  const given = Object.fromEntries(Object.entries(wanted).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  return { contact: { ...listed, ...given }, index };
}

const WORD_CHAR_BEFORE = /[\p{L}\p{N}\p{M}]$/u;
const WORD_CHAR_AFTER = /^[\p{L}\p{N}\p{M}]/u;

/** How many times `name` stands as whole words in `text`, ignoring case. */
export function countName(text: string, name: string): number {
  const hay = text.toLowerCase();
  const needle = cleanText(name).toLowerCase();
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (!WORD_CHAR_BEFORE.test(hay.slice(0, i)) && !WORD_CHAR_AFTER.test(hay.slice(i + needle.length))) n++;
  }
  return n;
}

/** The signature's lines: split at any line break, each cleaned, empty ones dropped. */
function signatureLines(signature: unknown): string[] {
  return (typeof signature === 'string' ? signature : '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(cleanText)
    .filter(Boolean);
}

/** What follows the sign-off line: the name (unless the signature has it), then the signature; nothing when the webmail signs. */
function signedBy(profile: DraftProfile, webmailSignature: boolean): string[] {
  if (webmailSignature) return [];
  const name = cleanText(profile.name);
  const signature = signatureLines(profile.signature);
  return name && !signature.some((l) => countName(l, name) > 0) ? [name, ...signature] : signature;
}

/** The lines a draft ends with after its sign-off line when the webmail adds no signature (the name, then the user's signature). */
export const signOffLines = (profile: DraftProfile): string[] => signedBy(profile, false);

const normVariant = (kind: DraftKind, v: number | undefined, interview: Interview, contact: Contact | undefined, index: number) => {
  const n = DRAFT_VARIANTS[kind];
  return v === undefined || !Number.isFinite(v) ? defaultVariant(kind, interview, contact, index) : ((Math.trunc(v) % n) + n) % n;
};

/** Drafts the email for `kind` to one person (see the module comment). */
export function draftEmail(kind: DraftKind, interview: Interview, profile: DraftProfile, options: DraftOptions = {}): Draft {
  const { contact, index } = addressee(interview, options.contact);
  const variant = normVariant(kind, options.variant, interview, contact, index);
  const first = firstName(contact?.name);
  const email = validEmail(contact?.email);
  const key = contactKey(contact);
  const day = relativeDay(interview.interviewAt, options.now, options.timeZone, options.weekStartsOn);
  const when = day.phrase;
  const decision = calendarDate(interview.decisionExpectedBy, options.now, options.timeZone);
  // Same reading as isLateThankYou, from the day already worked out.
  const late = kind === 'thank-you' && (options.late ?? (day.days !== undefined && day.days >= LATE_AFTER_DAYS));
  const tail = signedBy(profile, options.webmailSignature === true);
  const wording: Wording = late ? 'late-thank-you' : kind;
  // The interview's topic is the first interviewer's (or the only conversation's); others get only their own.
  const ownTopic = cleanText(contact?.topic);
  const topic = ownTopic || (index === 0 || (index < 0 && !options.contact) ? cleanText(interview.topic) : '');
  const raw = { company: cleanText(interview.company), role: cleanText(interview.role) };

  let best: Draft | undefined;
  for (const [c, r, t] of FIT) {
    const company = clip(raw.company, c, 80) || 'your company';
    const role = clip(raw.role, r, 80) || 'open';
    const facts: Facts = {
      role,
      company,
      topic: t ? clip(topic, t, 160) : '',
      when,
      decision,
      ahead: decision && !decision.past ? decision.words : '',
      // Other opportunities fit only the status inquiry (004); never a thank-you or the last note.
      topChoice: kind === 'status-inquiry' && interview.hasOtherOffers === true ? `While I have other opportunities, ${company} is still my top choice.` : '',
    };
    const [subject, paragraphs, signoff] = TEMPLATES[wording][variant]!(facts);
    const greeting = first ? GREETING[variant]!(first) : NEUTRAL[variant]!;
    const body = [greeting, ...paragraphs, [signoff, ...tail].join('\n')].join('\n\n');
    best = { to: email ? [email] : [], subject, body };
    if (key) best.contact = key;
    if (countWords([greeting, ...paragraphs, signoff].join(' ')) <= DRAFT_WORD_LIMIT) break;
  }
  return best!;
}

/**
 * What to say on a call, one line each (002: full name, role, interview date, the decision date they
 * mentioned, continued interest; 000/001: filled? still under consideration? timeline), well under
 * two minutes. Spoken to `options.contact`, default the first interviewer. The call stands in for
 * the status inquiry, so it may say the employer is still the top choice.
 */
export function callScript(interview: Interview, profile: DraftProfile, options: DraftOptions = {}): string[] {
  const { contact } = addressee(interview, options.contact);
  const first = firstName(contact?.name);
  const name = clip(cleanText(profile.name), 8, 80);
  const role = clip(cleanText(interview.role), 8, 80) || 'open';
  const company = clip(cleanText(interview.company), 8, 80) || 'your company';
  const day = longDate(interview.interviewAt, options.now, options.timeZone);
  const decision = calendarDate(interview.decisionExpectedBy, options.now, options.timeZone);
  return [
    s(first ? `Hi ${first},` : 'Hello,', name ? `this is ${name}.` : "I'm calling about my interview."),
    `I interviewed for ${roleNoun(role, 'role')} at ${company}${day ? ` on ${day}` : ''}.`,
    decision
      ? decision.past
        ? `You had mentioned that a decision might be made around ${decision.words}, and I just wanted to briefly follow up.`
        : `You mentioned that a decision might be made around ${decision.words}, and I just wanted to briefly follow up.`
      : 'I just wanted to briefly follow up.',
    "I'm still very interested in the position.",
    interview.hasOtherOffers === true ? `While I have other opportunities, ${company} is still my top choice.` : '',
    'Has the position been filled, or am I still under consideration?',
    'Could you share the timeline for the next steps?',
    'Thank you for your time.',
  ].filter(Boolean);
}
