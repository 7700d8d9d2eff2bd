/**
 * Drafted follow-up emails and the call script (issue 4; followup-rules.md "Wording"; seeds 002, 004).
 *
 * Every output is plain text: user fields are inserted verbatim (after trimming, collapsing
 * whitespace and dropping control characters) and never interpreted as markup. Paragraphs are
 * separated by a blank line; the last paragraph is the sign-off line followed by the signature
 * (its lines, split at any line break and cleaned like the fields, empty ones dropped) or the user's name. The body the product writes — everything before the signature — is at most
 * DRAFT_WORD_LIMIT words (words = runs of non-space characters): long fields are shortened ("…")
 * and the optional topic sentence dropped until it fits. Every draft passes checkTone.
 */
import type { Day } from 'date-fns';
import type { DraftKind, Draft, Interview } from './types';
import { calendarDate, longDate, relativeDay } from './relative-date';

export type DraftProfile = { name: string; signature?: string };
export type DraftOptions = {
  /** The moment the draft is written, for "today" / "last Tuesday"; default the current time. */
  now?: Date | string | number;
  /** Which wording; default: the number of drafts of this kind already sent (so a repeat differs). */
  variant?: number;
  /** IANA zone the dates are read in; default 'UTC'. */
  timeZone?: string;
  /** First day of the calendar week for "on Tuesday" vs "last Tuesday"; default 1 (Monday). */
  weekStartsOn?: Day;
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

/** The wording used when no variant is given: count of this kind already sent, modulo the wordings. */
export function defaultVariant(kind: DraftKind, interview: Pick<Interview, 'history'>): number {
  const sent = (interview.history ?? []).filter((e) => e.type === 'sent' && e.step === kind).length;
  return sent % DRAFT_VARIANTS[kind];
}

type Facts = {
  first: string;
  role: string;
  company: string;
  topic: string;
  when: string;
  decision?: { words: string; past: boolean };
  topChoice: string;
};

/** [subject, greeting-less paragraphs, sign-off] for one kind and variant. */
type Template = (f: Facts) => [subject: string, paragraphs: string[], signoff: string];

/** "Data Analyst role", or the title alone when it already ends in such a word. */
const titled = (role: string, noun: string) =>
  /\b(role|position|job|opportunity|post|vacancy|internship)$/i.test(role) ? role : `${role} ${noun}`;
const roleNoun = (role: string, noun: string) => `the ${titled(role, noun)}`;
const s = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ');

const TEMPLATES: Record<DraftKind, Template[]> = {
  'thank-you': [
    (f) => [
      `Thank you – ${f.role} interview`,
      [
        s(
          `Thank you for taking the time to speak with me ${f.when} about ${roleNoun(f.role, 'role')} at ${f.company}.`,
          f.topic ? `I especially enjoyed our conversation about ${f.topic}.` : 'I enjoyed learning more about the team and the work ahead.',
        ),
        s(
          f.decision
            ? `Our discussion left me even more excited about the opportunity, and I understand you ${f.decision.past ? 'hoped to reach' : 'hope to reach'} a decision around ${f.decision.words}.`
            : 'Our discussion left me even more excited about the opportunity.',
          f.topChoice,
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
          f.decision
            ? `I remain very interested in the role and look forward to hearing about next steps around ${f.decision.words}.`
            : 'I remain very interested in the role and look forward to hearing about next steps.',
          f.topChoice,
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
          f.decision && `I understand a decision is expected around ${f.decision.words}.`,
          f.topChoice,
          'Thank you again for your time.',
        ),
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
  'final-check-in': [
    (f) => [
      `Checking in on ${roleNoun(f.role, 'role')}`,
      [
        `I hope you're doing well. I wanted to check in one more time about ${roleNoun(f.role, 'role')} at ${f.company}, which we discussed ${f.when}.`,
        s(
          'I understand hiring can take longer than planned, and I know you have a lot on your plate.',
          f.decision && `I know a decision was expected around ${f.decision.words}.`,
          "If the position is still open, I'd appreciate knowing where you are in the process.",
        ),
        s(
          f.topChoice,
          "If you have decided to go in another direction, I'd be grateful to know, and I'd welcome the chance to stay in touch.",
        ),
      ],
      'Best regards,',
    ],
    (f) => [
      titled(f.role, 'position'),
      [
        `I'm reaching out once more about ${roleNoun(f.role, 'position')} at ${f.company}; I enjoyed our conversation ${f.when}.`,
        s(
          'I know these decisions involve many people and priorities.',
          f.decision && `I understand a decision was planned around ${f.decision.words}.`,
          'Whenever you have a moment, could you let me know where you are in the process?',
        ),
        s(f.topChoice, 'Either way, thank you for your time and for considering me.'),
      ],
      'Kind regards,',
    ],
    (f) => [
      `Staying in touch about ${roleNoun(f.role, 'role')}`,
      [
        `I hope things are going well. I'm checking in about ${roleNoun(f.role, 'role')} at ${f.company} that we discussed ${f.when}.`,
        s(
          'I understand you have many priorities right now.',
          f.decision && `I know a decision was expected around ${f.decision.words}.`,
          "If there is any news, I'd appreciate knowing where you are in the process.",
        ),
        s(f.topChoice, 'Whatever you decide, I would be glad to stay in touch.'),
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

const normVariant = (kind: DraftKind, v: number | undefined, interview: Interview) => {
  const n = DRAFT_VARIANTS[kind];
  return v === undefined || !Number.isFinite(v) ? defaultVariant(kind, interview) : ((Math.trunc(v) % n) + n) % n;
};

const validEmail = (e: unknown) => {
  const t = cleanText(e);
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(t) ? t : '';
};

/** The closing paragraph: sign-off line, then the signature lines (or the name). */
function closing(signoff: string, profile: DraftProfile): { text: string; signature: string } {
  const sig = (typeof profile.signature === 'string' ? profile.signature : '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(cleanText)
    .filter(Boolean)
    .join('\n');
  const signature = sig || cleanText(profile.name);
  return { text: signature ? `${signoff}\n${signature}` : signoff, signature };
}

/** Drafts the email for `kind` (see the module comment). */
export function draftEmail(kind: DraftKind, interview: Interview, profile: DraftProfile, options: DraftOptions = {}): Draft {
  const variant = normVariant(kind, options.variant, interview);
  const contact = interview.contacts?.[0];
  const first = firstName(contact?.name);
  const email = validEmail(contact?.email);
  const when = relativeDay(interview.interviewAt, options.now, options.timeZone, options.weekStartsOn).phrase;
  const decision = calendarDate(interview.decisionExpectedBy, options.now, options.timeZone);
  const raw = { company: cleanText(interview.company), role: cleanText(interview.role), topic: cleanText(interview.topic) };

  let best: Draft | undefined;
  for (const [c, r, t] of FIT) {
    const company = clip(raw.company, c, 80) || 'your company';
    const role = clip(raw.role, r, 80) || 'open';
    const facts: Facts = {
      first,
      role,
      company,
      topic: t ? clip(raw.topic, t, 160) : '',
      when,
      decision,
      topChoice: interview.hasOtherOffers ? `While I have other opportunities, ${company} is still my top choice.` : '',
    };
    const [subject, paragraphs, signoff] = TEMPLATES[kind][variant]!(facts);
    const greeting = first ? GREETING[variant]!(first) : NEUTRAL[variant]!;
    const close = closing(signoff, profile);
    const body = [greeting, ...paragraphs, close.text].join('\n\n');
    best = { to: email ? [email] : [], subject, body };
    if (countWords([greeting, ...paragraphs, signoff].join(' ')) <= DRAFT_WORD_LIMIT) break;
  }
  return best!;
}

/**
 * What to say on a call, one line each (002: full name, role, interview date, the decision date they
 * mentioned, continued interest; 000/001: filled? still under consideration? timeline), well under
 * two minutes.
 */
export function callScript(interview: Interview, profile: DraftProfile, options: DraftOptions = {}): string[] {
  const contact = interview.contacts?.[0];
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
      ? `You had mentioned that a decision might be made around ${decision.words}, and I just wanted to briefly follow up.`
      : 'I just wanted to briefly follow up.',
    "I'm still very interested in the position.",
    interview.hasOtherOffers ? `While I have other opportunities, ${company} is still my top choice.` : '',
    'Has the position been filled, or am I still under consideration?',
    'Could you share the timeline for the next steps?',
    'Thank you for your time.',
  ].filter(Boolean);
}
