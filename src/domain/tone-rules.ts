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
  | 'length'
  // Kinds the sentence-level layer finds (issue 13); no phrase rule lists them.
  | 'demand'
  | 'escalation'
  | 'guilt'
  | 'sarcasm'
  | 'entitlement';

export type ToneRule = [phrase: string, suggestion: string, unless?: string];

export const WHY: Record<ToneCategory, string> = {
  impatience: 'Counting the wait or pointing at the silence makes them feel behind on their to-do list.',
  blame: 'It suggests they did something wrong, which puts them on the defensive.',
  urgency: 'It demands speed or sets a deadline they never agreed to.',
  desperation: 'It sounds anxious or desperate rather than confident.',
  ultimatum: 'It reads as a threat, or as if you would rather take another opportunity.',
  'hard-sell': 'It is a hard sell; restating why you are perfect comes across as pushy.',
  length: 'A follow-up this long reads as a hard sell; keep it to a few short sentences.',
  demand: 'A bare command reads as an order; a question leaves them room to answer.',
  escalation: 'Threatening to go over their head or to go public ends the conversation instead of moving it on.',
  guilt: 'Pointing at what it cost you makes them feel they owe you, which breeds resentment rather than a reply.',
  sarcasm: 'Irony reads as contempt in writing; say plainly what you would like to know.',
  entitlement: 'It presumes the outcome, as if the decision were yours to make rather than theirs.',
};

// Shared pieces.
const NOUN = '(repl*|respons*|answer*|update*|decision*|news|word|call*|feedback|result*|outcome|clarity|confirmation)';
const WAITED = `+ (to hear (back|from (you|your team)|anything|something|=)|(for|on) (a|an|any|your|some|the|that|this|my) [_] ${NOUN}|on you|for you to)`;
const VERB = '(repl*|respon*|get* back|got back|call*|writ*|wrote|answer*|acknowledg*|follow* up|let me know|return*|contact*|reach* out)';
const ASK = `(respond|reply|answer|get back to me|let me know|call me [back]|contact me|write back|tell me|inform me|update me|confirm|(send|give) me (your|a|an|the) ${NOUN})`;
const DAY = '((to|mon|tues|wednes|thurs|fri|satur|sun)day|tonight|tomorrow|(this|next|the|end of|close of) _|eod|cob|eow|noon|#|jan*|feb*|march|april|may|june|july|aug*|sep*|oct*|nov*|dec*)';
const DEADLINE = `(by|before|no later than|within|until) ${DAY}`;
const OTHER = '((the|an|that) (offer|job|role|position) (from|with|at)|another|the other|a different|a competing|the competing|their|other|my other|that|it|your competitor|a competitor|someone else)';
const GIVE_UP = `((accept*|tak*|go* with|sign* with|pursu*|choos*) ${OTHER}|mov* (on|forward)|withdraw*|walk away|(look|go) elsewhere|assume (you're|you|that (you|the|it)|that's|the (answer|role|position|job|decision|offer)|no|nobody|it's|it (is|was)))`;
const MINE = "(i'll|i can|i could|i was|happy to|glad to|start|begin|available|join|relocate)";
const I_WILL = "(i'll|i'm going to|i'm|i've to|i must)";
const SO = '[(so|really|very|truly|quite|extremely|incredibly|completely|absolutely|pretty|a bit|clearly|obviously|honestly|literally|just|getting)]';
const THEY = '(you|he|she|they|hr|your [_] (team|recruiter|person|manager|colleague|coordinator|office|assistant)|the [_] (recruiter|manager|team|person|coordinator))';
const IF = '(if|unless|should (i|you|there) not|failing (that|which|a (reply|response|decision))|without (a|an|your|any) [_] (reply|answer|response|decision|update|offer|word)|absent (a|an|your))';
const FEEL = '[(a bit|a little|quite|very|really|so|rather|somewhat|pretty|deeply|honestly|frankly)]';

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
    [`${THEY} (told me|said|promised [me]|assured me) [that] (i'd|you'd|we'd|they'd|i'll|you'll|(i|you|we|they|someone) (would|should|will|were going to|was going to|should've|would've)) ~ (know|known|hear|heard|get back|be in touch|call|decid*|answer|let me know|contact|repl*|respond|update|(have|get|receive) (feedback|an answer|a decision|news|an update|a response|an offer)) $`, SHIFT],
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
    // Whole clauses first, so the calmer wording replaces the subject too ("You keep ignoring my calls").
    [`(you|they|your team|you guys|everyone) [(keep|kept|are|were|have been|have|just|simply)] [(keep|kept|been)] (ignor*|ghost*) [(me|us|my (emails|e-mails|messages|calls|application|follow-ups|notes))] [(for|in) [(several|a few|#)] (days|weeks|months|a week|a month)]`, CHECK],
    ["(i'm|i am|i've been|i feel|i felt|i was|i got) [(like|as if|as though)] [(i'm|i am|i've been|i was)] [being] (ignored|ghosted)", CHECK],
    ['[why] (am i|was i|have i been) [being] (ignored|ghosted)', 'is there any update'],
    ['[(someone|somebody|you|they|your team|the team|hr)] [(may have|might have|must have|has|have|clearly|obviously)] dropped the ball', 'things may have got busy'],
    ['(being|been) ignored|ignor* (me|us|my (emails|e-mails|messages|calls|application|follow-ups|notes))|ghosted|ghosting|ghost (me|candidates|applicants|people)|dropped the ball', 'not heard back'],
    [`(you|you guys|your (team|company|office)|this process|the process|this|that|it's|it is|that's) [(is|are|was|were|seems|seem)] ${SO} (slow|disorgani*|unprofessional|disrespectful|rude) $`, 'I understand you are busy'],
    ['(how hard (is it|can it be|would it be) to|(so|this|that) hard to (get|send|give|make|write|reply|respond)) $|simple yes[-or-]no', 'Could you let me know where things stand'],
    ["you should've [already] (contacted|called|emailed|replied|responded|gotten back|got back|let me know|told me|decided|heard|reached out) $", CHECK],
    ["you must've (seen|read|received|gotten|got) $", 'I hope you received my note'],
    ["i'd have expected $", CHECK],
    ['(did|have|you|they|everyone|your team) + (forget|forgot|forgotten) [about] me', CHECK],
    ['(i was|we were) promised', 'I understood'],
    [`${THEY} (did|definitely|clearly|specifically|explicitly) (say|tell me|promise|assure me) $`, SHIFT],
    ["(i was|i've been|we were) (under the impression|led to believe|told|assured|promised) [that] (i'd|i would|i'll|i will|you'd|you would|someone would|we'd|we would|they'd|they would|it would|there would|(he|she|they|you|someone) (was|were) going to) ~ (by now|already|ago|last _|yesterday|but|yet|and it's now|and that was|which was) $", SHIFT],
    ['((mon|tues|wednes|thurs|fri)day|the deadline|your deadline) (has|have) [(now|already|long)] (passed|gone by|come and gone)|(but|and) nothing (came|happened|arrived|has (come|happened|arrived))|yet here we are', SHIFT, '(understand|know|realise|realize|appreciate|aware|if)'],
    ['(nobody|no one|no-one|you|they|anyone|your team) [(even|ever)] (had|has|have|showed|show|could|couldn\'t|didn\'t) [(even|have|show|extend)] the [(common|basic|simple)] (courtesy|decency) $', CHECK],
    ["(it's|it is|it would be|it would've been) [(just|only|basic|common)] [(common|basic|simple)] (courtesy|decency|manners|polite) to $|it (would've|would) been (nice|good|polite|courteous|decent|professional) (to|if) $", 'I would appreciate hearing where things stand'],
    ['courtesy (reply|response|e[-]mail|call|note)', 'quick reply'],
    [`(i'm|i am|i was|i feel|i felt|i've been) ${FEEL} (disappointed|surprised|shocked|baffled|frustrated|dismayed|upset|hurt) (that|by|at|with) ~ (no one|nobody|no-one|not|never|haven't|hasn't|didn't|wasn't|weren't|lack|silence) $`, 'I would appreciate an update'],
    ['(i find|i found|it is|it\'s) [(very|really|quite|rather|a bit)] (hard|difficult) to (believe|understand) ~ (no one|nobody|not|never|haven\'t|hasn\'t|didn\'t|wasn\'t|still|yet) $|(i find|i found) it (strange|odd|surprising|disappointing|frustrating|baffling) $|(it\'s|it is) (strange|odd|baffling|disappointing) that $', 'I understand things get busy'],
    ["(your|this) [(hiring|interview|recruiting|recruitment)] (process|communication|company|team|organi[sz]ation) (is|was|has been|seems|seems to be) [(a|an|such a|a total|a complete|an absolute|a bit of a|really|so|very|quite|completely)] (mess|joke|shambles|disaster|nightmare|circus|chaotic|chaos|broken|terrible|awful|appalling|poor)|the (hiring|interview|recruiting|recruitment) process (is|was|has been) [(a|an|such a|a total|a complete|an absolute)] (mess|joke|shambles|disaster|nightmare|circus|chaotic|broken)", 'I understand you are busy'],
    ["(are you|you're) [(just|simply|deliberately|purposely|intentionally)] (not (replying|responding|answering|reading)|ignoring|avoiding|dodging) [[(to|on)] (me|us|my (emails|e-mails|messages|calls|application|follow-ups|notes))]", 'has it been a busy few weeks'],
    ["(nobody|no one|no-one) [(at|on|in|from) _ _] (has|have|had|could) [(even)] (had|found|taken|spared) [(the|a|five|one|two|a few)] (time|minute|minutes|moment|second|seconds) $", CHECK],
    ['seem* to have (lost|forgotten|misplaced|dropped|overlooked) $', 'may be very busy'],
    ['(that|which|but it|and it|but) (never|didn\'t|did not|hasn\'t|has not) (happened|happen|came|come|arrived|arrive|materiali[sz]ed)', 'which I understand may have been delayed'],
    ['(was|is|wasn\'t|isn\'t) [(not|never)] (a|your|much of a) [(high|top|real)] priority (for|to) (you|your|the team|anyone)', 'may still be in review'],
    ['(communication|contact|updates|feedback) [(from|on) (your|the) (side|end|team|part)] (has been|is|was|have been|are) [(completely|pretty much|basically|practically|virtually|almost)] (nonexistent|non-existent|zero|nil|lacking|minimal) $', 'I would appreciate an update'],
    ["[(i|we)] (shouldn't|should not|don't want to|didn't think i'd) (have to|need to) (chase|beg|keep asking|keep following up|remind|hound|nag) $|(chase|chasing|hound|hounding|nag|nagging) (you|your team|people|hr) (for|about|down|again)", CHECK, '(sorry|apologi[sz]e|hate|hope)'],
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
    [`(nobody|no one|no-one) [(at|on|in|from) _ _] [(has|have|seems to|seem to|is|are)] [be] + (${VERB}|gotten back|got back|bothered|read*|check*|look* at) $`, CHECK],
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
    ['[(#|several|many|a few)] (days|weeks|months) and counting', 'some time'],
    [`(with|without) (no|a|any) [single] (${NOUN}|acknowledg*) (from|since|back|yet|at all|after)`, 'without an update yet'],
    [`(i've|i have|i) (had|received|gotten|got|heard) no ${NOUN} $`, "I'm hoping to hear back"],
    ["(i|i'd) + (thought|assumed|figured|imagined|expected|believed) ~ by (now|this point|this stage)", CHECK],
    ['surely ~ (by now|by this point|by this stage|already|made|decided|reached|sent|replied|responded|heard|received|reviewed|filled) $', PROCESS],
    [`(decision|choice|selection|${NOUN}) (has|must've|should've|would've|must|should) [(already|surely)] been (made|reached|sent) ~ by (now|this point|this stage)`, PROCESS],
    ['(hello|hi|hey)[,] (anybody|anyone|someone|somebody) [(there|out there|home)] =', CHECK],
    ["(i don't|i do not|i can't|i cannot) (know|understand|see|figure out) (why|what|how) ~ (haven't|hasn't|didn't|isn't|aren't|no|not|nobody|no one|nothing|still|yet|taking|long|delay*) $", 'Could you let me know where things stand'],
    ['(radio|dead|complete|total|deafening) silence', 'quiet'],
    ['waiting (for|over|nearly|almost|more than) [(#|several|many|so many)] (days|weeks|months|ages|so long)', 'hoping to hear back', '(was|were|had)'],
    ["(i|i'm|i've) + [been] (keep|kept|left) (waiting|chasing|having to (follow up|chase|ask|write|e[-]mail|remind)) $", CHECK],
    ['how (long|much longer|many more (days|weeks)) (am i|will i|do i|must i|should i|is it) ~ (wait*|keep) $', 'Could you share your timeline'],
    ['(on|onto|at|sending|send|after|here is|here\'s) (my|the|a|your) (second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|nth|umpteenth) (follow[-]up|e[-]mail|message|note|attempt|reminder|voicemail|request)', 'checking in again'],
  ],
  urgency: [
    ['asap|a.s.a.p[.]|as soon as (possible|you can|humanly possible)', MOMENT, MINE],
    [`${ASK} [to me] [please] (immediately|right away|at once|straight away|urgently|quickly|today|tonight|now|without delay|as soon as you (can|get this|see this|read this)) $`, 'let me know when you have a moment', `(${MINE}|(don't|do not) (feel|worry|need)|no (need|pressure|rush))`],
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
    [`(${ASK}|tell me|let me know) (the|your|a|an|my) [_] [to me] [please] (immediately|right away|at once|straight away|today|tonight|now|by tomorrow|first thing) $`, 'let me know when you have a moment', MINE],
    ['time[-]sensitive:', 'Quick question:'],
    ['time is (running out|ticking)|running out of time|the clock is ticking', CHECK],
    [`i + (need|must have|want|require|expect) (to (know|hear|have|get|receive)|(a|an|your|some|the) _|${NOUN}|closure|certainty) ~ (right now|right away|immediately|at once|this instant|without delay|straight away|urgently)`, PROCESS],
    ['(please|kindly|so|just) hurry|hurry it up', 'please share an update when you can'],
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
    ["[(i'm|i am|i've been)] (losing|lost) (hope|sleep)", "I'm still hopeful"],
    ["[(i'm|i am)] at (the end of my rope|my wit's end|my wits end)|end of my rope|wit's end|wits end", "I'm still hopeful"],
    ['my (last|only) (hope|chance|resort)', 'very important to me'],
    ["[please] don't (forget [about]|overlook|ignore|give up on) me", 'I hope to stay in touch'],
    ["(i'm|i've been) [(so|really|very|extremely|incredibly|quite)] (anxious|nervous|stressed|panicking|losing sleep) $", "I'm looking forward to hearing from you"],
    ['(counting|depending|relying) on (this|me getting|getting this) [(job|position|role|offer)]', 'excited about this role'],
    ['(refreshing|checking) my (e[-]mail|inbox|phone|messages) (every|all|constantly|non-stop|nonstop|hourly|#|day and night)|(sitting|waiting) by (my|the) phone|glued to my phone', LOOKING],
    ["(i'm|i've been) praying", "I'm hopeful"],
    ['(please|just) give me a (chance|shot)', WELCOME],
    ['please hire me', WELCOME + ' to join the team'],
    ['(waiting|wait|silence|suspense) is (killing|torturing|eating) me|(waiting|wait|silence) is unbearable', "I'm looking forward to hearing from you"],
    ['(bills|rent|mortgage) to pay', 'a lot of enthusiasm for this role'],
    ["[(i|i just|i really|i honestly)] (can't|cannot|couldn't) (handle|take|bear|stand|cope with) (the|this|all this|much more|any more) [(uncertainty|waiting|wait|suspense|stress|pressure|limbo)] [(anymore|any more|any longer|much longer)]", "I'm looking forward to hearing from you"],
    ["(i'll|i'd|i will|i would|i can|willing to|happy to|ready to) + (take|accept|do) (any|whatever) (role|job|position|work|opening|title|thing) $|(any|whatever) (role|job|position|opening) (you have|at all|you've got|is available|you can offer)", "I'm open to other roles on the team"],
    ['[(please|just)] give me (this|one|a|the) [(one|single|last|small|tiny)] (chance|opportunity|shot)', WELCOME],
    ['(means|mean|would mean) (so much|so very much)', 'matters a lot to me'],
    ['((on|at) the (verge|brink|edge) of (tears|a breakdown|despair|giving up)|in tears|(crying|cried) (over|about|every|myself)) $', 'looking forward to hearing from you'],
    ["(i'd|i'll|i'm|i am|i would|i will) [be] [(absolutely|completely|so|really|truly|utterly)] (devastated|heartbroken|crushed|destroyed|shattered|gutted) $", "I'd be disappointed, but grateful for the chance"],
    [`(i'm|i am|i've been|i get|i feel) ${SO} (worried|scared|terrified|frightened|panicked|panicking) (that|i'll|i will|i won't|i might|about|of) ~ (never|not get|not hear|lose|losing|reject*|no (chance|hope)) $`, "I'm looking forward to hearing from you"],
    ["[(i have|i've got|there's|there is)] nowhere [else] to (turn|go)", "I'm very interested in this role"],
    ["(i'm|i am|i've been|i feel) [(just|really|completely|totally|honestly|slowly)] (falling apart|going crazy|going insane|losing my mind|a nervous wreck|beside myself) $", "I'm looking forward to hearing from you"],
    ['(for|with|at) (no|zero) [(extra|additional)] (pay|money|salary|compensation)|(work|intern|start) (unpaid|for nothing|for less)', "and I'm open to discussing the details"],
  ],
  ultimatum: [
    ["[(i'll|i will|i'm going to|i am going to|i'd|i would)] ((accept*|tak*|go* with|sign* with) (one of (them|those)|another|the other|a different|their|it|that)|withdraw*|mov* on|walk away) ~ (unless|if (you|i) (don't|can't|haven't|do not|cannot)) $|(the|my) last (time|e[-]mail|message|follow-up) (i'll|i'm going to)", 'I remain very interested'],
    [`${IF} ~ ${I_WILL} [be] [(have to|need to|be forced to)] ${GIVE_UP} $`, 'I understand these decisions take time'],
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
    ["[i] (won't|will not|no longer) be (available|on the market|an option|interested|around) (anymore|any longer|any more)", KEEN],
    [`(ready|prepared|about|planning) to (walk away|withdraw*|(accept|take|go with|sign with) ${OTHER}|look elsewhere) $`, 'still very interested'],
    [`${IF} ~ (please (remove|withdraw) me|(remove|withdraw) me from|consider (me|my application) (withdrawn|out)|i'm out)`, 'I understand these decisions take time'],
  ],
  'hard-sell': [
    ["(you won't|you'll never|you will never) (regret|be disappointed) [(hiring|choosing|picking|selecting|bringing) (me|on)]|hire me and (you|your)", "I'd welcome the chance to contribute"],
    ["i'm [(clearly|obviously|definitely|truly|honestly|simply|really|without a doubt|hands down|by far|easily|undoubtedly|certainly|absolutely)] (the|your|a) (perfect|ideal|best|only|obvious|strongest|most qualified|top) (candidate|choice|fit|person|hire|applicant|option|match|one) [(you'll|you will|you're going to|you could|you can|you'd) + (find|get|see|meet|hire|interview)]", FIT],
    ["i'm (exactly what (you need|you want|you're looking for|your (company|team) (needs|wants|is looking for))|the one you (want|need|are looking for))", FIT],
    ["(won't|you'll never|will never|can't|couldn't) (find|get|hire|meet) ~ (than me|as me|than i'm|as i'm)", FIT],
    ["(no one|nobody|no-one|no other candidate) ~ (than i'm|than me|like i can|like me|as well as i|as i can|as i do|match (me|my)|compete with me|beat me|what i (bring|offer|can))", FIT],
    ["(# (reasons|ways)|reasons) why (you should|i'm|i'd|to hire)|(here are|let me (list|give you|share)) ~ reasons|let me (list|repeat|restate)|[let me] remind you [of] (my|how|why|that i|again)", 'I would be glad to share more'],
    ["you'd be (crazy|foolish|silly|mad|a fool|making a [(big|huge|serious|terrible)] mistake)|(big|huge|serious|terrible) mistake (not to|if you)|[(hiring|choosing|picking|selecting|going with)] (anyone|someone|somebody) else ~ (mistake|waste|loss|error|shame) $|(passing on|losing|letting go of) me ~ (mistake|loss|waste|error|shame) $|passing on me", 'I hope you will consider me'],
    ["[the] best (decision|hire|investment|choice) (you'll|you will|you'd|you) ever (make|made)", 'a decision I hope you will be glad of'],
    ['lucky to have me', 'glad to have me on the team'],
    ['i guarantee', "I'm confident"],
    ['trust me', 'I believe'],
    ['(you should|you must|you need to|just|why you should) hire me', 'I hope you will consider me'],
    ["(chance|opportunity) to hire me|let ~ slip away|don't miss [out on] (me|this (chance|opportunity))", 'chance to work together'],
    ["i'm [(clearly|honestly|probably|definitely)] (overqualified|the most qualified|more than qualified)", 'I believe I am well qualified'],
    ["(i|i'm sure i|i know i) (aced|nailed|crushed|killed) (the|my|that|our) interview", 'I enjoyed the interview'],
    ['[(i|i\'d|i\'ll|i can|i could|i would|i will)] (outperform*|outshin*|outshone|outclass*|outdo|outdid|surpass*|better than) (every|all|any) [other] (candidate*|applicant*|one|body|of your) $|and you know it', 'I would bring a lot to the team'],
    ["(best|perfect|ideal|strongest|right|top) (fit|candidate|choice|person|hire|applicant|match) (you'll|you will|you're going to|you could|you can|you'd) + (find|get|see|meet|hire|interview)", 'a strong fit'],
    ["((no one|nobody|no-one) else (has|have|brings|offers|can (offer|bring|match)|matches) (my|what i)|no other (candidate|applicant) (has|have|brings|offers|matches) (my|what i)) $", FIT],
    ["((no one|nobody|no-one|no other (candidate|applicant|person)) [else] [(can|could|will)] (comes|come) close|(comes|come) close to (me|my|what i)) $", 'I would bring a lot to the team'],
    ["(hiring|choosing|picking|selecting) me (is|would be|will be) (the|a|your) [_] (move|decision|choice|investment|call) $|(smartest|best|wisest) (move|decision|choice|investment|hire) (you|your _|the team) (could|will|would|can) [ever] make", FIT],
    ["(my (_|_ _) (is|are)|what i (bring|offer) is) [(just|precisely)] exactly what (you|your _) (need|needs|want|wants|are missing|is missing|lack|lacks)", FIT],
    ["((you'd|you'll|you would|you will) + regret|regret (not (hiring|choosing|picking|taking)|passing on|letting me)) $", "I'd welcome the chance to contribute"],
    ["((more|better) (qualified|experienced|capable|skilled) than (the people|anyone|anybody|everyone|everybody|most|your (team|staff|current|existing|other|people|employees)|the (rest|others|other (candidates|applicants))|any (other|of))) $", 'well qualified for the role'],
    ["with me [(on board|onboard|on your team|on the team|in the role|in this role)][,] ((your _|you|the team|the company) (would|will|could|can)|you'll|you'd) + (succeed|thrive|win|grow|flourish|get|hit|reach|see|be)|(once|when) you hire me[,] (you'll|you will|your|the team|everything)", 'I would be glad to contribute to your team'],
  ],
  length: [],
  demand: [],
  escalation: [],
  guilt: [],
  sarcasm: [],
  entitlement: [],
};
