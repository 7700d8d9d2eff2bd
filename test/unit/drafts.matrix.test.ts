// Issue 11 "Tests": every draft kind × each contact position × late or on time × decision date
// past or future × webmail signature present or absent, each in every wording.
import { describe, expect, it } from 'vitest';
import { contactKey } from '../../src/domain/contacts';
import { countWords, DRAFT_WORD_LIMIT, draftEmail, firstName, isLateThankYou } from '../../src/domain/drafts';
import { checkTone } from '../../src/domain/tone';
import type { Contact, DraftKind, Interview } from '../../src/domain/types';

const NY = 'America/New_York';
const KINDS: DraftKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];

const CONTACTS: Contact[] = [
  { name: 'Chris Park', email: 'chris.park@contoso.example', title: 'Engineering Manager' },
  { name: 'Jordan Reyes', email: 'jordan.reyes@contoso.example', topic: 'the data platform migration' },
  { name: 'Dr. Priya Nair', email: 'priya.nair@contoso.example' },
];
/** The interview's topic is the first interviewer's; the second has their own; the third none. */
const TOPICS = ['the quarterly roadmap', 'the data platform migration', undefined];

/** Tue 2026-11-17 14:00 New York, three interviewers, other offers in play. */
const interview = (decisionExpectedBy: string): Interview => ({
  id: 'contoso',
  company: 'Contoso',
  role: 'Data Analyst',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: CONTACTS,
  topic: 'the quarterly roadmap',
  hasOtherOffers: true,
  decisionExpectedBy,
  history: [],
});
const ME = { name: 'Sam Lee', signature: 'Product analyst\n555 0100' };

// On time: the next morning. Late: eight days on. Decision dates either side of "now".
const MOMENTS = {
  'on time': { now: '2026-11-18T15:00:00Z', past: '2026-11-17', future: '2026-11-21', pastWords: 'Tuesday, November 17', futureWords: 'Saturday, November 21' },
  late: { now: '2026-11-25T15:00:00Z', past: '2026-11-24', future: '2026-11-28', pastWords: 'Tuesday, November 24', futureWords: 'Saturday, November 28' },
} as const;

const LATE_CLAUSE = /later than I intended|belated|a little later than planned/;
const FUTURE_WORDS = /\b(hope to|plan to|is expected|look forward|will)\b/;
const PAST_WORDS = /\b(had hoped|expected to decide|had mentioned)\b/;
const sentencesWith = (body: string, words: string) => body.split(/(?<=[.?!])\s+|\n+/).filter((s) => s.includes(words));

type Case = { kind: DraftKind; position: number; timing: keyof typeof MOMENTS; decision: 'past' | 'future'; webmailSignature: boolean };
const CASES: Case[] = KINDS.flatMap((kind) =>
  [0, 1, 2].flatMap((position) =>
    (['on time', 'late'] as const).flatMap((timing) =>
      (['past', 'future'] as const).flatMap((decision) => [false, true].map((webmailSignature) => ({ kind, position, timing, decision, webmailSignature }))),
    ),
  ),
);

describe('drafts matrix (issue 11)', () => {
  it('covers 3 kinds × 3 contacts × 2 timings × 2 decision dates × 2 signatures', () => {
    expect(CASES).toHaveLength(72);
  });

  it.each(CASES)('$kind to contact #$position, $timing, decision $decision, webmail signature $webmailSignature', ({ kind, position, timing, decision, webmailSignature }) => {
    const m = MOMENTS[timing];
    const iv = interview(m[decision]);
    const contact = CONTACTS[position]!;
    const dateWords = decision === 'past' ? m.pastWords : m.futureWords;
    for (const variant of [undefined, 0, 1, 2]) {
      const d = draftEmail(kind, iv, ME, { now: m.now, timeZone: NY, contact, webmailSignature, variant });
      const label = `${variant}\n${d.body}`;

      // Reaches the right person.
      expect(d.to).toEqual([contact.email]);
      expect(d.contact).toBe(contactKey(contact));
      expect(d.body.split('\n')[0], label).toMatch(new RegExp(`^(Hi|Dear|Hello) ${firstName(contact.name)},$`));

      // Their conversation, nobody else's; no topic at all outside the thank-you.
      const own = TOPICS[position];
      for (const topic of TOPICS) if (topic && (kind !== 'thank-you' || topic !== own)) expect(d.body, label).not.toContain(topic);
      if (kind === 'thank-you' && own) expect(d.body, label).toContain(own);

      // True to the day: the late wording exactly for a late thank-you.
      expect(LATE_CLAUSE.test(d.body), label).toBe(kind === 'thank-you' && timing === 'late');

      // The decision date: spoken of in the inquiry (past tense once past), in an on-time
      // thank-you only while ahead, never in the final check-in.
      const mentions = kind === 'status-inquiry' || (kind === 'thank-you' && timing === 'on time' && decision === 'future');
      expect(d.body.includes(dateWords), label).toBe(mentions);
      for (const sentence of sentencesWith(d.body, dateWords)) {
        if (decision === 'past') {
          expect(sentence, label).not.toMatch(FUTURE_WORDS);
          expect(sentence, label).toMatch(PAST_WORDS);
        }
      }

      // Other opportunities only where they fit.
      expect(d.body.includes('While I have other opportunities, Contoso is still my top choice.'), label).toBe(kind === 'status-inquiry');

      // Signed by the user, once; nothing after the sign-off when the webmail signs.
      const last = d.body.slice(d.body.lastIndexOf('\n\n') + 2);
      if (webmailSignature) {
        expect(last, label).toMatch(/^[A-Z][a-z]+( [a-z]+)*,$/);
        expect(d.body).not.toContain('Sam Lee');
        expect(d.body).not.toContain('Product analyst');
      } else {
        expect(last, label).toMatch(/^[A-Z][a-z]+( [a-z]+)*,\nSam Lee\nProduct analyst\n555 0100$/);
        expect(d.body.split('Sam Lee')).toHaveLength(2);
      }

      // Brief and free of pressure.
      expect(countWords(d.body.slice(0, d.body.lastIndexOf('\n\n')))).toBeLessThanOrEqual(DRAFT_WORD_LIMIT);
      expect(checkTone(d.body), label).toEqual([]);
      expect(checkTone(d.subject), d.subject).toEqual([]);
    }
  });
});

describe('one thank-you each', () => {
  const iv = interview('2026-11-21');
  const notes = CONTACTS.map((contact) => draftEmail('thank-you', iv, ME, { now: MOMENTS['on time'].now, timeZone: NY, contact }).body);

  it('by default each interviewer gets a different wording, so notes compared side by side differ', () => {
    const withoutNames = notes.map((b) => b.split('\n\n').slice(1, -1).join('\n\n'));
    expect(new Set(withoutNames).size).toBe(3);
    expect(notes.map((b) => b.split('\n')[0])).toEqual(['Hi Chris,', 'Dear Jordan,', 'Hello Priya,']);
  });

  it('a second note to the same person reads differently from the first', () => {
    const sentOnce: Interview = { ...iv, history: [{ type: 'sent', step: 'thank-you', at: '2026-11-17T22:00:00.000Z', contact: 'jordan.reyes@contoso.example' }] };
    const again = draftEmail('thank-you', sentOnce, ME, { now: MOMENTS['on time'].now, timeZone: NY, contact: CONTACTS[1] }).body;
    expect(again).not.toBe(notes[1]);
    // Another person's send changes nothing for Chris.
    expect(draftEmail('thank-you', sentOnce, ME, { now: MOMENTS['on time'].now, timeZone: NY, contact: CONTACTS[0] }).body).toBe(notes[0]);
  });

  it('finds the contact by address when given a copy of it', () => {
    const copy = { name: 'Jordan Reyes', email: 'Jordan.Reyes@contoso.example' };
    const d = draftEmail('thank-you', iv, ME, { now: MOMENTS['on time'].now, timeZone: NY, contact: copy });
    expect(d.body).toContain('the data platform migration');
  });
});

describe('the late thank-you', () => {
  it('is late from the second calendar day after the interview, in the user’s zone', () => {
    const at = '2026-11-17T19:00:00.000Z'; // Tue 14:00 New York
    expect(isLateThankYou(at, '2026-11-17T23:00:00Z', NY)).toBe(false); // Tue evening
    expect(isLateThankYou(at, '2026-11-19T04:59:00Z', NY)).toBe(false); // Wed 23:59
    expect(isLateThankYou(at, '2026-11-19T05:00:00Z', NY)).toBe(true); // Thu 00:00
    expect(isLateThankYou(at, '2026-11-19T05:00:00Z', 'Asia/Tokyo')).toBe(false); // Wed 04:00 → Thu 14:00 there: the next day
    expect(isLateThankYou(at, '2026-11-10T05:00:00Z', NY)).toBe(false); // written before the interview
    expect(isLateThankYou('not a date', '2026-11-19T05:00:00Z', NY)).toBe(false);
  });

  it('acknowledges the delay in one clause, without apology theatre, and stays short', () => {
    for (const variant of [0, 1, 2]) {
      const d = draftEmail('thank-you', interview('2026-11-28'), ME, { now: MOMENTS.late.now, timeZone: NY, variant });
      const lateSentences = sentencesWith(d.body, '').filter((s) => LATE_CLAUSE.test(s));
      expect(lateSentences).toHaveLength(1);
      expect(d.body).not.toMatch(/sorry|apologi|forgive|excuse|busy|hectic|swamped/i);
      expect(d.body).toContain('on November 17');
      expect(countWords(d.body.slice(0, d.body.lastIndexOf('\n\n')))).toBeLessThanOrEqual(90);
    }
  });

  it('can be asked for, or turned off, explicitly', () => {
    const early = draftEmail('thank-you', interview('2026-11-28'), ME, { now: MOMENTS['on time'].now, timeZone: NY, variant: 0, late: true });
    expect(early.body).toMatch(LATE_CLAUSE);
    const notLate = draftEmail('thank-you', interview('2026-11-28'), ME, { now: MOMENTS.late.now, timeZone: NY, variant: 0, late: false });
    expect(notLate.body).not.toMatch(LATE_CLAUSE);
  });
});
