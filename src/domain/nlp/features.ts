/**
 * What the sentence-level tone layer sees in one sentence (issue 13): grammatical cues found over
 * wink-nlp's tags and lemmas, and lexical features, as strings the classifier hashes. The training
 * script (scripts/train-tone.ts) and the check use this one function, so they never disagree.
 *
 * Cues are written over grammar, not spellings:
 * - an imperative addressed to the reader: the clause opens with a verb in its base form, after at
 *   most "please", "just", "kindly", a name and a comma ("Jane, tell me …", "Send me the status");
 * - the reader as the subject of blame: you / your team / nobody as the subject of a verb that is
 *   negated, in the past, or of obligation ("you never replied", "your team should have");
 * - an elapsed-time statement: a duration (a number or "many", "several" … and a unit of time) with
 *   a word of elapsing ("since", "been", "passed", "ago", "now", "already", "still");
 * - a conditional threat: a condition ("if", "unless", "otherwise", "or else", "without") and a
 *   first-person future in the same sentence ("… I will contact your manager");
 * - a first-person sacrifice (guilt): I + a verb in the past + "my" / "for you" / "for this";
 * - certainty about the outcome (entitlement): "surely", "obviously", "I deserve", "I expect";
 * - praise next to a complaint (sarcasm): "love", "thanks for", "great" with silence, waiting, speed;
 * - softeners that make a request polite ("could you", "when you have a moment", "I understand");
 * - persistence next to absence (impatience in a fragment): "still nothing", "nothing yet", "again no reply".
 *
 * `hasPressureCue` tells whether a sentence has any cue of pressure at all: a fragment with no verb
 * and none of them ("on Monday, January 23.") is a piece of a longer sentence, never judged alone.
 */
import type { Token } from './tokens';

const NUMBER_WORDS = new Set(
  'a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty several many multiple few couple countless numerous dozen hundred some'.split(' '),
);
const TIME_UNITS = new Set('second minute hour day week month year fortnight weekend age decade'.split(' '));
const ELAPSING = new Set('since been passed pass go gone ago now already still yet over later counting straight nearly almost more past entire whole full'.split(' '));
const SUBJECT_2 = new Set(['you', 'nobody', 'noone', 'y’all', "y'all", 'ya']);
const SUBJECT_2_PAIRS = new Set(['no one', 'none of', 'your team', 'your recruiter', 'your company', 'your office', 'your hr', 'your manager', 'your side', 'your department', 'your firm', 'the recruiter', 'the company', 'your process', 'your people']);
const SAY = new Set('say tell promise assure mention commit state guarantee swear confirm agree'.split(' '));
const OBLIGE = new Set(['should', 'must', 'need', 'have', 'supposed', 'ought', 'got']);
const FUTURE = new Set(['will', "'ll", 'shall', 'gonna', 'going']);
const CONDITION = new Set(['if', 'unless', 'otherwise', 'else', 'failing', 'without', 'absent', 'or']);
const CERTAIN = new Set('surely obviously clearly certainly undoubtedly definitely naturally evidently'.split(' '));
const DESERVE = new Set(['deserve', 'earn', 'expect', 'entitle', 'owe']);
const PRAISE = new Set('love great amazing wonderful fantastic nice awesome brilliant impressive lovely cool wow thanks thank appreciate superb stellar incredible outstanding fabulous'.split(' '));
const COMPLAINT = new Set(
  'silence wait waiting ghost ghosting forget forgot ignore slow quick fast speedy prompt rapid efficient lightning busy hard difficult apparently guess suppose again clearly shock surprise radio crickets tumbleweed swift snappy keep'.split(' '),
);
/** What a candidate may praise in earnest or in irony: the employer's speed, replies and process. */
const THEIR_CONDUCT = new Set(
  'communication communicate response respond responsiveness reply answer efficiency efficient process organisation organization organized organised speed pace follow-through transparency update updates punctuality attention hr'.split(' '),
);
const INTENSIFIER = new Set(['so', 'very', 'truly', 'really', 'absolutely', 'such', 'remarkably', 'incredibly', 'super', 'totally', 'sooo', 'soo', 'most']);
/** A guess about what the reader did or failed to do ("I assume", "I take it", "I gather", "must have"). */
const SURMISE = new Set(['guess', 'assume', 'gather', 'suppose', 'presume', 'imagine', 'reckon']);
const SOFT_WORDS = new Set(['could', 'would', 'might', 'may', 'possible', 'possibly', 'whenever', 'convenience', 'understand', 'appreciate', 'hope', 'glad', 'happy', 'thank', 'thanks', 'grateful', 'wonder', 'wondering', 'perhaps', 'chance', 'moment']);
const LEAD_SKIP = new Set(['please', 'pls', 'plz', 'kindly', 'just', 'so', 'now', 'then', 'and', 'also', 'again', 'simply', 'hey', 'ok', 'okay', 'oh', 'well', 'hi', 'hello', 'sir', 'madam', 'maam']);
const NOT_IMPERATIVE = new Set(['thank', 'hope', 'wish', 'look', 'trust', 'be', 'have', 'do', 'see', 'attach', 'enclose', 'hear', 'welcome', 'congratulation', 'love', 'like', 'need', 'want', 'feel']);
const OBJECT_ME = new Set(['me', 'us', 'myself']);
const AUTHORITY = new Set(
  'manager supervisor boss ceo cfo coo director chief chair chairman chairwoman president board head hr superior superiors ombudsman regulator lawyer attorney solicitor legal counsel court tribunal glassdoor linkedin twitter facebook reddit instagram tiktok review reviews media public press journalist newspaper complaint union'.split(' '),
);
const ESCALATE = new Set('escalate report complain contact write raise post share publish forward copy cc tell inform notify review expose sue seek mention refer'.split(' '));
const SACRIFICE = new Set(
  'cancel decline refuse miss skip sacrifice reschedule rearrange reorganise reorganize disrupt drive fly travel commute pay spend lose give turn postpone leave quit resign move sell borrow clear block take'.split(' '),
);
const OUTCOME = new Set(['job', 'offer', 'position', 'role', 'post', 'decision', 'contract', 'vacancy', 'formality', 'mine', 'call', 'choice', 'me']);
const FEELING = new Set(
  'anxious nervous worried worry stressed stress desperate desperately beg begging panic panicking scared afraid terrified sleep sleepless cry crying tears hopeless depressed devastated heartbroken suffer suffering struggle struggling pray praying hang anxiety'.split(' '),
);
const PERSIST = new Set(['still', 'yet', 'again', 'anymore', 'already', 'another', 'once']);
const ABSENCE = new Set(['nothing', 'no', 'none', 'nobody', 'zero', 'silence', 'not', "n't", 'never', 'nada', 'crickets']);
const PAST_TAGGED = /(?:ed|[^e]en|ght|ught)$/;

const isWord = (t: Token) => t.pos !== 'PUNCT' && t.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(t.text);
const isNumber = (t: Token) => t.pos === 'NUM' || /^\d/.test(t.norm) || NUMBER_WORDS.has(t.norm);

/** The grammatical cues of one sentence (see the module comment), as names. */
export function cues(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  const words = tokens.filter(isWord);
  const n = words.length;
  const norm = words.map((t) => t.norm);
  const lemma = words.map((t) => t.lemma);
  const has = (set: Set<string>) => lemma.some((l, i) => set.has(l) || set.has(norm[i]!));

  // Imperative: the first word of the clause (after please/just/a vocative) is a verb in its base form.
  const clauseStarts = [0];
  for (let i = 0; i < tokens.length; i++) if (/^[,;:–—-]$/.test(tokens[i]!.text) || tokens[i]!.norm === 'and') clauseStarts.push(i + 1);
  for (const s of clauseStarts) {
    let i = s;
    while (i < tokens.length && (LEAD_SKIP.has(tokens[i]!.norm) || tokens[i]!.pos === 'PUNCT' || tokens[i]!.pos === 'INTJ')) i++;
    // A name and a comma ("Jane, send me …").
    if (i + 1 < tokens.length && tokens[i]!.pos === 'PROPN' && tokens[i + 1]!.text === ',') i += 2;
    while (i < tokens.length && LEAD_SKIP.has(tokens[i]!.norm)) i++;
    const v = tokens[i];
    if (!v || (v.pos !== 'VERB' && v.pos !== 'AUX') || v.norm !== v.lemma || NOT_IMPERATIVE.has(v.lemma)) continue;
    const next = tokens[i + 1];
    if (next && (next.norm === 'you' || next.norm === 'i' || next.norm === 'we' || next.norm === 'they')) continue; // "Do you …", a question
    if (s === 0 || tokens[s - 1]?.text !== ',' || i > s) {
      out.add('imp');
      out.add(`imp=${v.lemma}`);
      if (tokens.slice(i + 1, i + 3).some((t) => OBJECT_ME.has(t.norm))) out.add('imp+me');
      if (tokens[s]?.norm === 'please' || tokens[s]?.norm === 'kindly' || tokens[s]?.norm === 'pls') out.add('imp+please');
    }
  }

  // The reader, or nobody, as the subject of a verb.
  for (let i = 0; i < n; i++) {
    const pair = i + 1 < n ? `${norm[i]} ${norm[i + 1]}` : '';
    const subj = SUBJECT_2.has(norm[i]!) ? 1 : SUBJECT_2_PAIRS.has(pair) ? 2 : 0;
    if (!subj) continue;
    const verbs = words.slice(i + subj, i + subj + 4);
    const v = verbs.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (!v) continue;
    // "you" after a verb or preposition is an object ("thank you", "for you"), not the subject.
    const prev = words[i - 1];
    if (prev && (prev.pos === 'VERB' || prev.pos === 'ADP' || prev.norm === 'to') && norm[i] === 'you') continue;
    out.add('you-subj');
    if (verbs.some((t) => t.negated || t.norm === 'never' || t.lemma === 'not' || t.lemma === 'fail' || t.lemma === 'neglect')) out.add('you-subj+neg');
    if (verbs.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && t.norm !== t.lemma && PAST_TAGGED.test(t.norm))) out.add('you-subj+past');
    if (verbs.some((t) => OBLIGE.has(t.norm))) out.add('you-subj+oblige');
    if (verbs.some((t) => SAY.has(t.lemma))) out.add('you-subj+say');
    if (norm[i] === 'nobody' || pair === 'no one' || pair === 'none of') out.add('nobody-subj');
  }
  if (norm[0] === 'why' && n > 1) out.add('why-q');

  // Elapsed time: a duration next to a word of elapsing.
  let duration = false;
  for (let i = 0; i < n; i++) {
    const unit = lemma[i]!;
    const isUnit = TIME_UNITS.has(unit) || TIME_UNITS.has(unit.replace(/s$/, ''));
    if (!isUnit) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    if (before.some(isNumber) || unit === 'age' || norm[i] === 'ages' || (norm[i]!.endsWith('s') && (i === 0 || !/^(the|this|next|these|those|your|our|my)$/.test(norm[i - 1]!)))) {
      duration = true;
      out.add('duration');
    }
  }
  if (norm.includes('forever') || norm.includes('eternity')) duration = true;
  const sinceAt = norm.indexOf('since');
  if (sinceAt >= 0 && sinceAt < n - 1) out.add('since');
  if (duration && (norm.some((w) => ELAPSING.has(w)) || sinceAt >= 0)) out.add('elapsed');
  if (norm.some((w, i) => (w === 'times' || w === 'time') && i > 0 && isNumber(words[i - 1]!))) out.add('count-times');
  if (norm.some((w) => /^(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|nth|umpteenth|another)$/.test(w)) && has(new Set(['email', 'mail', 'message', 'follow', 'reminder', 'time', 'attempt', 'note', 'call']))) out.add('count-ordinal');

  // A conditional threat: a condition and a first-person future in one sentence.
  let firstFuture = false;
  for (let i = 0; i + 1 < n; i++) {
    if (norm[i] !== 'i' && norm[i] !== 'we') continue;
    const a = norm[i + 1]!;
    const b = norm[i + 2] ?? '';
    // "I will", "I'll", "I'm going to", "I have to", "I'd have to", and "I'm taking / withdrawing …".
    const progressive = (a === "'m" || a === 'am') && /ing$/.test(b) && b !== 'looking' && b !== 'hoping';
    if (FUTURE.has(a) || ((a === "'m" || a === 'am') && b === 'going') || progressive || (a === 'have' && b === 'to') || (a === "'d" && b === 'have') || a === 'would') {
      firstFuture = true;
      const verb = words.slice(i + 2, i + 6).find((t) => t.pos === 'VERB' && !FUTURE.has(t.norm) && t.lemma !== 'go' && t.lemma !== 'have' && t.lemma !== 'be');
      if (verb) out.add(`ifut=${verb.lemma}`);
    }
  }
  if (firstFuture) out.add('ifut');
  const condition = norm.some((w, i) => CONDITION.has(w) && (w !== 'or' || norm[i + 1] === 'else' || norm[i + 1] === 'i' || norm[i + 1] === "i'll"));
  if (condition) out.add('cond');
  if (condition && firstFuture) out.add('cond+ifut');

  // Guilt: I + a verb in the past + what it cost me, or for you.
  for (let i = 0; i + 1 < n; i++) {
    if (norm[i] !== 'i') continue;
    const v = words.slice(i + 1, i + 3).find((t) => t.pos === 'VERB');
    if (!v || v.norm === v.lemma || /ing$/.test(v.norm)) continue;
    out.add('i-past');
    const rest = norm.slice(i + 2);
    if (rest.includes('my') || rest.includes('all') || rest.includes('whole') || rest.includes('entire')) out.add('i-past+my');
    if (rest.some((w, k) => w === 'for' && /^(you|your|this|the|that|it)$/.test(rest[k + 1] ?? ''))) out.add('i-past+for-you');
  }
  if (norm.some((w, i) => w === 'for' && (norm[i + 1] === 'you' || norm[i + 1] === 'this' || norm[i + 1] === 'your') && i >= n - 4)) out.add('for-you-end');

  // Entitlement: certainty about the outcome, or what is owed.
  if (norm.some((w) => CERTAIN.has(w))) out.add('certain');
  if (lemma.some((l, i) => DESERVE.has(l) && i > 0 && (norm[i - 1] === 'i' || norm[i - 2] === 'i'))) out.add('i-deserve');
  if (norm.includes('easy') || norm.includes('obvious') || norm.includes('no-brainer') || norm.includes('brainer')) out.add('easy-call');

  // Sarcasm: praise and a complaint in one sentence.
  const praise = has(PRAISE);
  const complaint = has(COMPLAINT) || duration;
  if (praise && complaint) out.add('praise+complaint');
  if (praise && norm.includes('how')) out.add('praise+how');
  if (norm.includes('guess') && norm.includes('i')) out.add('i-guess');
  if (lemma.some((l, i) => SURMISE.has(l) && i > 0 && norm[i - 1] === 'i') || norm.some((w, i) => w === 'take' && norm[i + 1] === 'it' && norm[i - 1] === 'i')) out.add('i-surmise');
  if (norm.some((w, i) => w === 'must' && norm[i + 1] === 'have')) out.add('must-have');
  // Praise of the employer's conduct (their replies, speed, process), and praise stacked with an
  // intensifier: in earnest it is common ("thank you for the quick response"), in irony it is how
  // sarcasm is said; the classifier weighs it with the rest of the sentence.
  if (praise && lemma.some((l, i) => THEIR_CONDUCT.has(l) || THEIR_CONDUCT.has(norm[i]!))) out.add('praise+conduct');
  if (praise && norm.some((w, i) => INTENSIFIER.has(w) && i + 1 < n && (PRAISE.has(lemma[i + 1]!) || PRAISE.has(norm[i + 1]!)))) out.add('intense-praise');

  // Escalation: a first-person action towards someone above them or towards the public.
  if (has(AUTHORITY)) {
    out.add('authority');
    if (firstFuture || lemma.some((l) => ESCALATE.has(l))) out.add('authority+act');
  }
  // Guilt: a cost I bore, and what it was for ("… to be available", "so that I could …").
  if (lemma.some((l) => SACRIFICE.has(l)) && norm.includes('i')) {
    out.add('sacrifice');
    if (norm.some((w, i) => (w === 'to' || w === 'for' || w === 'so') && i > 2) || norm.includes('my')) out.add('sacrifice+purpose');
  }
  // Hard sell: a list of what I have, or me above everyone else.
  const mine = norm.filter((w) => w === 'my').length;
  const commas = tokens.filter((t) => t.text === ',').length;
  if (mine >= 3 || (mine >= 1 && commas >= 2 && norm[0] !== 'thank')) out.add('my-list');
  if (norm.some((w, i) => (w === 'than' && /^(anyone|anybody|everyone|any|all|other|others|the)$/.test(norm[i + 1] ?? '')) || (w === 'no' && /^(one|doubt)$/.test(norm[i + 1] ?? '')))) out.add('above-all');
  if (words.some((t) => t.pos === 'ADJ' && /(?:est|most)$/.test(t.norm)) && norm.includes('i')) out.add('i-superlative');
  // Entitlement: the outcome stated as settled.
  if (norm.some((w) => OUTCOME.has(w)) && (out.has('certain') || norm.some((w) => /^(must|mine|formality|deserve|deserved|owed|obviously|sure|certain)$/.test(w)))) out.add('outcome-settled');
  // Desperation: how I feel, said to them.
  if (lemma.some((l) => FEELING.has(l))) out.add('feeling');

  // Impatience in a fragment: a word of persistence with a word of absence ("Still nothing.").
  if (norm.some((w) => PERSIST.has(w)) && (norm.some((w) => ABSENCE.has(w)) || words.some((t) => t.negated))) out.add('persist+absence');

  // Politeness and form.
  const soft = has(SOFT_WORDS) || norm.includes('when') || (norm.includes('if') && !firstFuture);
  if (soft) out.add('soft');
  else out.add('no-soft');
  if (out.has('imp') && !soft) out.add('imp+no-soft');
  if (out.has('you-subj+neg') && !soft) out.add('you-neg+no-soft');
  const last = tokens[tokens.length - 1]?.text ?? '';
  if (last.includes('?')) out.add(soft ? 'q+soft' : 'q+no-soft');
  if (last.includes('!')) out.add('bang');
  if (tokens.some((t) => /^\p{Lu}{3,}$/u.test(t.text))) out.add('caps');
  if (tokens.some((t) => /^[!?]{2,}$/.test(t.text)) || tokens.some((t, i) => /^[!?]$/.test(t.text) && /^[!?]$/.test(tokens[i + 1]?.text ?? ''))) out.add('marks');
  const secondPerson = norm.filter((w) => w === 'you' || w === 'your' || w === 'yours').length;
  const firstPerson = norm.filter((w) => w === 'i' || w === 'me' || w === 'my' || w === 'myself').length;
  if (secondPerson > firstPerson) out.add('more-you');
  if (words.some((t) => t.negated)) out.add('negated');
  out.add(n <= 3 ? 'len<=3' : n <= 8 ? 'len<=8' : n <= 20 ? 'len<=20' : 'len>20');
  return out;
}

/** Cues that are no evidence of pressure on their own: politeness, length, form. */
const NEUTRAL_CUES = new Set(['soft', 'no-soft', 'len<=3', 'len<=8', 'len<=20', 'len>20', 'q+soft']);

/**
 * Whether a sentence could be pressing on its face: it has a verb (a clause says something to
 * someone), or a cue of pressure. A verbless fragment with neither is a date, a name, a sign-off or
 * a piece of a sentence the splitter cut, and the sentence layer leaves it alone.
 */
export function hasPressureCue(tokens: Token[]): boolean {
  if (tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return true;
  for (const c of cues(tokens)) if (!NEUTRAL_CUES.has(c)) return true;
  return false;
}

/**
 * Every feature of one sentence for the classifier: the cues, the lemmas, pairs of words, pairs of
 * tags with the function words kept as words ("you VERB", "VERB me", "if i"), and the four-letter
 * pieces of each content word (which carry misspellings and unseen inflections to words it knows).
 */
export function features(sentence: Token[]): string[] {
  const out: string[] = ['bias'];
  for (const c of cues(sentence)) out.push(`g:${c}`);
  const tokens = collapseNames(sentence);
  const words = tokens.filter(isWord);
  const norms = ['^', ...tokens.map((t) => (isWord(t) ? t.norm : t.text === '?' || t.text === '!' ? t.text : '')).filter(Boolean), '$'];
  for (const w of words) out.push(`w:${w.lemma}`);
  for (let i = 0; i + 1 < norms.length; i++) out.push(`b:${norms[i]} ${norms[i + 1]}`);
  const mixed = ['^', ...tokens.map((t) => (FUNCTION_TAGS.has(t.pos) ? t.norm : t.pos)), '$'];
  for (let i = 0; i + 1 < mixed.length; i++) out.push(`m:${mixed[i]} ${mixed[i + 1]}`);
  for (const w of words) {
    if (FUNCTION_TAGS.has(w.pos) || w.pos === 'CCONJ' || w.norm.length < 4) continue;
    const s = `<${w.norm}>`;
    for (let i = 0; i + 4 <= s.length; i++) out.push(`c:${s.slice(i, i + 4)}`);
  }
  return out;
}

const FUNCTION_TAGS = new Set(['PRON', 'AUX', 'ADP', 'SCONJ', 'PART', 'INTJ', 'DET']);

const TITLE_WORD = /^\p{Lu}[\p{L}\p{N}'’&.-]*…?$/u;

/**
 * A run of two or more capitalised words inside a sentence (a company, a job title, a person's
 * full name: "Global International Partners", "Senior Data Analyst", "Procter & Gamble", one a draft
 * shortened with "…") becomes one NAME token. Such
 * names are the interview's facts, not the writer's tone: their words (global, partners, senior)
 * must never read as pressure, however a company or role happens to be called.
 */
function collapseNames(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    // Not the sentence's first word, which is capitalised anyway; "I" is no name.
    while (j < tokens.length && j > 0 && tokens[j]!.norm !== 'i' && (TITLE_WORD.test(tokens[j]!.text) || (j > i && /^[&…]$/.test(tokens[j]!.text)))) j++;
    if (j - i >= 2) {
      out.push({ ...tokens[i]!, text: 'NAME', norm: 'name', lemma: 'name', pos: 'PROPN' });
      i = j;
    } else out.push(tokens[i++]!);
  }
  return out;
}
