/**
 * The sentence-level tone layer (issue 13): sentence spans, wink-nlp tokens with exact offsets, the
 * grammatical cues, the classifier, the combined check (offsets, determinism, hard negatives), the
 * calm alternatives, and the background's checkTone message. Scores on the corpus are recorded by
 * `npm run bench`, not asserted here (except floors that catch a broken model).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { applySuggestion, checkPhrases, checkTone, TONE_KIND_CATEGORY, TONE_RULES, TONE_WHY, type ToneCategory, type ToneFinding } from '../../src/domain/tone';
import { sentenceSpans } from '../../src/domain/nlp/sentences';
import { tag } from '../../src/domain/nlp/tokens';
import { cues } from '../../src/domain/nlp/features';
import { bucketsOf, classifier, decode, encode, hash, knownHash, softmax, type ToneModel } from '../../src/domain/nlp/classifier';
import { calmAlternative, judged, judgeSentence } from '../../src/domain/nlp/layer';
import MODEL from '../../src/domain/nlp/tone-model.json';
import { toneCorpus } from '../fixtures/tone/corpus';
import { Clock, fakePlatform, interview, NY, pageSender, seed } from './background-fakes';

const model = MODEL as ToneModel;

function wellFormed(text: string, found: ToneFinding[]) {
  let last = 0;
  for (const f of found) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.why.length).toBeGreaterThan(10);
    last = f.end;
  }
}

describe('sentenceSpans', () => {
  const spans = (t: string) => sentenceSpans(t).map((s) => t.slice(s.start, s.end));
  it('splits at . ! ? … and line breaks, trims, and keeps closing quotes with their sentence', () => {
    expect(spans('Hi Jane,\n\nThanks again! Is there news? I said "soon." OK…  Fine')).toEqual(['Hi Jane,', 'Thanks again!', 'Is there news?', 'I said "soon."', 'OK…', 'Fine']);
  });
  it('does not split inside numbers, abbreviations or stacked marks', () => {
    expect(spans('It is 3.5 weeks, e.g. since Mr. Smith called. Really?! Yes')).toEqual(['It is 3.5 weeks, e.g. since Mr. Smith called.', 'Really?!', 'Yes']);
  });
  it('drops spans without a letter and ends a sentence at the quote mask', () => {
    expect(spans('!!! 123\nHello there\u0001\u0001\u0001more')).toEqual(['Hello there', 'more']);
  });
});

describe('tag (wink-nlp)', () => {
  it('gives every token its exact offsets, even with curly apostrophes, emoji and line breaks', () => {
    const text = 'I’ve been waiting 😀 since Monday…\n\nCan’t you reply??';
    const tokens = tag(text, 0);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.norm)).toContain("'ve");
    expect(tokens.find((t) => t.text === 'waiting')?.lemma).toBe('wait');
  });
  it('shifts offsets by the sentence start and expands texting spellings', () => {
    const tokens = tag('pls tell me if u got it', 10);
    expect(tokens[0]).toMatchObject({ start: 10, end: 13, norm: 'please' });
    expect(tokens.find((t) => t.text === 'u')).toMatchObject({ norm: 'you', pos: 'PRON' });
  });
});

describe('grammatical cues', () => {
  const has = (text: string, cue: string) => cues(tag(text)).has(cue);
  it('an imperative addressed to the reader, softened or not', () => {
    expect(has('Tell me what was decided.', 'imp+no-soft')).toBe(true);
    expect(has('Jane, send me the status.', 'imp+me')).toBe(true);
    expect(has('Please let me know if I can provide anything else.', 'imp+no-soft')).toBe(false);
    expect(has('Thank you for your time.', 'imp')).toBe(false);
  });
  it('the reader as the subject of blame', () => {
    expect(has('You never replied to my email.', 'you-subj+neg')).toBe(true);
    expect(has('Your team should have called me.', 'you-subj+oblige')).toBe(true);
    expect(has('Nobody has answered.', 'nobody-subj')).toBe(true);
    expect(has('Thank you for meeting with me.', 'you-subj')).toBe(false);
  });
  it('an elapsed-time statement', () => {
    expect(has('Three weeks and two days now.', 'elapsed')).toBe(true);
    expect(has('It has been 12 business days since my interview.', 'elapsed')).toBe(true);
    expect(has('Awaiting your response since many days.', 'elapsed')).toBe(true);
    expect(has('I look forward to next week.', 'elapsed')).toBe(false);
  });
  it('a conditional threat', () => {
    expect(has("If I don't hear back by Friday, I will contact your manager.", 'cond+ifut')).toBe(true);
    expect(has('Unless I hear something by Monday, I’m withdrawing.', 'cond+ifut')).toBe(true);
    expect(has('If you need anything else, please let me know.', 'cond+ifut')).toBe(false);
  });
  it('guilt, entitlement, escalation and sarcasm cues', () => {
    expect(has('I cancelled my holiday to be available for your call.', 'sacrifice+purpose')).toBe(true);
    expect(has('Surely the job is mine.', 'outcome-settled')).toBe(true);
    expect(has('I will raise this with your CEO.', 'authority+act')).toBe(true);
    expect(has('Love the radio silence.', 'praise+complaint')).toBe(true);
  });
});

describe('the classifier', () => {
  it('hashes with 32-bit FNV-1a', () => {
    expect(hash('')).toBe(0x811c9dc5);
    expect(hash('a')).toBe(0xe40c292c);
    expect(hash('foobar')).toBe(0xbf9cf968);
  });
  it('counts each bucket once, sorted, and skips features outside the known set', () => {
    expect(bucketsOf(['a', 'b', 'a'], 1 << 10)).toEqual([...new Set([hash('a') & 1023, hash('b') & 1023])].sort((x, y) => x - y));
    const bits = new Uint8Array(8);
    const i = knownHash('a') & 63;
    bits[i >>> 3] = bits[i >>> 3]! | (1 << (i & 7));
    expect(knownHash('b') & 63).not.toBe(i);
    expect(bucketsOf(['a', 'b'], 1 << 10, { bits, size: 64 })).toEqual([hash('a') & 1023]);
  });
  it('softmax sums to one and keeps the order of the scores', () => {
    const p = softmax([1, 3, 2, -50]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]! > p[2]! && p[2]! > p[0]! && p[0]! > p[3]!).toBe(true);
  });
  it('encodes bytes as base64 and back', () => {
    const bytes = new Int8Array([0, 1, -1, 127, -127, 64]);
    expect(new Int8Array(decode(encode(bytes)).buffer)).toEqual(bytes);
  });
  it('predicts from a hand-made model: bias plus one weight per known feature', () => {
    const known = new Uint8Array(1);
    known[0] = 1 << (knownHash('x') & 7);
    const w = new Int8Array(2 * 2);
    w[(hash('x') & 1) * 2 + 1] = 100; // "x" votes for label 1
    const m: ToneModel = { version: 1, buckets: 2, labels: ['calm', 'blame'], scale: 0.01, bias: [0.5, 0], weights: encode(w), known: encode(known), knownBits: 8, calmBelow: 0.5, about: {} };
    const c = classifier(m);
    expect(c.probabilities([])).toEqual(softmax([0.5, 0]));
    const withX = c.probabilities(['x', 'x']);
    expect(withX[1]).toBeCloseTo(softmax([0.5, 1])[1]!, 12);
  });
  it('refuses a damaged model', () => {
    expect(() => classifier({ ...model, weights: encode(new Int8Array(10)) })).toThrow(/damaged/);
  });
  it('the committed model is within its size budget and names its labels', () => {
    expect(JSON.stringify(model).length).toBeLessThanOrEqual(300 * 1024);
    expect(model.labels[0]).toBe('calm');
    for (const l of model.labels.slice(1)) expect(Object.keys(TONE_WHY)).toContain(l);
    expect(model.calmBelow).toBeGreaterThan(0);
    expect(model.calmBelow).toBeLessThan(0.5);
  });
});

describe('checkTone with the sentence layer', () => {
  const flagged = (text: string) => checkTone(text).length > 0;

  it('catches most of the issue’s examples of what the phrase rules miss, each in a fitting category', () => {
    // A floor, not the score (that is recorded by `npm run bench`): the classifier is statistical,
    // and "Love how quick your process is." and "Please do the needful and update." are near its
    // threshold. Every example caught must be caught as a fitting kind.
    const examples: [string, ToneCategory[]][] = [
      ['Tell me what was decided.', ['demand']],
      ['Love how quick your process is.', ['sarcasm']],
      ['I guess emails are hard.', ['sarcasm']],
      ['I cleared my whole week to prepare for you.', ['guilt']],
      ['Surely my record makes this an easy call.', ['entitlement', 'hard-sell']],
      ['Three weeks and two days now.', ['impatience']],
      ['Please do the needful and update.', ['demand', 'urgency', 'impatience']],
      ['Awaiting your response since many days.', ['impatience']],
      ['I will be contacting your CEO about how this process has been handled.', ['escalation']],
    ];
    let caught = 0;
    for (const [text, categories] of examples) {
      const f = checkTone(text);
      expect(checkPhrases(text), text).toEqual([]);
      if (!f.length) continue;
      caught++;
      expect(categories, `${text}: ${f.map((x) => x.category)}`).toContain(f[0]!.category);
    }
    expect(caught).toBeGreaterThanOrEqual(7);
  });

  it('leaves the hard negatives of the corpus brief alone', () => {
    for (const text of [
      'I understand you have a lot on your plate.',
      'I wanted to check in on the timeline.',
      "You mentioned a decision around Friday; I'd be glad to hear any update when you have one.",
      'While I have other opportunities, Acme is still my top choice.',
      'I have an offer deadline of June 3, so I wanted to ask whether there is any update you can share.',
      'Please let me know if you need anything else from me.',
      'Thank you again for your time.',
      'I really enjoyed learning about the team.',
      "I can't wait to hear more about the next steps.",
      'I met the HR team and the CEO in the NYC office.',
    ])
      expect(checkTone(text), text).toEqual([]);
  });

  it('a sentence finding spans the whole sentence, with its category’s reason and a calm sentence to put instead', () => {
    const text = 'Hi Jane,\n\nThanks for your time last week. Tell me what was decided. Best,\nSam';
    const f = checkTone(text).find((x) => x.text.startsWith('Tell'))!;
    expect(f.text).toBe('Tell me what was decided.');
    expect(f.start).toBe(text.indexOf('Tell'));
    expect(f.why).toBe(TONE_WHY[f.category]);
    expect(f.suggestion).toBe(calmAlternative(f.category));
    const fixed = applySuggestion(text, f);
    expect(checkTone(fixed)).toEqual([]);
  });

  it('builds the calm sentence from the interview’s facts', () => {
    const context = { company: 'Acme Corp', role: 'Data Analyst', contactName: 'Jane Smith', decisionDate: '2026-11-20' };
    const [f] = checkTone('Tell me what was decided.', context);
    expect(f?.suggestion).toContain('Data Analyst');
    expect(calmAlternative('impatience', context)).toContain('Friday, November 20');
    expect(calmAlternative('blame', context)).toContain('Jane');
    expect(calmAlternative('ultimatum', context)).toContain('Acme Corp is still my top choice');
  });

  it('every calm alternative, with and without facts, is itself calm', () => {
    const contexts = [{}, { company: 'Acme Corp', role: 'Data Analyst', contactName: 'Jane Smith', decisionDate: '2026-11-20' }, { role: 'Line Cook' }];
    for (const context of contexts)
      for (const category of Object.keys(TONE_WHY) as ToneCategory[]) {
        const s = calmAlternative(category, context);
        if (category === 'length') expect(s).toBe('');
        else expect(checkTone(s, context), `${category}: ${s}`).toEqual([]);
      }
  });

  it('the phrase rules win where they match, and their "unless" clears the sentence', () => {
    const text = "I've been waiting to hear back.";
    expect(checkTone(text)).toEqual(checkPhrases(text));
    expect(checkTone('I can start as soon as possible.')).toEqual([]);
  });

  it('judges neither quoted text, nor the signature, nor sentences in other scripts', () => {
    expect(checkTone('Thanks!\n\nOn Tue, Nov 17, 2026 at 2:00 PM Jane wrote:\nTell me what was decided.')).toEqual([]);
    expect(checkTone('> Tell me what was decided.\nThank you for the update.')).toEqual([]);
    expect(judged('我非常感谢您的时间 谢谢 再见 期待')).toBe(false);
    expect(judged('Tell me what was decided.')).toBe(true);
  });

  it('is deterministic: the same text gives the same findings, whatever was checked before', () => {
    const texts = toneCorpus().slice(0, 200).map((e) => e.text);
    const first = texts.map((t) => checkTone(t));
    for (const t of [...texts].reverse()) checkTone(t);
    expect(texts.map((t) => checkTone(t))).toEqual(first);
    expect(judgeSentence('Tell me what was decided.')).toEqual(judgeSentence('Tell me what was decided.'));
  });

  it('offsets stay exact on any mix of corpus sentences, quotes, signatures and noise', () => {
    const corpus = toneCorpus();
    const piece = fc.oneof(
      fc.constantFrom(...corpus.filter((_, i) => i % 7 === 0).map((e) => e.text), '> quoted line', 'On Mon, Nov 16, 2026 Jane wrote:', 'Best regards,\nSam', '\n', '\n\n', '’', '😀'),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join(' ')), (t) => wellFormed(t, checkTone(t))),
      { numRuns: 300 },
    );
  }, 30_000); // 300 texts through wink-nlp: several seconds on a loaded 2-core machine

  it('every kind of the corpus brief maps onto a category with a reason', () => {
    for (const category of Object.values(TONE_KIND_CATEGORY)) expect(TONE_WHY[category]).toMatch(/^[A-Z][^.]*\.$/);
    for (const category of Object.keys(TONE_WHY)) expect(TONE_RULES).toHaveProperty(category);
  });

  it('still passes the calm sentences of the repo corpus (a floor that catches a broken model, not the score)', () => {
    const calm = toneCorpus().filter((e) => e.label === 'calm' && e.source === 'repo');
    const alarms = calm.filter((e) => flagged(e.text));
    expect(alarms.length / calm.length).toBeLessThanOrEqual(0.05);
  });
});

describe('the checkTone message', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seed({ schemaVersion: 1, settings: NY, profile: { name: 'Alex Morgan' }, 'interview:acme': interview({ decisionExpectedBy: '2026-11-20' }) });
  });
  const boot = async () => {
    const bg = createBackground(fakePlatform(new Clock(Date.parse('2026-11-25T12:00:00Z'))));
    await bg.start();
    return (message: unknown, sender: unknown) => bg.onMessage(message, sender as never) as Promise<{ ok: boolean; findings?: ToneFinding[]; error?: string }>;
  };
  const content = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };

  it('answers a content script with the full check, using the facts of an interview offered to its tab', async () => {
    const send = await boot();
    const text = 'Hi Dana,\n\nTell me what was decided.';
    // Not yet offered to this tab: no facts.
    expect(await send({ type: 'checkTone', text, interviewId: 'acme' }, content)).toEqual({ ok: true, findings: checkTone(text) });
    // The panel in this tab is offered Acme (its compose names Dana): the facts are used from then on.
    await send({ type: 'composeDraft', id: 'acme' }, content);
    const r = await send({ type: 'checkTone', text, interviewId: 'acme' }, content);
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual(checkTone(text, { company: 'Acme', role: 'Product Designer', contactName: 'Dana Lee', decisionDate: '2026-11-20' }));
    expect(r.findings![0]!.suggestion).toContain('Product Designer');
  });

  it('checks without facts when the interview is unknown, and refuses malformed requests', async () => {
    const send = await boot();
    expect(await send({ type: 'checkTone', text: 'Any news??', interviewId: 'gone' }, content)).toEqual({ ok: true, findings: checkTone('Any news??') });
    expect((await send({ type: 'checkTone' }, content)).ok).toBe(false);
    expect((await send({ type: 'checkTone', text: 'x'.repeat(100_001) }, pageSender())).ok).toBe(false);
  });
});
