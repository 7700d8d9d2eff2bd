/**
 * "Log this interview" from an email (issue 15): the open message's facts become the popup
 * form's entries, for the user to review and save (nothing is saved here). A calendar invitation
 * wins where there is one (.ics: exact start, end and attendees; a site's invite card: its text);
 * otherwise the first future date and time the message states, in the user's zone.
 */
import { isValidTimeZone, localDayOf, MINUTE_MS, wallClockMs, formatDay } from '../domain/calendar';
import { domainOf, isPublicDomain, normalAddress } from '../domain/replies';
import type { EmailFacts, FormDraft } from '../shared/protocol';
import { firstFutureTime, parseShownTime, statedDuration, type FoundTime } from './email-dates';

type Person = { name: string; email: string };
export type EmailReading = { fields: FormDraft['fields']; durationMinutes?: number };

// ---------------------------------------------------------------------------
// .ics (RFC 5545): only VEVENT's DTSTART, DTEND, DURATION, SUMMARY, ORGANIZER and ATTENDEE

/** Content lines, unfolded (a line starting with a space or tab continues the previous one). */
function icsLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

/** "DTSTART;TZID=America/New_York:20261203T140000" → instant; a date without a time is no appointment. */
function icsTime(params: string, value: string, zone: string): number | undefined {
  // schema.org microdata gives ISO 8601 ("2026-12-03T19:00:00Z", "…T14:00-05:00").
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) return Date.parse(value.trim());
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})?(Z)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, , z] = m;
  if (z) return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!);
  const tzid = /(?:^|;)TZID=("?)([^;":]+)\1/i.exec(params)?.[2];
  const tz = tzid && isValidTimeZone(tzid) ? tzid : zone;
  return wallClockMs(Math.round(Date.UTC(+y!, +mo! - 1, +d!) / 86_400_000), +h! * 60 + +mi!, tz);
}

/** "PT45M", "PT1H30M" → minutes. */
function icsDuration(value: string): number | undefined {
  const m = /^P(?:T(?:(\d+)H)?(?:(\d+)M)?)$/i.exec(value.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

function icsPerson(params: string, value: string): Person | undefined {
  const email = normalAddress(value.replace(/^mailto:/i, ''));
  if (!email.includes('@')) return undefined;
  const cn = /(?:^|;)CN=("?)([^;"]*)\1/i.exec(params)?.[2] ?? '';
  return { name: cn.trim(), email };
}

export type Invitation = { time?: FoundTime; people: Person[]; summary?: string };

/** schema.org Event properties (the microdata calendar invitations carry), as their .ics names. */
const MICRODATA: Record<string, string> = { STARTDATE: 'DTSTART', ENDDATE: 'DTEND', NAME: 'SUMMARY' };

/** The first event of an .ics text, or of schema.org Event properties given as "startDate:…" lines. */
export function readIcs(text: string, zone: string): Invitation | undefined {
  const ics = /BEGIN:VEVENT/i.test(text);
  if (!ics && !/^startDate:/im.test(text)) return undefined;
  const out: Invitation = { people: [] };
  let start: number | undefined;
  let end: number | undefined;
  let minutes: number | undefined;
  let inEvent = !ics;
  for (const line of icsLines(text)) {
    if (/^BEGIN:VEVENT/i.test(line)) inEvent = true;
    else if (/^END:VEVENT/i.test(line)) break;
    if (!inEvent) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const semi = head.indexOf(';');
    const raw = (semi < 0 ? head : head.slice(0, semi)).toUpperCase();
    const name = ics ? raw : (MICRODATA[raw] ?? raw);
    const params = semi < 0 ? '' : head.slice(semi + 1);
    if (name === 'DTSTART') start = icsTime(params, value, zone);
    else if (name === 'DTEND') end = icsTime(params, value, zone);
    else if (name === 'DURATION') minutes = icsDuration(value);
    else if (name === 'SUMMARY') out.summary = value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ').trim();
    else if (name === 'ORGANIZER' || name === 'ATTENDEE') {
      const p = icsPerson(params, value);
      if (p && !out.people.some((q) => q.email === p.email)) out.people.push(p);
    }
  }
  if (start !== undefined) {
    const stop = end ?? (minutes !== undefined ? start + minutes * MINUTE_MS : undefined);
    out.time = stop !== undefined && stop > start ? { start, end: stop } : { start };
  }
  return out;
}

// ---------------------------------------------------------------------------
// Company, people and role

/** "acme.com" → "Acme"; "mail.acme-robotics.co.uk" → "Acme Robotics". */
export function companyFromDomain(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  // Drop the public suffix: one label, or two for the usual second-level ones ("co.uk", "com.au").
  let i = labels.length - 1;
  if (i >= 2 && /^(co|com|org|net|ac|gov|edu)$/.test(labels[i - 1]!) && labels[i]!.length === 2) i--;
  const name = labels[i - 1] ?? '';
  return name
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A display name, or one made from the address ("priya.raman@…" → "Priya Raman"). */
function nameOf(p: Person): string {
  const shown = p.name.replace(/^["']|["']$/g, '').trim();
  if (shown && !shown.includes('@')) return shown;
  const local = p.email.split('@')[0] ?? '';
  return local
    .split(/[._-]+/)
    .filter((w) => /^[a-z]+$/i.test(w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

/** Recruiting systems and no-reply senders are not people to thank. */
const NOT_A_PERSON = /^(no-?reply|do-?not-?reply|notifications?|calendar|careers|jobs|recruiting|talent|hr|hiring|team|info|mailer-daemon)\b/i;

/** The role a subject names: "Interview for Senior Analyst at Acme", "Senior Analyst interview – Acme", "Invitation: Product Designer interview @ Thu…". */
export function roleFromSubject(subject: string, company: string): string {
  let s = subject.replace(/^\s*((re|fwd?|aw|wg|tr|sv|vs)\s*:\s*)+/i, '').replace(/^\s*(updated\s+)?invitation\s*:\s*/i, '');
  s = s.replace(/\s+@\s+.*$/, ''); // Google Calendar: "Title @ Thu Dec 3, 2026 2pm - 2:45pm (EST) (you@…)"
  const after = /\b(?:interview(?:ing)?|position|role|opening|application)\s+(?:for|as)\s+(?:the\s+|a\s+|an\s+|our\s+)?(.+)$/i.exec(s);
  const before = /^(.+?)\s+(?:interview|position|role|opening)\b/i.exec(s);
  let role = (after?.[1] ?? before?.[1] ?? '').trim();
  role = role.replace(/\s+(?:position|role|opening)\b.*$/i, '');
  if (company) role = role.replace(new RegExp(`\\s*(?:\\bat\\b|\\bwith\\b|[-–—|@,:]|\\bfor\\b)\\s*${company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*$`, 'i'), '');
  role = role.replace(/\s+(?:at|with)\s+[A-Z][\w&.-]*(\s+[A-Z][\w&.-]*)*\s*$/, '');
  role = role.replace(/^(?:your|the|our)\s+/i, '').replace(/[\s\-–—|:,.!]+$/, '').trim();
  return role.length > 200 ? role.slice(0, 200) : role;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DDTHH:mm" in `zone`: what the form's date-time input holds. */
function localInput(ms: number, zone: string): string {
  const day = localDayOf(ms, zone);
  const minutes = Math.round((ms - wallClockMs(day, 0, zone)) / MINUTE_MS);
  return `${formatDay(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The form's entries from an email: the company (the sender's domain, or the invitation's
 * organiser's), the people on the employer's domain, the role from the subject, and the time.
 */
export function readEmail(email: EmailFacts, zone: string, now: number): EmailReading {
  // The invitation: the site's (microdata lines from the page), else .ics text shown in the body.
  const at = email.text.indexOf('BEGIN:VEVENT');
  const ics = email.ics || (at < 0 ? '' : email.text.slice(at, at + 5_000));
  const invitation = ics ? (readIcs(ics, zone) ?? { people: [], time: firstFutureTime(ics, zone, now) }) : undefined;
  const everyone: Person[] = [email.from, ...email.to, ...(invitation?.people ?? [])]
    .map((p) => ({ name: p.name ?? '', email: normalAddress(p.email) }))
    .filter((p) => p.email.includes('@'));
  // The employer's domain: the invitation's organiser's (a calendar sends it on their behalf), else the
  // sender's, unless a public provider (then the first other company domain).
  const employer = [...(invitation?.people ?? []), email.from, ...email.to].map((p) => domainOf(p.email)).find((d) => d && !isPublicDomain(d)) ?? '';
  const company = employer ? companyFromDomain(employer) : '';
  const contacts: FormDraft['fields']['contacts'] = [];
  for (const p of everyone) {
    const onEmployer = employer ? domainOf(p.email) === employer : p.email === normalAddress(email.from.email);
    if (!onEmployer || contacts.some((c) => c.email === p.email)) continue;
    if (NOT_A_PERSON.test(p.email.split('@')[0] ?? '')) continue;
    contacts.push({ name: nameOf(p), email: p.email });
  }
  const text = `${email.subject}\n${email.text}`;
  const time = invitation?.time ?? firstFutureTime(text, zone, now);
  const minutes = time?.end !== undefined ? Math.round((time.end - time.start) / MINUTE_MS) : statedDuration(text);
  const role = roleFromSubject(invitation?.summary && !email.subject ? invitation.summary : email.subject, company) || (invitation?.summary ? roleFromSubject(invitation.summary, company) : '');
  const received = email.time ? parseShownTime(email.time, zone, now) : undefined;
  const notes = [`From the email "${email.subject.trim().slice(0, 200)}"`, received !== undefined ? ` (${localInput(received, zone).replace('T', ' ')})` : '', '.'].join('');
  const fields: FormDraft['fields'] = {
    company,
    role,
    interviewAt: time ? localInput(time.start, zone) : '',
    contacts: contacts.length ? contacts.slice(0, 20) : [{ name: '', email: '' }],
    decisionExpectedBy: '',
    invitedToCall: false,
    callCustomary: false,
    hasOtherOffers: false,
    topic: '',
    notes,
  };
  return minutes !== undefined && minutes > 0 && minutes <= 1_440 ? { fields, durationMinutes: minutes } : { fields };
}
