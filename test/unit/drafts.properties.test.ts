import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callScript, cleanText, countName, countWords, DRAFT_WORD_LIMIT, draftEmail, firstName, isLateThankYou } from '../../src/domain/drafts';
import { calendarDate, calendarDaysSince, relativeDay } from '../../src/domain/relative-date';
import { checkTone } from '../../src/domain/tone';
import type { DraftKind, Interview, InterviewEvent, StepKind } from '../../src/domain/types';

const KINDS: DraftKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const ZONES = [
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Asia/Jerusalem',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/London',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const DAY = 86_400_000;

/** User text as people paste it: odd names, scripts, emoji, HTML, stray whitespace, very long. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt;bold&lt;/b&gt;',
  '"quoted" \'single\' `tick`',
  '{company} ${role} %s {{name}}',
  'undefined',
  'null',
  'NaN',
  'Robert"); DROP TABLE interviews;--',
  '\u202eevil\u202c',
  'שלום עולם',
  'مرحبا بالعالم',
  '👩🏽‍💻 Dev Team 🚀',
  'Zoë Ångström',
  "Seán O'Brien-Ó Súilleabháin",
  '株式会社サンプル',
  '  lots   of\n\n spaces \t here ',
];
const WORDS = ['Global', 'Holdings', 'of', '&', 'Partners', 'Ünïcode', 'Acme', 'International', 'Group', 'Data', 'Engineer', 'Senior', 'the', 'and', 'Co.', 'LLC'];
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.string({ unit: 'binary', maxLength: max }),
    fc.constantFrom(...HOSTILE),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40, size: 'max' }).map((a) => a.join(' ')),
  );
/** Fields are the user's; a draft is only to blame for pressure it adds, so pushy fields are left out. */
const field = (max: number, safe: boolean) =>
  anyText(max)
    .map((s) => (safe ? s.replace(/undefined|null|nan|invalid|[{}]/gi, '') : s))
    .filter((s) => checkTone(s).length === 0);

const iso = (ms: number) => new Date(ms).toISOString();
const arb = (safe: boolean) =>
  fc
    .record({
      at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
      nowOffset: fc.integer({ min: -3 * DAY, max: 45 * DAY }),
      zone: fc.constantFrom(...ZONES),
      weekStartsOn: fc.constantFrom(0 as const, 1 as const, 6 as const),
      company: field(120, safe),
      role: field(80, safe),
      topic: fc.option(field(120, safe), { nil: undefined }),
      contacts: fc.array(
        fc.record({
          name: fc.oneof(field(40, safe), fc.constantFrom('Dr. Jane Smith', 'Smith, Jane', 'jane@x.example', '李小龙', '')),
          email: fc.option(fc.oneof(fc.emailAddress(), fc.constantFrom('not an email', ' a@b.co ', '')), { nil: undefined }),
          topic: fc.option(field(60, safe), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
      /** Whom the draft is for: a contact's place (wrapped to the list), or none (the default). */
      position: fc.option(fc.nat(5), { nil: undefined }),
      webmailSignature: fc.boolean(),
      decision: fc.option(
        fc.oneof(
          fc.integer({ min: -10, max: 40 }).map((d) => d),
          fc.constantFrom('2026-02-30', 'soon', '', '2026-1-5'),
        ),
        { nil: undefined },
      ),
      hasOtherOffers: fc.option(fc.boolean(), { nil: undefined }),
      sent: fc.array(fc.constantFrom<StepKind>('thank-you', 'status-inquiry', 'move-on', 'final-check-in'), { maxLength: 5 }),
      name: field(40, safe),
      signature: fc.option(
        fc.array(field(30, safe), { maxLength: 4 }).map((l) => l.join('\n')),
        { nil: undefined },
      ),
    })
    .map((r) => {
      const now = r.at + r.nowOffset;
      const decisionExpectedBy =
        typeof r.decision === 'number' ? iso(r.at + r.decision * DAY).slice(0, 10) : (r.decision as string | undefined);
      const history: InterviewEvent[] = r.sent.map((step, i) => ({ type: 'sent', step, at: iso(r.at + (i + 1) * DAY) }));
      const interview: Interview = {
        id: 'p',
        company: r.company,
        role: r.role,
        interviewAt: iso(r.at),
        contacts: r.contacts,
        decisionExpectedBy,
        hasOtherOffers: r.hasOtherOffers,
        topic: r.topic,
        history,
      };
      const contact = r.position === undefined || r.contacts.length === 0 ? undefined : r.contacts[r.position % r.contacts.length];
      return {
        interview,
        profile: { name: r.name, signature: r.signature },
        now: iso(now),
        zone: r.zone,
        weekStartsOn: r.weekStartsOn,
        contact,
        webmailSignature: r.webmailSignature,
      };
    });

/** The body before the signature: everything but the lines after the sign-off line. */
const written = (body: string) => {
  const i = body.lastIndexOf('\n\n');
  return body.slice(0, i) + ' ' + body.slice(i + 2).split('\n')[0];
};
const head = (s: string) => Array.from(cleanText(s).split(' ')[0] ?? '').slice(0, 20).join('');

/** Sentences (or lines) holding `words`. */
const sentencesWith = (body: string, words: string) => body.split(/(?<=[.?!;])\s+|\n+/).filter((x) => x.includes(words));
/** Wording that puts a date ahead of the writer. */
const FUTURE = /\b(hope to|plan to|is expected|look forward|will|upcoming|tomorrow)\b/i;

describe('drafts: every kind × every wording × generated interviews', () => {
  it('pass their own check, stay brief, leak nothing, and follow the wording rules', () => {
    fc.assert(
      fc.property(arb(true), ({ interview, profile, now, zone, weekStartsOn, contact, webmailSignature }) => {
        const opts = { now, timeZone: zone, weekStartsOn, contact, webmailSignature };
        const when = relativeDay(interview.interviewAt, now, zone, weekStartsOn).phrase;
        const decision = calendarDate(interview.decisionExpectedBy, now, zone);
        const to = contact ?? interview.contacts[0];
        const first = firstName(to?.name);
        const company = cleanText(interview.company);
        const late = isLateThankYou(interview.interviewAt, now, zone);
        const bodies = new Set<string>();
        for (const kind of KINDS)
          for (const variant of [0, 1, 2]) {
            const d = draftEmail(kind, interview, profile, { ...opts, variant });
            const all = `${d.subject}\n${d.body}`;
            bodies.add(d.body);
            expect(checkTone(d.body), d.body).toEqual([]);
            expect(checkTone(d.subject), d.subject).toEqual([]);
            expect(countWords(written(d.body))).toBeLessThanOrEqual(DRAFT_WORD_LIMIT);
            expect(all).not.toMatch(/undefined|null|NaN|Invalid|[{}]/);
            expect(all).not.toMatch(/ {2}|[ \t]\n|\n[ \t]|\n{3}|^\s|\s$/);
            expect(d.subject).not.toMatch(/\n/);
            expect(d.body).toContain(when);
            // Greeting: the addressee's first name, else a neutral one.
            const greet = d.body.split('\n')[0]!;
            if (first) expect(greet).toBe(`${['Hi', 'Dear', 'Hello'][variant]} ${first},`);
            else expect(['Hello,', 'Dear hiring team,', 'Hi there,']).toContain(greet);
            // Role and company named (possibly shortened, never dropped).
            if (company) expect(d.body).toContain(head(company));
            if (cleanText(interview.role)) expect(d.body).toContain(head(interview.role));
            // The decision date: always in the inquiry; in a thank-you only while ahead; never in the final check-in.
            if (decision) {
              const expected = kind === 'status-inquiry' || (kind === 'thank-you' && !late && !decision.past);
              if (expected) expect(d.body).toContain(decision.words);
              if (kind === 'final-check-in') expect(d.body).not.toContain(decision.words);
            }
            // The top-choice line only in the status inquiry, and only with other offers.
            expect(d.body.includes('While I have other opportunities, ')).toBe(kind === 'status-inquiry' && !!interview.hasOtherOffers);
            if (kind === 'status-inquiry' && interview.hasOtherOffers) expect(d.body).toMatch(/While I have other opportunities, .+ is still my top choice\./);
            // Closes with the sign-off line, then the name (unless the signature has it), then the signature; nothing after the sign-off when the webmail signs.
            const sig = (profile.signature ?? '').split(/\r\n|\r|\n|\u2028|\u2029/).map(cleanText).filter(Boolean);
            const name = cleanText(profile.name);
            const tail = webmailSignature ? [] : [...(name && !sig.some((l) => countName(l, name) > 0) ? [name] : []), ...sig];
            if (tail.length > 0) expect(d.body.endsWith(`,\n${tail.join('\n')}`)).toBe(true);
            else expect(d.body).toMatch(/\n\n[^\n]+,$/);
            // To: the addressee's address when it is one.
            expect(d.to.length).toBeLessThanOrEqual(1);
            if (d.to[0]) expect(d.to[0]).toBe(cleanText(to?.email));
          }
        expect(bodies.size).toBe(9);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the greeting names the addressee, whichever interviewer the email is for', () => {
    fc.assert(
      fc.property(arb(true), fc.nat(2), ({ interview, profile, now, zone }, position) => {
        fc.pre(interview.contacts.length > 0);
        const contact = interview.contacts[position % interview.contacts.length]!;
        const first = firstName(contact.name);
        for (const kind of KINDS) {
          const d = draftEmail(kind, interview, profile, { now, timeZone: zone, contact });
          const greet = d.body.split('\n')[0]!;
          if (first) {
            expect(greet).toMatch(/^(Hi|Dear|Hello) /);
            expect(greet.slice(greet.indexOf(' ') + 1, -1)).toBe(first);
          } else expect(['Hello,', 'Dear hiring team,', 'Hi there,']).toContain(greet);
          // Written to them: their address when it is one, nobody else's.
          expect(d.to.length).toBeLessThanOrEqual(1);
          if (/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(cleanText(contact.email))) expect(d.to).toEqual([cleanText(contact.email)]);
          if (d.to[0]) expect(d.to[0]).toBe(cleanText(contact.email));
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it("the user's name is present exactly once (none when the webmail adds its signature)", () => {
    const NAMES = ['Sam Lee', 'Zoë Ångström', "Seán O'Brien", '李小龙', 'María José Pérez-López', 'Ada'];
    fc.assert(
      fc.property(
        arb(true),
        fc.constantFrom(...NAMES),
        fc.constantFrom('none', 'without name', 'name first', 'name inside'),
        fc.boolean(),
        ({ interview, now, zone, contact }, name, sigShape, webmailSignature) => {
          // The name must not already be part of what the user typed elsewhere.
          const fields = [interview.company, interview.role, interview.topic, ...interview.contacts.flatMap((c) => [c.name, c.topic, c.email])];
          fc.pre(fields.every((f) => countName(cleanText(f), name) === 0));
          const signature = { none: undefined, 'without name': 'Product analyst\n555 0100', 'name first': `${name}\nProduct analyst`, 'name inside': `Product analyst – ${name.toUpperCase()}` }[sigShape];
          for (const kind of KINDS)
            for (const variant of [0, 1, 2]) {
              const d = draftEmail(kind, interview, { name, signature }, { now, timeZone: zone, contact, variant, webmailSignature });
              expect(countName(d.body, name), d.body).toBe(webmailSignature ? 0 : 1);
              expect(countName(d.subject, name)).toBe(0);
            }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('no past date is described as future', () => {
    fc.assert(
      fc.property(arb(true), ({ interview, profile, now, zone, weekStartsOn, contact }) => {
        const decision = calendarDate(interview.decisionExpectedBy, now, zone);
        const since = calendarDaysSince(interview.interviewAt, now, zone)!;
        for (const kind of KINDS)
          for (const variant of [0, 1, 2]) {
            const d = draftEmail(kind, interview, profile, { now, timeZone: zone, weekStartsOn, contact, variant });
            if (decision?.past) for (const sentence of sentencesWith(d.body, decision.words)) expect(sentence, d.body).not.toMatch(FUTURE);
            // The interview, once it has happened, is spoken of as past.
            if (since >= 1) expect(d.body).not.toMatch(/\btomorrow\b/);
          }
        const call = callScript(interview, profile, { now, timeZone: zone, contact });
        if (decision?.past) for (const line of call.filter((l) => l.includes(decision.words))) expect(line).not.toMatch(FUTURE);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('the thank-you mentions the topic whenever the fields leave room for it', () => {
    fc.assert(
      fc.property(arb(true), ({ interview, profile, now, zone }) => {
        // The first interviewer's own topic, else the interview's.
        const topic = cleanText(interview.contacts[0]?.topic) || cleanText(interview.topic);
        const short = (s: string, n: number) => countWords(cleanText(s)) <= n && cleanText(s).length <= 60;
        fc.pre(!!topic && short(topic, 12) && short(interview.company, 6) && short(interview.role, 6));
        fc.pre(countWords(firstName(interview.contacts[0]?.name)) <= 1);
        for (const variant of [0, 1, 2])
          expect(draftEmail('thank-you', interview, profile, { now, timeZone: zone, variant }).body).toContain(topic);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('hostile field content comes out as the same inert text', () => {
    fc.assert(
      fc.property(arb(false), fc.constantFrom(...HOSTILE), ({ interview, profile, now, zone }, payload) => {
        fc.pre(checkTone(payload).length === 0);
        const iv = { ...interview, company: payload, contacts: [{ name: payload }] };
        for (const kind of KINDS) {
          const d = draftEmail(kind, iv, profile, { now, timeZone: zone, variant: 0 });
          expect(d.body).toContain(cleanText(payload).split(' ').slice(0, 2).join(' '));
          expect(d.body).not.toMatch(/ {2}|\n{3}/);
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('the call script passes the check and leaks nothing', () => {
    fc.assert(
      fc.property(arb(true), ({ interview, profile, now, zone }) => {
        const lines = callScript(interview, profile, { now, timeZone: zone });
        for (const l of lines) {
          expect(checkTone(l)).toEqual([]);
          expect(l).not.toMatch(/undefined|null|NaN|Invalid|[{}]| {2}|^\s|\s$/);
        }
        expect(countWords(lines.join(' '))).toBeLessThan(200);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
