import { describe, expect, it } from 'vitest';
import {
  callScript,
  cleanText,
  countWords,
  defaultVariant,
  DRAFT_VARIANTS,
  DRAFT_WORD_LIMIT,
  draftEmail,
  firstName,
} from '../../src/domain/drafts';
import { calendarDate, longDate, relativeDay } from '../../src/domain/relative-date';
import { checkTone } from '../../src/domain/tone';
import type { DraftKind, Interview } from '../../src/domain/types';

const KINDS: DraftKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const NY = 'America/New_York';

/** Worked example 1 of docs/followup-rules.md: Tue 2026-11-17 14:00 New York. */
const base = (over: Partial<Interview> = {}): Interview => ({
  id: 'iv1',
  company: 'Acme Corp',
  role: 'Data Analyst',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Jane Smith', email: 'jane@acme.example', title: 'Head of Data' }],
  history: [],
  ...over,
});
const ME = { name: 'Sam Lee' };
const draft = (kind: DraftKind, over: Partial<Interview> = {}, variant?: number, now = '2026-11-25T15:00:00Z') =>
  draftEmail(kind, base(over), ME, { now, timeZone: NY, variant });
const all = (over: Partial<Interview> = {}, now?: string) =>
  KINDS.flatMap((k) => [0, 1, 2].map((v) => ({ kind: k, v, d: draft(k, over, v, now) })));
/** The body without its last paragraph (sign-off + signature). */
const written = (body: string) => body.slice(0, body.lastIndexOf('\n\n'));

describe('relativeDay', () => {
  // Interview Tue 2026-11-17 14:00 in New York (19:00Z); weeks start on Monday.
  const iv = '2026-11-17T19:00:00Z';
  it.each([
    ['2026-11-17T23:00:00Z', 'today'], // Tue 18:00
    ['2026-11-18T04:59:00Z', 'today'], // Tue 23:59
    ['2026-11-18T05:00:00Z', 'yesterday'], // Wed 00:00
    ['2026-11-19T15:00:00Z', 'on Tuesday'], // Thu, same week
    ['2026-11-22T15:00:00Z', 'on Tuesday'], // Sun, same Mon–Sun week
    ['2026-11-23T15:00:00Z', 'last Tuesday'], // Mon of the next week, 6 days on
    ['2026-11-24T15:00:00Z', 'on November 17'], // a week on: a date, not "last Tuesday"
    ['2026-12-09T15:00:00Z', 'on November 17'],
    ['2027-01-05T15:00:00Z', 'on November 17, 2026'],
    ['2026-11-16T15:00:00Z', 'tomorrow'],
    ['2026-11-12T15:00:00Z', 'on November 17'],
  ])('seen from %s → %s', (now, phrase) => {
    expect(relativeDay(iv, now, NY).phrase).toBe(phrase);
  });

  it('reads both instants in the given zone', () => {
    const at = '2026-11-17T03:30:00Z'; // Mon 22:30 in New York, Tue 12:30 in Tokyo
    const now = '2026-11-17T14:00:00Z'; // Tue 09:00 in New York, Tue 23:00 in Tokyo
    expect(relativeDay(at, now, NY).phrase).toBe('yesterday');
    expect(relativeDay(at, now, 'Asia/Tokyo').phrase).toBe('today');
    expect(relativeDay(at, now, 'UTC').phrase).toBe('today');
    expect(relativeDay(at, now).phrase).toBe('today'); // default UTC
    // 2026-11-17T10:30Z is Wednesday 00:30 on Kiritimati (UTC+14) and Monday 23:30 in Pago Pago (UTC−11).
    expect(relativeDay('2026-11-17T10:30:00Z', '2026-11-20T10:30:00Z', 'Pacific/Kiritimati').phrase).toBe('on Wednesday');
    expect(relativeDay('2026-11-17T10:30:00Z', '2026-11-20T10:30:00Z', 'Pacific/Pago_Pago').phrase).toBe('on Monday');
  });

  it('honours the first day of the week (Sunday–Thursday in Israel)', () => {
    const sun = '2026-11-15T08:00:00Z'; // Sun 10:00 Jerusalem
    const thu = '2026-11-19T08:00:00Z';
    expect(relativeDay(sun, thu, 'Asia/Jerusalem', 0).phrase).toBe('on Sunday');
    expect(relativeDay(sun, thu, 'Asia/Jerusalem', 1).phrase).toBe('last Sunday');
  });

  it('counts calendar days across a daylight-saving change', () => {
    // Fri 2026-10-30 10:00 EDT → Mon 2026-11-02 10:00 EST: three calendar days, the week before.
    expect(relativeDay('2026-10-30T14:00:00Z', '2026-11-02T15:00:00Z', NY).phrase).toBe('last Friday');
    // Sat 2026-10-31 23:30 EDT → Sun 2026-11-01 23:30 EST (25 hours later) is still "yesterday".
    expect(relativeDay('2026-11-01T03:30:00Z', '2026-11-02T04:30:00Z', NY).phrase).toBe('yesterday');
  });

  it('falls back to UTC for an unknown zone and to "recently" for a bad date', () => {
    expect(relativeDay('2026-11-17T03:30:00Z', '2026-11-17T14:00:00Z', 'Mars/Olympus').phrase).toBe('today');
    expect(relativeDay('not a date', '2026-11-17T14:00:00Z', NY)).toEqual({ kind: 'unknown', phrase: 'recently' });
  });

  it('calendarDate reads "YYYY-MM-DD" as a date, not an instant, and rejects impossible ones', () => {
    expect(calendarDate('2026-11-20', '2026-11-25T15:00:00Z', 'Pacific/Kiritimati')).toEqual({ words: 'Friday, November 20', past: true });
    expect(calendarDate('2026-11-25', '2026-11-25T15:00:00Z', NY)).toEqual({ words: 'Wednesday, November 25', past: false });
    expect(calendarDate('2027-01-08', '2026-11-25T15:00:00Z', NY)?.words).toBe('Friday, January 8, 2027');
    for (const bad of ['2026-02-30', '2026-13-01', '20-11-2026', '', undefined, 'tomorrow'])
      expect(calendarDate(bad, '2026-11-25T15:00:00Z', NY)).toBeUndefined();
    expect(longDate('2026-11-17T19:00:00Z', '2026-11-25T15:00:00Z', NY)).toBe('Tuesday, November 17');
  });
});

describe('draftEmail: personal', () => {
  it('addresses the primary interviewer by first name, at their email', () => {
    for (const { v, d } of all()) {
      expect(d.to).toEqual(['jane@acme.example']);
      expect(d.body.split('\n')[0]).toBe(['Hi Jane,', 'Dear Jane,', 'Hello Jane,'][v]);
    }
  });
  it('greets neutrally and sends to nobody without a usable contact', () => {
    for (const contacts of [[], [{ name: '' }], [{ name: 'jobs@acme.example' }], [{ name: '   ', email: 'not-an-email' }]]) {
      for (const { v, d } of all({ contacts })) {
        expect(d.body.split('\n')[0]).toBe(['Hello,', 'Dear hiring team,', 'Hi there,'][v]);
        expect(d.to).toEqual([]);
      }
    }
  });
  it('is for the first contact unless told whom', () => {
    const contacts = [{ name: 'Ana' }, { name: 'Bo', email: 'bo@x.example' }];
    const d = draft('thank-you', { contacts }, 0);
    expect(d.to).toEqual([]);
    expect(d.body.startsWith('Hi Ana,')).toBe(true);
    expect(d.contact).toBe('ana');
    const bo = draftEmail('thank-you', base({ contacts }), ME, { now: '2026-11-18T15:00:00Z', timeZone: NY, variant: 0, contact: contacts[1] });
    expect(bo.to).toEqual(['bo@x.example']);
    expect(bo.body.startsWith('Hi Bo,')).toBe(true);
    expect(bo.contact).toBe('bo@x.example');
    // Someone the interview doesn't list is greeted all the same, without anyone else's topic.
    const cc = draftEmail('thank-you', base({ contacts, topic: 'pricing' }), ME, { now: '2026-11-18T15:00:00Z', timeZone: NY, variant: 0, contact: { name: 'Cy Doe', email: 'cy@x.example' } });
    expect(cc.body.startsWith('Hi Cy,')).toBe(true);
    expect(cc.to).toEqual(['cy@x.example']);
    expect(cc.body).not.toContain('pricing');
  });
  it.each([
    ['Dr. Jane Smith', 'Jane'],
    ['  jane   smith ', 'jane'],
    ['Smith, Jane', 'Jane'],
    ['Prof Ada Lovelace', 'Ada'],
    ['José María Pérez', 'José'],
    ['李小龙', '李小龙'],
    ["D'Angelo Russell", "D'Angelo"],
    ['Dr.', ''],
    ['jane@acme.example', ''],
    ['Jean-Luc\u00a0Picard', 'Jean-Luc'],
  ])('firstName(%j) = %j', (name, first) => {
    expect(firstName(name)).toBe(first);
  });
  it('names the role and the company, without doubling the noun', () => {
    for (const { d } of all()) {
      expect(d.body).toContain('Data Analyst');
      expect(d.body).toContain('Acme Corp');
    }
    for (const { d } of all({ role: 'Senior Engineer role' })) expect(d.body + d.subject).not.toMatch(/role (role|position|opportunity)/);
  });
  it('says when the interview was, relative to now', () => {
    expect(draft('thank-you', {}, 0, '2026-11-17T21:00:00Z').body).toContain('speak with me today about');
    expect(draft('thank-you', {}, 0, '2026-11-18T14:00:00Z').body).toContain('speak with me yesterday about');
    expect(draft('status-inquiry', {}, 0, '2026-11-23T15:00:00Z').body).toContain('my interview last Tuesday for');
    expect(draft('status-inquiry', {}, 0, '2026-11-24T15:00:00Z').body).toContain('my interview on November 17 for');
  });
  it('the thank-you thanks them and mentions the topic when there is one', () => {
    for (const v of [0, 1, 2]) {
      const d = draft('thank-you', { topic: '  the   move to\nKubernetes ' }, v, '2026-11-17T21:00:00Z');
      expect(d.body).toMatch(/thank/i);
      expect(d.body).toContain('the move to Kubernetes');
      expect(draft('thank-you', {}, v).body).not.toMatch(/about \.|on \.|undefined/);
    }
  });
  it('the inquiry asks where they are in the process and acknowledges their workload', () => {
    for (const v of [0, 1, 2]) {
      const b = draft('status-inquiry', {}, v).body;
      expect(b).toMatch(/where you are in the (hiring )?process/);
      expect(b).toMatch(/a lot on your plate|how busy|many priorities/);
    }
    for (const v of [0, 1, 2]) expect(draft('final-check-in', {}, v).body).toMatch(/where you are in the process/);
  });
  it('the status inquiry mentions the decision date they gave, in the past tense once it has passed', () => {
    for (const v of [0, 1, 2]) {
      const past = draft('status-inquiry', { decisionExpectedBy: '2026-11-20' }, v).body; // seen from Wed 11-25
      expect(past).toContain('Friday, November 20');
      expect(past).toMatch(/(had hoped|expected|had mentioned)[^.]*Friday, November 20/);
      const ahead = draft('status-inquiry', { decisionExpectedBy: '2026-11-27' }, v).body;
      expect(ahead).toMatch(/(plan|hope|mentioned)[^.]*Friday, November 27/);
    }
    for (const { d } of all({ decisionExpectedBy: '2026-02-30' })) expect(d.body).not.toMatch(/decision (was |is )?(expected|planned)|Invalid|NaN/);
  });
  it('the thank-you mentions the decision date only while it is ahead; the final check-in never does', () => {
    for (const v of [0, 1, 2]) {
      expect(draft('thank-you', { decisionExpectedBy: '2026-11-20' }, v, '2026-11-18T15:00:00Z').body).toContain('Friday, November 20');
      expect(draft('thank-you', { decisionExpectedBy: '2026-11-17' }, v, '2026-11-18T15:00:00Z').body).not.toContain('November 17');
      expect(draft('thank-you', { decisionExpectedBy: '2026-11-20' }, v, '2026-11-25T15:00:00Z').body).not.toContain('November 20');
      expect(draft('final-check-in', { decisionExpectedBy: '2026-11-20' }, v, '2026-12-09T15:00:00Z').body).not.toMatch(/November 20|decision/);
    }
  });
  it('the final check-in makes one light acknowledgement at most, never a stack of them', () => {
    const reassurance = /\b(I understand|I know|a lot on your plate|many priorities|how busy)\b/g;
    for (const v of [0, 1, 2]) {
      const b = draft('final-check-in', { decisionExpectedBy: '2026-11-20', hasOtherOffers: true }, v, '2026-12-09T15:00:00Z').body;
      expect((b.match(reassurance) ?? []).length).toBeLessThanOrEqual(1);
      expect(b).not.toMatch(/expected|top choice/);
    }
  });
  it('says the employer is still the top choice only in the status inquiry, and only with other offers', () => {
    const line = 'While I have other opportunities, Acme Corp is still my top choice.';
    for (const { kind, d } of all({ hasOtherOffers: true })) expect(d.body.includes(line)).toBe(kind === 'status-inquiry');
    for (const { d } of [...all({ hasOtherOffers: false }), ...all()]) expect(d.body).not.toContain('other opportunities');
  });
  it('closes with the name, then the signature below it', () => {
    const now = { now: '2026-11-17T21:00:00Z' };
    const d = draftEmail('thank-you', base(), { name: 'Sam Lee', signature: '\n  Data person  |  555 0100\n\n Acme fan ' }, now);
    expect(d.body.endsWith('\n\nBest regards,\nSam Lee\nData person | 555 0100\nAcme fan')).toBe(true);
    expect(draftEmail('thank-you', base(), { name: ' Sam  Lee ' }, now).body.endsWith('\n\nBest regards,\nSam Lee')).toBe(true);
    expect(draftEmail('thank-you', base(), { name: '' }, now).body.endsWith('\n\nBest regards,')).toBe(true);
    expect(draftEmail('thank-you', base(), { name: '', signature: 'Data person' }, now).body.endsWith('\n\nBest regards,\nData person')).toBe(true);
  });
  it('does not repeat the name when the signature already carries it', () => {
    const now = { now: '2026-11-17T21:00:00Z' };
    const d = draftEmail('thank-you', base(), { name: 'Sam', signature: '  Sam Lee \n\n  Data person  |  555 0100\n' }, now);
    expect(d.body.endsWith('Best regards,\nSam Lee\nData person | 555 0100')).toBe(true);
    const lower = draftEmail('thank-you', base(), { name: 'Sam Lee', signature: 'sam lee, PhD' }, now);
    expect(lower.body.endsWith('Best regards,\nsam lee, PhD')).toBe(true);
    // "Sam" inside "Samantha" is not the name.
    const other = draftEmail('thank-you', base(), { name: 'Sam', signature: 'Samantha’s assistant' }, now);
    expect(other.body.endsWith('Best regards,\nSam\nSamantha’s assistant')).toBe(true);
  });
  it('adds nothing after the sign-off when the compose already has the webmail signature', () => {
    for (const kind of KINDS) {
      const d = draftEmail(kind, base(), { name: 'Sam Lee', signature: 'Data person' }, { now: '2026-11-17T21:00:00Z', webmailSignature: true });
      expect(d.body).toMatch(/\n\n[A-Z][a-z]+( [a-z]+)*,$/);
      expect(d.body).not.toMatch(/Sam Lee|Data person/);
    }
  });
});

describe('draftEmail: brief, varied, safe', () => {
  it(`stays within ${DRAFT_WORD_LIMIT} words even with very long fields`, () => {
    const long = (w: string, n: number) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const over = {
      company: long('Company', 40),
      role: long('Role', 40),
      topic: long('topic', 80),
      decisionExpectedBy: '2026-11-20',
      hasOtherOffers: true,
      contacts: [{ name: long('Name', 10) }],
    };
    for (const { d } of all(over)) {
      expect(countWords(written(d.body))).toBeLessThanOrEqual(DRAFT_WORD_LIMIT);
      expect(d.body).toContain('Company0');
      expect(d.body).toContain('Role0');
      expect(d.body).toContain('…');
    }
    // One enormous "word" (no spaces) is cut to a sane length too.
    const d = draft('status-inquiry', { company: 'x'.repeat(5000) });
    expect(d.body.length).toBeLessThan(1500);
  });
  it('every kind has at least three different wordings', () => {
    for (const k of KINDS) {
      expect(DRAFT_VARIANTS[k]).toBeGreaterThanOrEqual(3);
      const bodies = new Set([0, 1, 2].map((v) => written(draft(k, {}, v).body.split('\n\n').slice(1).join('\n\n'))));
      expect(bodies.size).toBe(3);
    }
  });
  it('by default a repeat follow-up differs from the one sent before', () => {
    const sent = (n: number): Interview['history'] =>
      Array.from({ length: n }, (_, i) => ({ type: 'sent', step: 'status-inquiry', at: `2026-11-2${i}T15:00:00Z` }) as const);
    const bodies = [0, 1, 2, 3].map((n) => draft('status-inquiry', { history: sent(n) }).body);
    expect(bodies[1]).not.toBe(bodies[0]);
    expect(bodies[2]).not.toBe(bodies[1]);
    expect(bodies[3]).not.toBe(bodies[2]);
    expect(defaultVariant('status-inquiry', { history: sent(4) })).toBe(1);
    // Other kinds' sends do not count.
    expect(defaultVariant('thank-you', { history: sent(2) })).toBe(0);
  });
  it('normalises any variant number', () => {
    expect(draft('thank-you', {}, 4).body).toBe(draft('thank-you', {}, 1).body);
    expect(draft('thank-you', {}, -1).body).toBe(draft('thank-you', {}, 2).body);
    expect(draft('thank-you', {}, 1.7).body).toBe(draft('thank-you', {}, 1).body);
    expect(draft('thank-you', {}, Number.NaN).body).toBe(draft('thank-you', {}, 0).body);
  });
  it('treats every field as plain text', () => {
    const payload = '<img src=x onerror=alert(1)> &amp; {company} ${role}';
    for (const { d } of all({ company: payload, role: '<b>Analyst</b>', topic: '<script>alert(1)</script>' })) {
      expect(d.body).toContain(cleanText(payload));
      expect(d.body + d.subject).toContain('<b>Analyst</b>');
    }
  });
  it('collapses whitespace and drops control characters in fields', () => {
    const d = draft('thank-you', { company: ' Acme\n\t Corp\u0000 ', role: 'Data\r\nAnalyst', topic: 'a\u00a0\u00a0b' }, 0);
    expect(d.body).toContain('the Data Analyst role at Acme Corp.');
    expect(d.body).not.toMatch(/ {2}|[\t\r]/);
    expect(d.body.includes('\u0000')).toBe(false);
  });
  it('every wording passes its own pressing-words check, subject included', () => {
    for (const over of [{}, { decisionExpectedBy: '2026-11-20', hasOtherOffers: true, topic: 'pricing' }, { contacts: [] }])
      for (const { d } of all(over)) {
        expect(checkTone(d.body)).toEqual([]);
        expect(checkTone(d.subject)).toEqual([]);
      }
  });
});

describe('callScript', () => {
  const iv = base({ decisionExpectedBy: '2026-11-20', hasOtherOffers: true });
  const lines = callScript(iv, { name: 'Sam Lee' }, { now: '2026-11-25T15:00:00Z', timeZone: NY });
  it("follows 002's script: full name, role, interview date, their decision date, continued interest", () => {
    expect(lines[0]).toBe('Hi Jane, this is Sam Lee.');
    expect(lines.join(' ')).toContain('I interviewed for the Data Analyst role at Acme Corp on Tuesday, November 17.');
    expect(lines.join(' ')).toContain('You had mentioned that a decision might be made around Friday, November 20');
    expect(lines.join(' ')).toMatch(/still very interested/);
    expect(lines).toContain('While I have other opportunities, Acme Corp is still my top choice.');
    expect(lines.join(' ')).toMatch(/position been filled.*still under consideration/);
    expect(lines.join(' ')).toMatch(/timeline/);
  });
  it('fits well under two minutes and passes the pressing-words check', () => {
    expect(countWords(lines.join(' '))).toBeLessThan(130); // ~1 minute at a calm 130 words a minute
    for (const l of lines) expect(checkTone(l)).toEqual([]);
  });
  it('says the interview day in the user’s zone', () => {
    // 2026-11-17T03:00Z is Monday evening in New York.
    const l = callScript(base({ interviewAt: '2026-11-17T03:00:00.000Z' }), { name: 'Sam Lee' }, { now: '2026-11-25T15:00:00Z', timeZone: NY });
    expect(l.join(' ')).toContain('on Monday, November 16.');
  });
  it('works without contact, name, decision date or other offers', () => {
    const l = callScript(base({ contacts: [] }), { name: '' }, { now: '2026-11-25T15:00:00Z', timeZone: NY });
    expect(l[0]).toBe("Hello, I'm calling about my interview.");
    expect(l.join(' ')).not.toMatch(/undefined|null|top choice|decision/);
  });
});
