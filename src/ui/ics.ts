/**
 * Upcoming follow-ups as an iCalendar file (RFC 5545): one VEVENT per pending step, at its
 * reminder time in UTC, with a stable UID per interview, step and round so importing a newer
 * export updates events instead of duplicating them. Lines end in CRLF and are folded at
 * 75 octets without splitting a UTF-8 character; TEXT values are escaped (§3.3.11).
 */
import { planFollowUps } from '../domain/plan';
import type { FollowUpStep, Interview, Settings } from '../domain/types';
import { formatDateTime, type Fmt } from '../shared/format';
import { t } from '../shared/i18n';
import { stepName } from './steps';

export type IcsEvent = {
  uid: string;
  /** Epoch ms. */
  start: number;
  minutes: number;
  summary: string;
  description?: string;
};

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT escaping: backslash, semicolon, comma, and newlines as \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let chunk = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(chunk);
      chunk = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    chunk += ch;
    octets += size;
  }
  out.push(chunk);
  return out.join(`${CRLF} `);
}

/** "20261124T150000Z" */
export function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function buildIcs(events: IcsEvent[], nowMs: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FollowUp//Interview follow-ups//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(t('ics_calendarName'))}`];
  const stamp = utcStamp(nowMs);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DURATION:PT${Math.max(1, Math.round(e.minutes))}M`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary)}`, 'TRIGGER:PT0M', 'END:VALARM', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

const uidPart = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

function describe(iv: Interview, step: FollowUpStep, fmt: Fmt): string {
  const who = iv.contacts.map((c) => (c.email ? `${c.name} <${c.email}>` : c.name)).filter(Boolean).join(', ');
  const lines = [t('ics_interviewed', iv.role, iv.company, formatDateTime(iv.interviewAt, fmt))];
  if (who) lines.push(t('ics_with', who));
  lines.push(step.kind === 'move-on' ? t('ics_moveOnHint') : t('ics_emailHint'));
  if (step.kind === 'thank-you' && step.dueBy) lines.push(t('ics_sendBy', formatDateTime(step.dueBy, fmt)));
  return lines.join('\n');
}

/** Pending steps of open interviews whose reminder is still ahead, soonest first. */
export function upcomingEvents(interviews: readonly Interview[], settings: Settings, nowMs: number, locale?: string): IcsEvent[] {
  const fmt: Fmt = { timeZone: settings.timeZone, ...(locale ? { locale } : {}) };
  const events: IcsEvent[] = [];
  for (const iv of interviews) {
    let steps: FollowUpStep[];
    try {
      steps = planFollowUps(iv, settings);
    } catch {
      continue;
    }
    for (const s of steps) {
      const start = Date.parse(s.notifyAt);
      if (s.status !== 'pending' || !(start >= nowMs)) continue;
      events.push({
        uid: `${uidPart(iv.id)}-${s.kind}-${s.round}@followup.invalid`,
        start,
        minutes: 15,
        summary: t('ics_summary', stepName(s.kind), iv.company, iv.role),
        description: describe(iv, s, fmt),
      });
    }
  }
  return events.sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
}
