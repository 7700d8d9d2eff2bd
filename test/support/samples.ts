/**
 * Example data for unit tests, screenshots and the bench: a handful of interviews in every
 * state around one fixed moment, and a generator for many. Not imported by the extension's pages.
 */
import type { Interview, Settings } from '../../src/domain/types';

/** Tuesday 2026-11-24, 12:30 in New York. */
export const SAMPLE_NOW = Date.parse('2026-11-24T17:30:00Z');

export const SAMPLE_SETTINGS: Settings = {
  timeZone: 'America/New_York',
  workWeek: [1, 2, 3, 4, 5],
  holidays: [],
  dayStart: '08:00',
  dayEnd: '20:00',
  preferredTime: '10:00',
};

const at = (iso: string): string => new Date(iso).toISOString();

export function sampleInterviews(): Interview[] {
  return [
    {
      id: 'acme',
      company: 'Acme Corp',
      role: 'Frontend Engineer',
      interviewAt: at('2026-11-24T14:00:00Z'),
      contacts: [{ name: 'Dana Whitfield', email: 'dana@acme.example' }, { name: 'Lee Park' }],
      topic: 'their design system migration',
      history: [],
    },
    {
      id: 'globex',
      company: 'Globex',
      role: 'Product Designer',
      interviewAt: at('2026-11-17T19:00:00Z'),
      contacts: [{ name: 'Sam Ortiz', email: 'sam@globex.example' }],
      history: [{ type: 'sent', step: 'thank-you', at: at('2026-11-17T22:00:00Z') }],
    },
    {
      id: 'initech',
      company: 'Initech',
      role: 'Data Analyst',
      interviewAt: at('2026-11-16T14:00:00Z'),
      contacts: [{ name: 'Priya Raman', email: 'priya@initech.example' }],
      decisionExpectedBy: '2026-11-20',
      invitedToCall: true,
      history: [{ type: 'sent', step: 'thank-you', at: at('2026-11-16T17:00:00Z') }],
    },
    {
      id: 'umbrella',
      company: 'Umbrella Health',
      role: 'Backend Developer',
      interviewAt: at('2026-11-09T15:00:00Z'),
      contacts: [{ name: 'Chris Nolan', email: 'chris@umbrella.example' }],
      history: [
        { type: 'sent', step: 'thank-you', at: at('2026-11-09T18:00:00Z') },
        { type: 'sent', step: 'status-inquiry', at: at('2026-11-16T15:00:00Z') },
      ],
    },
    {
      id: 'wayne',
      company: 'Wayne Enterprises',
      role: 'QA Lead',
      interviewAt: at('2026-11-19T20:00:00Z'),
      contacts: [{ name: 'Lucius Fox' }],
      history: [],
    },
    {
      id: 'stark',
      company: 'Stark Industries',
      role: 'Solutions Architect',
      interviewAt: at('2026-11-10T16:00:00Z'),
      contacts: [],
      history: [
        { type: 'sent', step: 'thank-you', at: at('2026-11-10T19:00:00Z') },
        { type: 'reply', at: at('2026-11-18T16:00:00Z') },
      ],
    },
    {
      id: 'hooli',
      company: 'Hooli',
      role: 'Platform Engineer',
      interviewAt: at('2026-11-02T15:00:00Z'),
      contacts: [{ name: 'Gavin B.' }],
      history: [
        { type: 'sent', step: 'thank-you', at: at('2026-11-02T18:00:00Z') },
        { type: 'outcome', outcome: 'offer', at: at('2026-11-12T18:00:00Z') },
      ],
    },
  ];
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Wayne', 'Stark', 'Hooli', 'Pied Piper', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka'];
const ROLES = ['Engineer', 'Designer', 'Analyst', 'Manager', 'Developer', 'Architect'];

/** `n` interviews spread over the 90 days before `nowMs`, in mixed states (for the 1,000-interview bench and tests). */
export function manyInterviews(n: number, nowMs = SAMPLE_NOW): Interview[] {
  const out: Interview[] = [];
  for (let i = 0; i < n; i++) {
    const start = nowMs - ((i * 7919) % (90 * 24)) * 3_600_000 - 3_600_000;
    const history: Interview['history'] = [];
    if (i % 3 !== 0) history.push({ type: 'sent', step: 'thank-you', at: new Date(start + 3 * 3_600_000).toISOString() });
    if (i % 7 === 0) history.push({ type: 'outcome', outcome: 'rejected', at: new Date(start + 5 * 86_400_000).toISOString() });
    out.push({
      id: `bulk-${i}`,
      company: `${COMPANIES[i % COMPANIES.length]} ${Math.floor(i / COMPANIES.length) + 1}`,
      role: ROLES[i % ROLES.length]!,
      interviewAt: new Date(start).toISOString(),
      contacts: [{ name: `Person ${i}`, email: `person${i}@example.com` }],
      ...(i % 4 === 0 ? { decisionExpectedBy: new Date(start + 7 * 86_400_000).toISOString().slice(0, 10) } : {}),
      history,
    });
  }
  return out;
}
