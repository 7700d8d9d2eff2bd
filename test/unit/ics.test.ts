import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFollowUps } from '../../src/domain/plan';
import type { Interview } from '../../src/domain/types';
import { installFallbackMessages } from '../support/test-connection';
import { buildIcs, escapeText, foldLine, upcomingEvents, utcStamp } from '../../src/ui/ics';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../support/samples';

beforeAll(() => installFallbackMessages());

const octets = (s: string): number => new TextEncoder().encode(s).length;

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().getTime(), utc: e.startDate.zone?.tzid, summary: e.summary, description: e.description, minutes: e.duration.toSeconds() / 60 };
  });
}

describe('ICS text rules (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(30)}${'😀'.repeat(20)}${'x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76)).split('\r\n').map(octets)).toEqual([75, 2]);
  });

  it('writes UTC stamps', () => {
    expect(utcStamp(Date.parse('2026-11-24T15:00:00.000Z'))).toBe('20261124T150000Z');
  });

  it('ends every line with CRLF and round-trips awkward text through a real parser', () => {
    const summary = 'Thank-you: Smith, Jones; Partners (Counsel) — “café” 😀 ' + 'long '.repeat(20);
    const description = 'Line one, with comma; and semicolon\nLine two \\ backslash';
    const text = buildIcs([{ uid: 'a-thank-you-1@followup.invalid', start: Date.parse('2026-11-24T16:00:00Z'), minutes: 15, summary, description }], SAMPLE_NOW);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const [event] = parse(text);
    expect(event).toMatchObject({ uid: 'a-thank-you-1@followup.invalid', start: Date.parse('2026-11-24T16:00:00Z'), utc: 'UTC', summary, description, minutes: 15 });
  });
});

describe('upcoming follow-ups as events', () => {
  it('holds one event per pending step still ahead, at its reminder time, with unique UIDs', () => {
    const interviews = sampleInterviews();
    const text = buildIcs(upcomingEvents(interviews, SAMPLE_SETTINGS, SAMPLE_NOW, 'en-US'), SAMPLE_NOW);
    const events = parse(text);
    const expected: { uid: string; start: number }[] = [];
    for (const iv of interviews) {
      for (const s of planFollowUps(iv, SAMPLE_SETTINGS)) {
        if (s.status === 'pending' && Date.parse(s.notifyAt) >= SAMPLE_NOW) expected.push({ uid: `${iv.id}-${s.kind}-${s.round}@followup.invalid`, start: Date.parse(s.notifyAt) });
      }
    }
    expect(expected.length).toBeGreaterThan(2);
    expect(events.map((e) => ({ uid: e.uid, start: e.start })).sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(expected.sort((a, b) => a.uid.localeCompare(b.uid)));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // Closed (Hooli) and paused (Stark) interviews contribute nothing; past reminders are left out.
    expect(events.some((e) => e.uid.startsWith('hooli') || e.uid.startsWith('stark'))).toBe(false);
    expect(events.every((e) => e.start >= SAMPLE_NOW)).toBe(true);
    const initech = events.find((e) => e.uid === 'initech-status-inquiry-1@followup.invalid')!;
    expect(initech.start).toBe(Date.parse('2026-11-25T15:00:00Z'));
    expect(initech.summary).toBe('Status inquiry: Initech (Data Analyst)');
    expect(initech.description).toMatch(/Your interview for Data Analyst at Initech on Mon, Nov 16, 2026, 9:00 AM\.\nWith Priya Raman <priya@initech.example>\./);
  });

  it('skips a record that cannot be planned instead of failing the export', () => {
    const broken = { ...sampleInterviews()[0]!, id: 'broken', interviewAt: 'not a date' } as Interview;
    expect(() => upcomingEvents([broken, ...sampleInterviews()], SAMPLE_SETTINGS, SAMPLE_NOW)).not.toThrow();
    expect(upcomingEvents([broken], SAMPLE_SETTINGS, SAMPLE_NOW)).toEqual([]);
  });

  it('escapes characters from an id into a valid UID', () => {
    const iv = { ...sampleInterviews()[0]!, id: 'a b/c' };
    const [e] = upcomingEvents([iv], SAMPLE_SETTINGS, Date.parse('2026-11-24T12:00:00Z'));
    expect(e!.uid).toBe('a%20b%2fc-thank-you-1@followup.invalid');
  });
});
