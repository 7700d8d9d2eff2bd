/** Drafted emails (issue 4): how many drafts per second. Figures are recorded, never asserted. */
import { it } from 'vitest';
import { medianMs, record } from './record';
import { callScript, draftEmail } from '../src/domain/drafts';
import { checkTone } from '../src/domain/tone';
import type { DraftKind, Interview } from '../src/domain/types';

const KINDS: DraftKind[] = ['thank-you', 'status-inquiry', 'final-check-in'];
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Jerusalem', 'UTC'];

const interviews: Interview[] = Array.from({ length: 60 }, (_, i) => ({
  id: `b${i}`,
  company: ['Acme Corp', 'Globex International Holdings', 'Initech', '株式会社サンプル'][i % 4]!,
  role: ['Data Analyst', 'Senior Backend Engineer', 'Line Cook', 'Marketing Coordinator'][i % 4]!,
  interviewAt: new Date(Date.UTC(2026, 10, 2 + (i % 20), 14 + (i % 5))).toISOString(),
  contacts: i % 3 ? [{ name: ['Jane Smith', 'Dr. Ana López', 'Kenji Watanabe'][i % 3]!, email: 'hiring@example.com' }] : [],
  decisionExpectedBy: i % 2 ? `2026-11-${String(10 + (i % 15)).padStart(2, '0')}` : undefined,
  hasOtherOffers: i % 4 === 0,
  topic: i % 2 ? 'the move to event-driven billing' : undefined,
  history: [],
}));

it('measures draft generation', () => {
  const now = '2026-11-26T15:00:00Z';
  const n = interviews.length * KINDS.length * 3;
  const all = () => {
    let k = 0;
    for (const iv of interviews)
      for (const kind of KINDS)
        for (let variant = 0; variant < 3; variant++)
          draftEmail(kind, iv, { name: 'Sam Lee', signature: 'Sam Lee\n+1 555 0100' }, { now, variant, timeZone: ZONES[k++ % ZONES.length] });
  };
  const ms = medianMs(all, 9, 2);
  const checked = medianMs(() => {
    for (const iv of interviews) checkTone(draftEmail('status-inquiry', iv, { name: 'Sam Lee' }, { now, timeZone: 'America/New_York' }).body);
  }, 9, 2);
  const scripts = medianMs(() => {
    for (const iv of interviews) callScript(iv, { name: 'Sam Lee' }, { now, timeZone: 'America/New_York' });
  }, 9, 2);
  record('Drafted emails', [
    { metric: 'drafts generated per second (3 kinds × 3 wordings, 4 zones)', value: Math.round(n / (ms / 1000)), unit: 'drafts/s' },
    { metric: 'one draft', value: Number((ms / n).toFixed(4)), unit: 'ms' },
    { metric: 'draft + its pressing-words check', value: Number((checked / interviews.length).toFixed(4)), unit: 'ms' },
    { metric: 'call scripts per second', value: Math.round(interviews.length / (scripts / 1000)), unit: 'scripts/s' },
  ]);
});
