/**
 * The pressing-words rules as data (issue 4; followup-rules.md "Wording"; seed 004). Bundled into
 * the content script, so it imports nothing and stays small.
 *
 * RULES[category] is a list of [phrase, suggestion, unless?]: `suggestion` is a calmer rewrite of
 * the matched span; `unless` is a phrase that, found earlier in the same sentence, cancels the match
 * ("I can start" + "as soon as possible"). WHY[category] says why it reads as pressure. Where two
 * rules match at the same place, the one listed first wins.
 *
 * Phrase grammar (compiled to one case-insensitive RegExp by tone.ts):
 *   word       a whole word; a space between words is any run of whitespace, line breaks included
 *   (a|b c)    alternatives          [a b]  optional          offer[s]  optional suffix
 *   repl*      a word starting with "repl" (reply, replied, replies)
 *   _          any one word          #      a number word ("3", "two", "several", "a few")
 *   +          an optional adverb (patiently, still, never, really, …), comma allowed
 *   ~          up to 8 words (commas allowed), as few as needed
 *   $          the rest of the clause: up to 8 words, stopping at , . ; ! ? and before or/otherwise/unless
 *   =          the sentence ends here (before . ! ? ; or the end of the text)
 *   I've, don't, won't …  also match I have / do not / will not, and curly or missing apostrophes
 *   a-b        a-b, "a b" or "ab"
 */
export type ToneCategory =
  | 'impatience'
  | 'blame'
  | 'urgency'
  | 'desperation'
  | 'ultimatum'
  | 'hard-sell'
  | 'length';

export type ToneRule = [phrase: string, suggestion: string, unless?: string];

export const WHY: Record<ToneCategory, string> = {
  impatience: 'Counting the wait or pointing at the silence makes them feel behind on their to-do list.',
  blame: 'It suggests they did something wrong, which puts them on the defensive.',
  urgency: 'It demands speed or sets a deadline they never agreed to.',
  desperation: 'It sounds anxious or desperate rather than confident.',
  ultimatum: 'It reads as a threat, or as if you would rather take another opportunity.',
  'hard-sell': 'It is a hard sell; restating why you are perfect comes across as pushy.',
  length: 'A follow-up this long reads as a hard sell; keep it to a few short sentences.',
};

// Shared pieces.
const NOUN = '(repl*|respons*|answer*|update*|decision*|news|word|call*|feedback)';
const WAITED = `+ (to hear (back|from (you|your team)|anything|something|=)|(for|on) (a|an|any|your|some|the|that|this|my) [_] ${NOUN}|on you|for you to)`;
const VERB = '(repl*|respon*|get* back|got back|call*|writ*|wrote|answer*|acknowledg*|follow* up|let me know|return*|contact*|reach* out)';
const ASK = `(respond|reply|answer|get back to me|let me know|call me [back]|contact me|write back|tell me|inform me|update me|confirm|(send|give) me (your|a|an|the) ${NOUN})`;
const DAY = '((to|mon|tues|wednes|thurs|fri|satur|sun)day|tonight|tomorrow|(this|next|the|end of|close of) _|eod|cob|eow|noon|#|jan*|feb*|march|april|may|june|july|aug*|sep*|oct*|nov*|dec*)';
const DEADLINE = `(by|before|no later than|within|until) ${DAY}`;
const OTHER = '(another|the other|a different|a competing|their|other|my other|that|it|your competitor|a competitor|someone else)';
const GIVE_UP = `((accept*|tak*|go* with|sign* with|pursu*|choos*) ${OTHER}|mov* (on|forward)|withdraw*|(look|go) elsewhere|assume (you're|you|that|the|no|nobody|it's))`;
const MINE = "(i'll|i can|i could|i was|happy to|glad to|start|begin|available|join|relocate)";
const I_WILL = "(i'll|i'm going to|i'm|i've to|i must)";
const SO = '[(so|really|very|truly|quite|extremely|incredibly|completely|absolutely|pretty|a bit|clearly|obviously|honestly|literally|just|getting)]';

// Suggestions used more than once.
const FOLLOW = 'I wanted to follow up';
const CHECK = 'I wanted to check in';
const SHIFT = 'I understand timelines can shift';
const RECAP = 'To recap';
const MOMENT = 'when you have a moment';
const PROCESS = "I'd appreciate knowing where you are in the process";
const HEAR = 'I look forward to hearing from you';
const KEEN = 'I remain very interested';
const TOP = 'While I have other opportunities, you are still my top choice';
const FIT = 'I believe I would be a strong fit';
const LOOKING = "I've been looking forward to hearing from you";
const WELCOME = "I'd welcome the opportunity";

export const RULES: Record<ToneCategory, ToneRule[]> = {
  blame: [
    ["you told me [that] (i should've|i should|i would've|i'd) (known|heard|know|hear) ~ (ago|by now|already|last week|yesterday)", 'I understand these decisions can take time'],
    [`you (told me|said|promised [me]|assured me) [that] (i'd|you'd|we'd|they'd|i'll|you'll|(i|you|we|they|someone) (would|should|will|were going to|was going to|should've|would've)) ~ (know|known|hear|heard|get back|be in touch|call|decid*|answer|let me know|contact|repl*|respond|update) $`, SHIFT],
    ['you (promised|guaranteed) [me] (a|an|that|to|your) $', SHIFT],
    ['you (were|are) (supposed|meant) to $', 'I understand plans can change'],
    ['like (you|she|he|they) said (you|she|he|they) would|as (you|she|he|they) promised', 'as planned'],
    [`(you|he|she|they|your (team|recruiter)|the recruiter|hr) + (never|haven't|hasn't|didn't|failed to|neglected to) [even] [bother to] ${VERB} $`, CHECK],
    ["why (haven't|hasn't|didn't|won't|don't|doesn't|can't|isn't|aren't|wasn't) (you|anyone|anybody|someone|somebody|your team|the team|your office|hr|they|i) $|why (is|are|has|have|did|does) (no one|nobody|no-one) $", 'Could you let me know where you are in the process'],
    ['per my (last|previous|earlier|prior|below) (email|e-mail|message|note|voicemail|letter|follow-up)', 'As a quick follow-up'],
    ["as (i|i've) (already|previously) (said|mentioned|stated|noted|explained|told you|written)", RECAP],
    ["as (i|i've) (said|mentioned|stated|noted|explained|told you|wrote|written) (before|previously|earlier|already|twice|in my (last|previous|earlier|prior) (email|e-mail|message|note))", RECAP],
    ['as (previously|already) (stated|mentioned|said|noted)', RECAP],
    ["((your|the) (decision|repl*|respons*|answer|process|timeline) (is|was) [(now|already)] [# (days|weeks)] (late|overdue|past due)|you're [now] [# (days|weeks)] (late|overdue|past))", SHIFT],
    ['(missed|blown|past|passed) (your|the) [own] (deadline|date|timeline)', 'the date you mentioned'],
    ['(has|have) come and gone|came and went', 'has passed, which I completely understand'],
    ["my time (isn't|doesn't) $", 'I appreciate your time'],
    ['(keep*|kept|leav*|left) (me|candidates|people|applicants|us) (waiting|hanging|in the dark)', 'take the time you need'],
    ['(being|been) ignored|ignor* (me|my (emails|e-mails|messages|calls|application))|ghosted|ghosting|ghost (me|candidates|applicants|people)|dropped the ball', 'not heard back'],
    [`(you|you guys|your (team|company|office)|this process|the process|this|that|it's|it is|that's) [(is|are|was|were|seems|seem)] ${SO} (slow|disorgani*|unprofessional|disrespectful|rude) $`, 'I understand you are busy'],
    ['(how hard (is it|can it be|would it be) to|(so|this|that) hard to (get|send|give|make|write|reply|respond)) $|simple yes[-or-]no', 'Could you let me know where things stand'],
    ["you should've [already] (contacted|called|emailed|replied|responded|gotten back|got back|let me know|told me|decided|heard|reached out) $", CHECK],
    ["you must've (seen|read|received|gotten|got) $", 'I hope you received my note'],
    ["i'd have expected $", CHECK],
    ['(did|have|you|they|everyone|your team) + (forget|forgot|forgotten) [about] me', CHECK],
    ['(i was|we were) promised', 'I understood'],
  ],
  impatience: [
    [`i've + been + waiting (~ (${NOUN}|back|from you) $|[so] (patiently|forever|long enough|so long|ages)|(for|over) ~ (day*|week*)|=)`, FOLLOW],
    [`[i'm] [(just|now)] still waiting ${WAITED} $`, FOLLOW],
    ["(i'm|i've been) [(just|now)] still waiting =", FOLLOW],
    [`i'm waiting ${WAITED} $`, FOLLOW],
    ["(i've|i) waited [so] (patiently|long enough|so long|for #|# (days|weeks))", FOLLOW],
    [`[i] still (haven't|hasn't|didn't|don't) (heard|hear|gotten|got|received|had (a|an|any) ${NOUN}) $`, CHECK],
    ["i (haven't|didn't) (heard|hear) (anything|a word|a thing|a peep|back|from (you|anyone|anybody)) $", CHECK],
    [`(heard|received|gotten|got) nothing|without (hearing|getting|receiving) (anything|back|a ${NOUN})|i + (never|haven't|didn't) (got|get|gotten|received) (a|an|any|my) ${NOUN}`, "haven't heard yet"],
    ["(i've|have|has) yet to (hear|receive|get) $", CHECK],
    [`[there is] still (no ${NOUN}|nothing) $`, CHECK],
    ["(it's [now] been (over|more than|well over|almost|nearly|close to)|it's already been) [(a|an|#)] (day*|week*|month*|business days|working days) [since $]", CHECK],
    [`(nobody|no one|no-one) [(at|on|in|from) _ _] [(has|have)] + (${VERB}|gotten back|got back|bothered|reads|checks)`, CHECK],
    ['taking [_ [_]] (so|this|that) long|taking forever', 'taking a little while'],
    ['finally (hear*|get* back|respon*|repl*|decid*|know)', 'hear'],
    ["it's [(now|already)] been (ages|forever|so long|too long|an eternity)", "It's been a little while"],
    ['(# (days|weeks|business days)|a (week|month)) (have|has) (passed|gone by)', CHECK],
    ["this is [(now|already)] (the|my) (second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|nth|umpteenth) (time|e[-]mail|message|attempt|follow-up|note|request) [[that] (i'm|i've|i) [been] (reach* out|writ*|email*|ask*|follow* up|call*|contact* you) [(to you|you|about this)]]", 'I wanted to check in again'],
    ['(following up|writing|reaching out|emailing|asking|calling) [again] (for|on) (the|my|a) (second|third|fourth|fifth|sixth|nth|umpteenth) time', 'checking in again'],
    ['yet (again|another (e[-]mail|message|follow-up|note|reminder))', 'again'],
    ["i've + (emailed|written|reached out|called|contacted|messaged|followed up|asked|left) ~ (twice|# times|more than once|repeatedly|(#|multiple) (voicemails|messages|e[-]mails))", CHECK],
    ['(my|these|the) [(last|previous)] (#|several|few|multiple) (e[-]mails|messages|voicemails|follow-ups)', 'my earlier email'],
    ["((what's|why is (this|it|everything|the process)) taking so (long|much time)|(what's|why) the (holdup|hold-up|delay))", 'Could you share where things stand'],
    ['(how (much|many more) (longer|days|weeks) (do|will|must|should|am) i ~ wait|how long (does|will) it (take|be) to (make|send|give|reach) (a|one) (simple|quick) $)', 'Could you share your timeline'],
    ['(any|some) (news|updates|update|word) (yet|at all)', 'any update', '(do|does|is|are|was|have|has|would|could|if|there)'],
    [`get (an|a|my|some) ${NOUN} already`, 'hear where things stand'],
    ["((tired|sick) of waiting|i'm (getting|growing|becoming) (impatient|frustrated|annoyed|tired))", CHECK],
    [`(is|are|it's|this is|was) ${SO} (frustrating|annoying|ridiculous|unacceptable|absurd)`, 'I understand these things take time'],
    ['[is] (anyone|anybody) (there|reading|out there|home|receiving|getting these)', CHECK],
    ["[(just|i'm just)] bumping this [(up|again)] [to the top] [of your inbox]", 'I wanted to check in on this'],
    ["(i've|i'd|i was|i'm) [(really|just)] (hoping|expecting) ~ (heard|hear|known|get|gotten|have) ~ by now", CHECK],
    ["i should've (heard|known|gotten|received|had) ~ (by now|ago|already)", CHECK],
    [`i was expecting (an|a|your|some) ${NOUN} $`, CHECK],
  ],
  urgency: [
    ['asap|a.s.a.p[.]|as soon as (possible|you can|humanly possible)', MOMENT, MINE],
    [`${ASK} [to me] [please] (immediately|right away|at once|straight away|urgently|quickly|today|tonight|now|without delay|as soon as you (can|get this|see this|read this)) $`, 'let me know when you have a moment', MINE],
    [`${ASK} [to me] [please] ${DEADLINE} $`, 'let me know when you have a moment', MINE],
    [`i + (need|must have|want|have to have|require) ((an|a|your|some|the) [(final|quick|clear|definite|definitive|firm|immediate|concrete)] (answer|decision|response|reply|update|yes or no|timeline|closure)|closure|to (know|hear|find out)) $`, PROCESS],
    ['i need you to (respond|reply|decide|let me know|get back|tell me|answer|confirm|call) $', "I'd appreciate hearing from you when you have a moment"],
    [`(i'd|i) + (like|appreciate|want|expect|need|require) (to hear|(a|an|your|some) [_] ${NOUN}|to (get|receive|have) (a|an|your) _) [back] ${DEADLINE} $`, HEAR],
    ['i + (expect|want|need) you to $|(so|please|just) decide', 'I hope to hear from you'],
    ["(i|i'm) (expect|expecting|demand|insist on|require) (to hear|(a|an|your) (respons*|repl*|decision|call|answer|update)|to (get|receive|have) (a|an|your)) $", HEAR],
    ['(hear|respond|reply|answer|decision|response|know|get back|let me know|decide|call) ~ at the latest', 'when you have a chance', MINE],
    ["(this is|it's|the matter is|my situation is|my request is) [(very|quite|extremely|rather|really|a bit|somewhat|fairly|pretty|a little)] (urgent|time-sensitive|pressing)", CHECK],
    ['(treat|mark|consider) (this|it|my application) as urgent|urgent[ly] (need|request|response|reply|answer|matter|decision)|urgent:|urgent!|urgently|time is of the essence', MOMENT],
    ['(hurry|speed) [(this|things|it)] up|pick up the pace', 'share an update when you can'],
    ['please prioritize (my|this)', 'I appreciate you considering my'],
  ],
  desperation: [
    [`i'm ${SO} desperate|desperately`, 'I am very interested'],
    ['i + + need this (job|position|role|opportunity|offer|work|so (much|badly))|(really|badly|desperately) need this =', "I'm very interested in this role"],
    [`i'm ${SO} begging|i beg (you|of you)|begging (you|for)`, "I'd be grateful"],
    ['please[,] please', 'please'],
    ["(i'll|i'd|willing to) do anything|[do] whatever (it takes|you (want|need|ask))", 'work hard'],
    ["(i'll|i'd|willing to|happy to) (take|accept|work for) (any|a lower|less|whatever|a reduced) (salary|pay|wage|amount|offer|rate|compensation)|(take|accept) a (pay|salary) cut|work for free|(i'll|i'd) take anything", "I'm open to discussing the details"],
    ["(haven't|hasn't|can't|couldn't|can barely|could barely|barely|can hardly|hardly) (slept|sleep|eat|eaten|function|think straight)", LOOKING],
    ["can't stop (thinking|worrying|checking) $", "I've enjoyed thinking about the role"],
    ['(this|the) (job|position|role|offer|opportunity) means (everything|the world|so much) to me|(mean|means) (everything|the world) to me', 'this role matters a lot to me'],
    ["(losing|lost) (hope|sleep)|end of my rope|wit's end|wits end|my (last|only) (hope|chance|resort)", "I'm still hopeful"],
    ["[please] don't (forget [about]|overlook|ignore|give up on) me", 'I hope to stay in touch'],
    ["(i'm|i've been) [(so|really|very|extremely|incredibly|quite)] (anxious|nervous|stressed|panicking|losing sleep) $", "I'm looking forward to hearing from you"],
    ['(counting|depending|relying) on (this|me getting|getting this) [(job|position|role|offer)]', 'excited about this role'],
    ['(refreshing|checking) my (e[-]mail|inbox|phone|messages) (every|all|constantly|non-stop|nonstop|hourly|#|day and night)|(sitting|waiting) by (my|the) phone|glued to my phone', LOOKING],
    ["(i'm|i've been) praying", "I'm hopeful"],
    ['(please|just) give me a (chance|shot)', WELCOME],
    ['please hire me', WELCOME + ' to join the team'],
    ['(waiting|wait|silence|suspense) is (killing|torturing|eating) me|(waiting|wait|silence) is unbearable', "I'm looking forward to hearing from you"],
    ['(bills|rent|mortgage) to pay', 'a lot of enthusiasm for this role'],
  ],
  ultimatum: [
    ["((accept|take|go with|sign with) (one of (them|those)|another|the other|a different|their|it|that)|withdraw*|mov* on) ~ (unless|if (you|i) (don't|can't|haven't))|(the|my) last (time|e[-]mail|message|follow-up) (i'll|i'm going to)", 'I remain very interested'],
    [`(if|unless) ~ ${I_WILL} [(have to|need to|be forced to)] ${GIVE_UP} $`, 'I understand these decisions take time'],
    [`(otherwise|or else)[,] ${I_WILL} [(have to|need to|be forced to)] ${GIVE_UP} $`, 'I hope to hear from you'],
    [`or (i'll|i'm|i'm going to) [(have to|be forced to)] (${GIVE_UP}|signing with|going with|taking|accepting) $|or [else] [you'll] lose me`, 'and I look forward to hearing from you'],
    ['(this|it) is (your|the) (last|final) (chance|opportunity|warning|notice)|final (warning|notice|offer)', KEEN],
    ["(won't|can't|couldn't|i'm not going to) wait (forever|indefinitely|around|much longer|any longer|long)", HEAR],
    ["(you (need|have|must) to|you've got to|you'd better|you better) (decide|respond|reply|let me know|get back|make|give me|tell me|answer|hurry|move)", 'I would appreciate hearing from you'],
    ["(i'm|i'll) giv* you (until|till|til|one|two|a|#|the rest of)|you've [got] (until|till|til)|so (i|that i) can (move on|accept|take|go with|look elsewhere)", HEAR],
    ["(can't|won't) (hold|keep|put) ~ (much longer|any longer|forever)|(match|beat) (it|their offer|the other offer|that offer)", KEEN],
    [`(i'll|i'd|i'm going to) (have no choice but to|be forced to|have to) ${GIVE_UP} $`, KEEN],
    ["i'd rather (go with|take|accept|work for|join|pursue|sign with) (another|a different|the other|someone else|a competitor|your competitor)", KEEN],
    ["i'm (leaning|inclined) (toward|towards|to) (accept*|tak*|going with|another|the other|a different|sign*)", TOP],
    ['(other|several|many|multiple) (companies|employers|firms|recruiters|teams) (are|have been|want) ~ (interested|calling|after me|chasing|courting|competing|waiting) $', TOP],
    ['(go|look|going|looking|take my (talents|skills)) elsewhere', 'stay in touch'],
    ['consider (my application|me) (withdrawn|out)', KEEN],
  ],
  'hard-sell': [
    ["(you won't|you'll never|you will never) (regret|be disappointed) [(hiring|choosing|picking|selecting|bringing) (me|on)]|hire me and (you|your)", "I'd welcome the chance to contribute"],
    ["i'm [(clearly|obviously|definitely|truly|honestly|simply|really|without a doubt)] (the|your|a) (perfect|ideal|best|only|obvious|strongest|most qualified|top) (candidate|choice|fit|person|hire|applicant|option|match|one)", FIT],
    ["i'm (exactly what (you need|you want|you're looking for|your (company|team) (needs|wants|is looking for))|the one you (want|need|are looking for))", FIT],
    ["(won't|you'll never|will never|can't|couldn't) (find|get|hire|meet) ~ (than me|as me|than i'm|as i'm)", FIT],
    ["(no one|nobody|no-one|no other candidate) ~ (than i'm|than me|like i can|like me|as well as i|as i can|as i do|match (me|my)|compete with me|beat me|what i (bring|offer|can))", FIT],
    ["(# (reasons|ways)|reasons) why (you should|i'm|i'd|to hire)|(here are|let me (list|give you|share)) ~ reasons|let me (list|repeat|restate)|[let me] remind you [of] (my|how|why|that i|again)", 'I would be glad to share more'],
    ["you'd be (crazy|foolish|silly|mad|a fool|making a [(big|huge|serious|terrible)] mistake)|(big|huge|serious|terrible) mistake (not to|if you)|(anyone|someone|somebody) else ~ mistake|passing on me", 'I hope you will consider me'],
    ["[the] best (decision|hire|investment|choice) (you'll|you will|you'd|you) ever (make|made)", 'a decision I hope you will be glad of'],
    ['lucky to have me', 'glad to have me on the team'],
    ['i guarantee', "I'm confident"],
    ['trust me', 'I believe'],
    ['(you should|you must|you need to|just|why you should) hire me', 'I hope you will consider me'],
    ["(chance|opportunity) to hire me|let ~ slip away|don't miss [out on] (me|this (chance|opportunity))", 'chance to work together'],
    ["i'm [(clearly|honestly|probably|definitely)] (overqualified|the most qualified|more than qualified)", 'I believe I am well qualified'],
    ["(i|i'm sure i|i know i) (aced|nailed|crushed|killed) (the|my|that|our) interview", 'I enjoyed the interview'],
    ['(outperform*|outshin*|outshone|better than) (every|all|any) [other] (candidate*|applicant*|one|body|of your)|and you know it', 'I would bring a lot to the team'],
  ],
  length: [],
};
