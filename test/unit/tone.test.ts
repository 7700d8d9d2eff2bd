import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applySuggestion,
  checkPhrases,
  checkTone,
  compilePhrase,
  quotedRanges,
  toneChecker,
  TONE_RULES,
  TONE_WHY,
  TONE_WORD_LIMIT,
  type ToneCategory,
  type ToneFinding,
} from '../../src/domain/tone';
import { CORPUS } from '../fixtures/tone-corpus';

const cats = (text: string) => checkTone(text).map((f) => f.category);
const spans = (text: string) => checkTone(text).map((f) => f.text);

function assertWellFormed(text: string, found: ToneFinding[]) {
  let last = -1;
  for (const f of found) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.why.length).toBeGreaterThan(10);
    last = f.end;
  }
}

describe('checkTone: the examples from the seeds and the issue', () => {
  const flagged: [string, ToneCategory][] = [
    ["I've been waiting to hear back", 'impatience'],
    ["you told me I should've known two days ago", 'blame'],
    ['I still haven’t heard from you', 'impatience'],
    ['Please reply as soon as possible.', 'urgency'],
    ['Please reply ASAP.', 'urgency'],
    ['I need an answer.', 'urgency'],
    ['Please respond by Friday.', 'urgency'],
    ['I expect to hear back by Friday at the latest.', 'urgency'],
    ['This is the third time I have written.', 'impatience'],
    ["Why haven't you answered?", 'blame'],
    ['Per my last email, here is my portfolio.', 'blame'],
    ["I'm desperate.", 'desperation'],
    ["You won't regret hiring me.", 'hard-sell'],
    ["If I don't hear back I'll accept another offer.", 'ultimatum'],
    ['PLEASE ANSWER MY EMAIL', 'impatience'],
    ['Any news??', 'impatience'],
    ['Thank you!!', 'urgency'],
  ];
  it.each(flagged)('flags %j as %s', (text, category) => {
    expect(cats(text)).toContain(category);
  });

  const calm = [
    'I understand you have a lot on your plate.',
    "I'd appreciate knowing where you are in the process.",
    'While I have other opportunities, ABC Company is still my top choice.',
    'While I have other opportunities, Acme is still my top choice…',
    'I look forward to hearing from you.',
    'Please let me know if I can provide anything else.',
    'Thank you for your time.',
    'You had mentioned that a decision might be made by this week, and I just wanted to briefly follow up.',
  ];
  it.each(calm)('leaves %j alone', (text) => {
    expect(checkTone(text)).toEqual([]);
  });
});

describe('checkTone: robust to how people type', () => {
  it('any case, curly or missing apostrophes, long forms, line breaks', () => {
    for (const t of [
      "I'VE BEEN WAITING TO HEAR BACK",
      'i’ve been waiting to hear back',
      'ive been waiting to hear back',
      'I have been waiting to hear back',
      'I have been\nwaiting   to\r\n  hear back',
      'I have been patiently waiting to hear back',
    ])
      expect(cats(t), t).toContain('impatience');
    for (const t of ['You told me I should have known two days ago', 'you told me i shouldve known 2 days ago'])
      expect(cats(t), t).toContain('blame');
    for (const t of ['I still have not heard back', 'i still havent heard anything', 'I STILL HAVEN’T HEARD A WORD'])
      expect(cats(t), t).toContain('impatience');
    expect(cats('I will not wait forever.')).toContain('ultimatum');
    expect(cats("I won't wait forever.")).toContain('ultimatum');
    expect(cats('please get back to me a.s.a.p.')).toContain('urgency');
  });

  it('small variations: inserted adverbs, plurals, other subjects', () => {
    expect(cats("I've already emailed you three times")).toContain('impatience');
    expect(cats('I have now followed up twice')).toContain('impatience');
    expect(cats('Your recruiter never got back to me')).toContain('blame');
    expect(cats('You clearly forgot about me.')).toContain('blame');
  });

  it('only whole words: no match inside longer words', () => {
    expect(checkTone('Trust meters and asaparagus are not pressure.')).toEqual([]);
    expect(checkTone('The urgent care team was lovely.')).toEqual([]);
  });

  it('own availability is not pressure (the "unless" context)', () => {
    expect(checkTone('I can start as soon as possible.')).toEqual([]);
    expect(checkTone("I'll reply immediately if you need anything.")).toEqual([]);
    expect(cats('Please reply immediately.')).toContain('urgency');
  });
});

describe('checkTone: shouting and stacked marks', () => {
  it('flags runs of capitals but not acronyms or a single emphasised word', () => {
    expect(cats('I AM STILL VERY INTERESTED')).toEqual(['impatience']);
    expect(checkTone('I met the HR team and the CEO in the NYC office.')).toEqual([]);
    expect(checkTone('My AWS, GCP and SQL certificates are attached.')).toEqual([]);
    expect(checkTone('I am VERY interested in the role.')).toEqual([]);
    expect(checkTone('I worked at IBM NYC.')).toEqual([]);
  });
  it('the caps suggestion is the same words, calm, keeping I and acronyms', () => {
    const [f] = checkTone("PLEASE SEND THE HR FORMS, I'M WAITING");
    expect(f?.suggestion).toBe("please send the HR forms, I'm waiting");
  });
  it('flags ??, ?!, !! and longer runs; a single ! or ? is fine', () => {
    expect(spans('Really?? Why?! Great!!! Ok!?')).toEqual(['??', '?!', '!!!', '!?']);
    expect(checkTone('Great! Really? Thanks.')).toEqual([]);
    expect(checkTone('Any news??')[0]?.suggestion).toBe('?');
    expect(checkTone('Thanks!!!')[0]?.suggestion).toBe('!');
  });
  it('capitals are judged only in non-cased scripts as not shouting', () => {
    expect(checkTone('我非常感谢您的时间 谢谢 再见 期待')).toEqual([]);
    expect(checkTone('شكرا جزيلا على وقتك الثمين اليوم')).toEqual([]);
  });
});

describe('checkTone: length', () => {
  const para = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
  it(`flags the words past ${TONE_WORD_LIMIT}, not the signature`, () => {
    const body = `Hi Ana,\n\n${para(TONE_WORD_LIMIT + 30)}\n\nBest regards,\n${para(40, 'sig')}`;
    const f = checkTone(body);
    expect(f.map((x) => x.category)).toEqual(['length']);
    // "Hi Ana," are words 1–2, so word 201 is word198.
    expect(f[0]!.text.split(' ')[0]).toBe(`word${TONE_WORD_LIMIT - 2}`);
    expect(f[0]!.text.endsWith('word229')).toBe(true);
    expect(f[0]!.why).toMatch(/\d+ words/);
    assertWellFormed(body, f);
  });
  it(`a body of exactly ${TONE_WORD_LIMIT} words is fine, and quoted text does not count`, () => {
    expect(checkTone(para(TONE_WORD_LIMIT))).toEqual([]);
    expect(checkTone(para(TONE_WORD_LIMIT + 1)).map((x) => x.category)).toEqual(['length']);
    expect(checkTone(`${para(100)}\n\nOn Tue, Nov 17, 2026 at 2:00 PM Jane <j@x.com> wrote:\n${para(500)}`)).toEqual([]);
  });
  it('stops short of other findings so findings never overlap', () => {
    const body = `${para(TONE_WORD_LIMIT + 5)} I need an answer. ${para(20, 'more')}`;
    const f = checkTone(body);
    expect(f.map((x) => x.category)).toEqual(['length', 'urgency']);
    expect(f[0]!.text).toBe('word200 word201 word202 word203 word204');
    assertWellFormed(body, f);
  });
});

describe('quoted replies are not checked, offsets stay relative to the whole text', () => {
  it('skips ">" lines and everything after an "On … wrote:" line', () => {
    const text = [
      'Thanks so much for the update!',
      '',
      '> I need an answer ASAP',
      'I still haven’t heard from the team though.',
      '',
      'On Tue, Nov 17, 2026 at 2:00 PM Jane Doe <',
      'jane@example.com> wrote:',
      '> PLEASE RESPOND',
      'I expect to hear back by Friday at the latest',
    ].join('\n');
    const f = checkTone(text);
    expect(f.map((x) => x.text)).toEqual(['I still haven’t heard from the team though']);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe(f[0]!.text);
    const q = quotedRanges(text);
    expect(q).toHaveLength(2);
    expect(text.slice(...q[0]!)).toBe('> I need an answer ASAP');
    expect(text.slice(q[1]![0]).startsWith('On Tue, Nov 17')).toBe(true);
    expect(q[1]![1]).toBe(text.length);
  });
  it('skips Outlook-style headers', () => {
    for (const head of ['-----Original Message-----', 'From: Jane Doe <jane@x.com>\nSent: Tuesday, November 17, 2026 2:00 PM'])
      expect(checkTone(`Thank you!\n\n${head}\nWhy haven't you replied?? ASAP`)).toEqual([]);
  });
  it('a phrase never spans from the message into a quote', () => {
    const text = 'I have been waiting\n> for your reply';
    expect(checkPhrases(text)).toEqual([]);
    // The sentence layer may judge the unquoted line, but nothing reaches into the quote.
    for (const f of checkTone(text)) expect(f.end).toBeLessThanOrEqual(text.indexOf('\n'));
  });
});

describe('applySuggestion', () => {
  const fix = (text: string, i = 0) => applySuggestion(text, checkTone(text)[i]!);
  it('capitalises at a sentence start and lowercases inside a sentence', () => {
    expect(fix("Hi Jane. What's taking so long?")).toBe('Hi Jane. Could you share where things stand?');
    expect(fix("Hi Jane, what's taking so long?")).toBe('Hi Jane, could you share where things stand?');
    expect(fix('Please let me know ASAP.')).toBe('Please let me know when you have a moment.');
    expect(fix('ASAP please.')).toBe('When you have a moment please.');
  });
  it('keeps "I" capitalised anywhere', () => {
    expect(fix("Hi Jane, I've been waiting to hear back.")).toBe('Hi Jane, I wanted to follow up.');
    expect(fix("Hello,\n\ni've been waiting to hear back")).toBe('Hello,\n\nI wanted to follow up');
  });
  it('an empty suggestion removes the span without leaving a stray space', () => {
    const text = `${Array.from({ length: TONE_WORD_LIMIT + 3 }, () => 'word').join(' ')}.`;
    const out = fix(text);
    // The overflow is whole words, its final "word." included.
    expect(out).toBe(Array.from({ length: TONE_WORD_LIMIT }, () => 'word').join(' '));
  });
  it('the one-click fix reads as a sentence: the calmer wording replaces the whole clause it stands for', () => {
    const fixAll = (text: string) => checkTone(text).reverse().reduce((t, f) => applySuggestion(t, f), text);
    const cases: [string, string][] = [
      ['You keep ignoring my calls.', 'I wanted to check in.'],
      ['You have been ignoring my emails for weeks.', 'I wanted to check in.'],
      ['I feel like I am being ignored.', 'I wanted to check in.'],
      ['I was ghosted.', 'I wanted to check in.'],
      ['Why am I being ignored?', 'Is there any update?'],
      ['Are you ignoring me?', 'Has it been a busy few weeks?'],
      ['I think your team dropped the ball here.', 'I think things may have got busy here.'],
      ['This role is my last hope.', 'This role is very important to me.'],
      ["I'm losing hope.", "I'm still hopeful."],
      ["I am at my wit's end.", "I'm still hopeful."],
    ];
    for (const [pushy, calm] of cases) expect(fixAll(pushy), pushy).toBe(calm);
  });
  it('applying every suggestion (last first) removes every phrase finding', () => {
    for (const c of CORPUS.filter((x) => x.label !== 'calm' && x.label !== 'length')) {
      let t = c.text;
      for (const f of checkPhrases(t).reverse()) t = applySuggestion(t, f);
      const left = checkPhrases(t).filter((f) => f.category !== 'length');
      expect(left.map((f) => f.text), `${c.text} → ${t}`).toEqual([]);
    }
  });
});

describe('the rule table', () => {
  const all = Object.entries(TONE_RULES).flatMap(([c, rs]) => rs.map((r) => ({ c, phrase: r[0], sugg: r[1], unless: r[2] })));
  it('every phrase compiles and uses only the grammar (no stray regex syntax)', () => {
    for (const r of all) {
      expect(() => new RegExp(compilePhrase(r.phrase), 'i'), r.phrase).not.toThrow();
      // Words that start with an apostrophe or carry ?/+ inside are regex habits, not grammar.
      for (const tok of r.phrase.split(/[\s()[\]|]+/).filter(Boolean)) {
        expect(tok.startsWith("'"), `${tok} in ${r.phrase}`).toBe(false);
        expect(/[?{}\\]/.test(tok) || (tok.length > 1 && tok.includes('+')), `${tok} in ${r.phrase}`).toBe(false);
      }
      expect(r.sugg.length, r.phrase).toBeGreaterThan(0);
      expect(checkTone(r.sugg), `suggestion "${r.sugg}" is itself calm`).toEqual([]);
    }
  });
  it('every category has a one-sentence why', () => {
    for (const w of Object.values(TONE_WHY)) expect(w).toMatch(/^[A-Z][^.]*\.$/);
  });
  it('every rule fires on at least one corpus sentence or listed example (no dead rules)', () => {
    const extra = [
      "I'm still waiting.",
      "I'm waiting for your reply.",
      'Two weeks have passed.',
      'How much longer must I wait?',
      'You are supposed to let me know.',
      'Nobody has replied.',
      'When will I finally hear?',
      // The one-click-fix examples above.
      'Why am I being ignored?',
      'I think your team dropped the ball here.',
      "I am at my wit's end.",
    ];
    const texts = [...CORPUS.map((c) => c.text), ...extra];
    const dead = all.filter((r) => {
      const re = new RegExp(compilePhrase(r.phrase), 'i');
      return !texts.some((t) => re.test(t));
    });
    expect(dead.map((r) => r.phrase)).toEqual([]);
  });
  it('toneChecker runs a table passed as plain (JSON) data', () => {
    const check = toneChecker(JSON.parse(JSON.stringify({ rules: { urgency: [['right now', 'soon']] }, why: TONE_WHY })));
    expect(check('Answer me right now!!').map((f) => [f.category, f.text, f.suggestion])).toEqual([
      ['urgency', 'right now', 'soon'],
      ['urgency', '!!', '!'],
    ]);
    expect(check('I need an answer')).toEqual([]);
  });
});

describe('properties', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      ...CORPUS.slice(0, 120).map((c) => c.text),
      'ASAP',
      '!!',
      '??',
      '> quoted line',
      'On Mon, Nov 16, 2026 Jane wrote:',
      'Best regards,',
      'HELLO THERE FRIEND',
      '\n',
      '\n\n',
      '’',
    ),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const text = fc.array(piece, { maxLength: 25 }).map((a) => a.join(' '));

  it('offsets: text.slice(start, end) === finding.text, sorted, never overlapping', () => {
    fc.assert(
      fc.property(text, (t) => {
        assertWellFormed(t, checkTone(t));
      }),
      { numRuns: 400 },
    );
  });
  it('findings never start inside a quoted range', () => {
    fc.assert(
      fc.property(text, (t) => {
        const q = quotedRanges(t);
        for (const f of checkTone(t)) for (const [a, b] of q) expect(f.start >= a && f.start < b).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
  it('applySuggestion changes only the span', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const f of checkTone(t)) {
          const out = applySuggestion(t, f);
          expect(out.startsWith(t.slice(0, f.start).replace(/[ \t]+$/, ''))).toBe(true);
          expect(out.endsWith(t.slice(f.end))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('linear time', () => {
  // Inputs built to tempt a backtracking engine: long near-misses of the gap and clause tokens.
  const traps = [
    "i've been waiting ",
    'if i ',
    'you told me i should ',
    'no one ',
    'I NEED ',
    '!?',
    '> ',
    'On x ',
    'word ',
    '!! A ',
    'PLEASE NOW. ',
    'asap ',
  ];

  /**
   * Work is counted, not timed: every regular-expression operation the check makes (test,
   * match, matchAll, replace, search and exec all run through RegExp.prototype.exec once it is
   * replaced).
   */
  function work(text: string): { calls: number } {
    const exec = RegExp.prototype.exec;
    let calls = 0;
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      calls++;
      return exec.call(this, s);
    };
    try {
      checkTone(text);
    } finally {
      RegExp.prototype.exec = exec;
    }
    return { calls };
  }

  it.each(traps)('%j repeated: each doubling of the text adds the same regular-expression work', (unit) => {
    const reps = Math.ceil(5_000 / unit.length);
    checkTone(unit.repeat(reps)); // compile and cache the rule groups first
    const [w1, w2, w4] = [1, 2, 4].map((k) => work(unit.repeat(reps * k)).calls) as [number, number, number];
    expect(w1).toBeGreaterThan(0);
    // Linear (a·n + b) work adds a·n from n to 2n and 2·a·n from 2n to 4n; quadratic work would add 3× and 12×.
    expect(w4 - w2).toBeLessThanOrEqual(2 * (w2 - w1) + 8);
  });

  it('bounds each operation: no rule repeats a group without a limit', () => {
    // Within one match attempt a backtracking engine is only super-linear when a repeated group
    // can itself match in many ways; every group repetition in the compiled rules is {0,8} or
    // {0,8}?, and single tokens repeat only over character classes.
    for (const list of Object.values(TONE_RULES))
      for (const [phrase, , unless] of list!)
        for (const src of [compilePhrase(phrase), unless ? compilePhrase(unless) : '']) {
          expect(src, phrase).not.toMatch(/\)(?:[*+]|\{\d+,\})/);
        }
  });
});
