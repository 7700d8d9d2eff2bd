/**
 * The call card (followup-rules.md, "When a call is acceptable"): what to say, spoken as the
 * user, and how to go about it, for the current pending inquiry when the plan says a call is
 * fine. Apart from plan.ts because it words the script with the drafts (and their date
 * library), which only the background needs: the pages ask it for the card.
 */
import type { Day } from 'date-fns';
import { workCalendar } from './calendar';
import { callScript } from './drafts';
import { planFollowUps } from './plan';
import type { Interview, Settings } from './types';

/**
 * How to go about the call, by a stable code: pages show `call_tip_<code>` from messages.json
 * (translatable); these English texts are the source, kept word for word there by a test.
 */
export const CALL_TIPS = {
  sayWhoYouAre: 'Say your full name, the role and the date of your interview first.', // 002
  askWhereThingsStand: 'Ask whether the position has been filled, whether you are still under consideration, and about their timeline.', // 000, 001
  keepItShort: 'Keep the call under two minutes.', // 002
  askForYourInterviewer: 'Ask to speak with your interviewer, not whoever picks up; if they are not available, ask when they will be rather than leaving a message.', // 000, 001
  fewVoicemails: 'If you must leave a voicemail, leave one or two at most, spread over a couple of days.', // 001
  standAndSmile: 'Stand up and smile while you talk: it comes through in your voice.', // 001, comments
} as const;
export type CallTip = keyof typeof CALL_TIPS;

/** What to say on the call (spoken as the user) and how to go about it. */
export type CallCard = { lines: string[]; tips: CallTip[] };
export type CallCardOptions = {
  /** The user's name, said first (002); without it the script starts with the reason for calling. */
  yourName?: string;
  /** For the interview date's wording (the year only when it differs); default the current time. */
  now?: Date | string | number;
};

/**
 * The call card for the current pending inquiry (script lines and tips), or undefined when the
 * contract doesn't suggest calling. The lines are drafts.ts's callScript, so there is one script.
 */
export function callCard(interview: Interview, settings: Settings, options: CallCardOptions = {}): CallCard | undefined {
  const inquiry = planFollowUps(interview, settings).find((s) => s.status === 'pending' && (s.kind === 'status-inquiry' || s.kind === 'final-check-in'));
  if (!inquiry || !inquiry.callAcceptable) return undefined;
  const cal = workCalendar(settings);
  const lines = callScript(interview, { name: options.yourName ?? '' }, { now: options.now, timeZone: cal.timeZone, weekStartsOn: cal.weekStart as Day });
  return { lines, tips: Object.keys(CALL_TIPS) as CallTip[] };
}
