/** Sample texts for the tone benchmarks (tone.bench.ts, tone-background.bench.ts). */
import { draftEmail } from '../src/domain/drafts';
import type { Interview } from '../src/domain/types';
import { toneCorpus } from '../test/fixtures/tone/corpus';

const interview: Interview = {
  id: 'b',
  company: 'Acme Corp',
  role: 'Data Analyst',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Jane Smith', email: 'jane@acme.example' }],
  decisionExpectedBy: '2026-11-20',
  hasOtherOffers: true,
  topic: 'the forecasting pipeline',
  history: [],
};

export const corpus = toneCorpus();

/** A realistic email of exactly 2,000 characters: a drafted inquiry, the user's edits (every `step`-th sentence from `from`), a quoted reply. */
export function email2000(from = 0, step = 7): string {
  const draft = draftEmail('status-inquiry', interview, { name: 'Sam Lee' }, { now: '2026-11-25T15:00:00Z', timeZone: 'America/New_York' });
  const edits = corpus.filter((_, i) => i % step === from % step).map((e) => e.text).join(' ');
  const quoted = '\n\nOn Tue, Nov 17, 2026 at 2:00 PM Jane Smith <jane@acme.example> wrote:\n> Thanks for coming in today!\n> We will be in touch.';
  const body = `${draft.body}\n\n${edits}`;
  return (body.slice(0, 2000 - quoted.length) + quoted).padEnd(2000, ' ');
}

