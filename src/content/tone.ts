/**
 * The pressing-words check of a mail frame (issue 13). The whole check (phrase rules and the
 * sentence layer, whose NLP model is about 1 MB gzip) runs in the background: `askTone` sends the
 * text with the `checkTone` message. Nothing of the check is bundled here, which keeps every Gmail
 * and Outlook frame within its 12 KB gzip budget (the phrase engine alone took ~3 KB of it).
 * When the background does not answer in time, or fails, the compose keeps what it last showed,
 * each finding found again where the user's typing moved it (`locate`), and asks again at the
 * next pause in typing.
 */
import type { ToneFinding } from '../domain/tone';
import { send } from './client';

/** How long the background may take (a cold worker loads the NLP model first) before the answer is given up on. */
const ANSWER_WAIT = 3000;

/** The background's findings in `text` (calmer wordings with the facts of `interviewId`, the interview the panel is about), or undefined when it did not answer well or in time. */
export function askTone(text: string, interviewId?: string): Promise<ToneFinding[] | undefined> {
  return Promise.race([
    send('checkTone', interviewId ? { text, interviewId } : { text }).then(
      (r) => (r?.ok && Array.isArray(r.findings) ? r.findings : undefined),
      () => undefined,
    ),
    new Promise<undefined>((r) => setTimeout(r, ANSWER_WAIT)),
  ]);
}

/** Where finding `f` is in `text` now: at its offsets, else the nearest place its words are (typing moved them); -1 when gone. */
export function locate(text: string, f: ToneFinding): number {
  if (text.startsWith(f.text, f.start)) return f.start;
  const before = text.lastIndexOf(f.text, f.start);
  const after = text.indexOf(f.text, f.start);
  return before < 0 ? after : after < 0 || f.start - before <= after - f.start ? before : after;
}
