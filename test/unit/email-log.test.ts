// Log from an email (issue 15): dates in the user's zone over many phrasings and zones (chrono-node
// in the background), calendar invitations (.ics and schema.org microdata), company, people, role.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, zonedDateTime } from '../../src/domain/calendar';
import { firstFutureTime, parseShownTime, statedDuration } from '../../src/background/email-dates';
import { companyFromDomain, readEmail, readIcs, roleFromSubject } from '../../src/background/email-log';
import type { EmailFacts } from '../../src/shared/protocol';

const NOW = Date.parse('2026-11-30T15:00:00.000Z'); // Mon 30 Nov 2026, 10:00 in New York
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'];
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('message times as the webmails show them', () => {
  it.each([
    ['Tue, Dec 1, 2026, 10:42 AM', '2026-12-01T15:42:00.000Z'],
    ['Tue 12/1/2026 10:42 AM', '2026-12-01T15:42:00.000Z'],
    ['Dec 1, 2026, 10:42 AM', '2026-12-01T15:42:00.000Z'],
    ['10:42 AM', '2026-11-30T15:42:00.000Z'],
    ['2026-12-01T15:42:00Z', '2026-12-01T15:42:00.000Z'],
  ])('%s (New York)', (text, expected) => {
    expect(iso(parseShownTime(text, 'America/New_York', NOW))).toBe(expected);
  });

  it('a date without a time of day, or no date at all, is not a time', () => {
    expect(parseShownTime('Dec 1', 'America/New_York', NOW)).toBeUndefined();
    expect(parseShownTime('', 'America/New_York', NOW)).toBeUndefined();
    expect(parseShownTime('yesterday-ish', 'America/New_York', NOW)).toBeUndefined();
  });
});

describe('the first future date and time a message states', () => {
  const phrasings: [string, string, string][] = [
    ['Would Thursday at 2pm work for you?', '2026-12-03', '14:00'],
    ['Are you free on December 3 at 2:30 PM?', '2026-12-03', '14:30'],
    ['Let us meet on 3 December 2026 at 14:00.', '2026-12-03', '14:00'],
    ['We can do Wed, Dec 2 at 11:15 am.', '2026-12-02', '11:15'],
    ['Your interview is scheduled for Friday, December 4, 2026 from 1:00 PM to 2:00 PM.', '2026-12-04', '13:00'],
    ['On Mon, Nov 23, 2026 at 9:00 AM Priya wrote: Would next Tuesday at 3pm suit you?', '2026-12-08', '15:00'],
  ];

  it.each(phrasings)('"%s"', (text, day, time) => {
    for (const zone of ZONES) {
      const found = firstFutureTime(text, zone, NOW);
      expect(iso(found?.start), zone).toBe(zonedDateTime(day, time, zone));
    }
  });

  it('"tomorrow" is the day after the user\'s today, in their zone', () => {
    for (const zone of ZONES) {
      const tomorrow = localDate(NOW + 86_400_000, zone);
      expect(iso(firstFutureTime('How about tomorrow at 9am?', zone, NOW)?.start), zone).toBe(zonedDateTime(tomorrow, '09:00', zone));
    }
  });

  it('a range gives the end; a stated length is read', () => {
    const r = firstFutureTime('Thursday Dec 3, 2026 ⋅ 2pm – 2:45pm (Eastern Time - New York)', 'America/New_York', NOW);
    expect([iso(r?.start), iso(r?.end)]).toEqual(['2026-12-03T19:00:00.000Z', '2026-12-03T19:45:00.000Z']);
    expect(statedDuration('a 45-minute video call')).toBe(45);
    expect(statedDuration('it takes about 1 hour')).toBe(60);
    expect(statedDuration('half an hour')).toBe(30);
    expect(statedDuration('see you soon')).toBeUndefined();
  });

  it('a time with its own zone is that instant wherever the user is', () => {
    for (const zone of ZONES) expect(iso(firstFutureTime('Call on December 3 at 2pm GMT', zone, NOW)?.start)).toBe('2026-12-03T14:00:00.000Z');
  });

  it('property: any future day and time written out is found, on that day and at that time in the user\'s zone', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 7, max: 19 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.constantFrom(...ZONES),
        fc.constantFrom('Would {d} at {t} work?', 'Are you available on {d}, {t}?', 'Interview: {d} at {t}.'),
        (ahead, hour, minute, zone, template) => {
          const day = localDate(NOW + ahead * 86_400_000, zone);
          const [y, m, d] = day.split('-').map(Number) as [number, number, number];
          const h12 = hour % 12 === 0 ? 12 : hour % 12;
          const t = `${h12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
          const text = template.replace('{d}', `${MONTHS[m - 1]} ${d}, ${y}`).replace('{t}', t);
          const found = firstFutureTime(text, zone, NOW);
          expect(iso(found?.start)).toBe(zonedDateTime(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, zone));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('calendar invitations', () => {
  const ICS = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'DTSTART;TZID=America/New_York:20261203T140000',
    'DTEND;TZID=America/New_York:20261203T144500',
    'SUMMARY:Product Designer interview\\, Acme',
    'ORGANIZER;CN=Priya Raman:mailto:priya@acme.example',
    'ATTENDEE;CN="Sam Ode";ROLE=REQ-PARTICIPANT:mailto:sam@acme.example',
    'ATTENDEE;CN=Alex Morgan:mailto:',
    ' alex@gmail.com',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('.ics gives the exact start, end and attendees (folded lines, quoted names, TZID)', () => {
    const inv = readIcs(ICS, 'Europe/London')!;
    expect([iso(inv.time?.start), iso(inv.time?.end)]).toEqual(['2026-12-03T19:00:00.000Z', '2026-12-03T19:45:00.000Z']);
    expect(inv.people).toEqual([
      { name: 'Priya Raman', email: 'priya@acme.example' },
      { name: 'Sam Ode', email: 'sam@acme.example' },
      { name: 'Alex Morgan', email: 'alex@gmail.com' },
    ]);
    expect(inv.summary).toBe('Product Designer interview, Acme');
  });

  it('schema.org Event microdata (what invitation emails carry) reads the same', () => {
    const inv = readIcs('startDate:2026-12-03T19:00:00Z\nendDate:2026-12-03T19:45:00Z\nname:Product Designer interview', 'Asia/Tokyo')!;
    expect([iso(inv.time?.start), iso(inv.time?.end)]).toEqual(['2026-12-03T19:00:00.000Z', '2026-12-03T19:45:00.000Z']);
  });

  it('the invitation wins over dates in the text, and fills the people on the employer\'s domain', () => {
    const email: EmailFacts = {
      from: { name: 'Google Calendar', email: 'calendar-notification@google.com' },
      to: [{ name: 'Alex', email: 'alex@gmail.com' }],
      subject: 'Invitation: Product Designer interview @ Thu Dec 3, 2026 2pm - 2:45pm (EST) (alex@gmail.com)',
      text: 'Reply by Monday at 5pm.',
      ics: ICS,
    };
    const r = readEmail(email, 'America/New_York', NOW);
    expect(r.fields).toMatchObject({ company: 'Acme', role: 'Product Designer', interviewAt: '2026-12-03T14:00' });
    expect(r.fields.contacts).toEqual([
      { name: 'Priya Raman', email: 'priya@acme.example' },
      { name: 'Sam Ode', email: 'sam@acme.example' },
    ]);
    expect(r.durationMinutes).toBe(45);
  });
});

describe('company, people and role', () => {
  it.each([
    ['acme.com', 'Acme'],
    ['mail.acme-robotics.co.uk', 'Acme Robotics'],
    ['globex.io', 'Globex'],
  ])('company of %s is %s', (domain, company) => expect(companyFromDomain(domain)).toBe(company));

  it.each([
    ['Interview for Senior Analyst at Acme', 'Acme', 'Senior Analyst'],
    ['Re: Interview for the Senior Analyst position', 'Acme', 'Senior Analyst'],
    ['Product Designer interview – Acme', 'Acme', 'Product Designer'],
    ['Fwd: Your application for Data Engineer with Globex', 'Globex', 'Data Engineer'],
    ['Next steps', 'Acme', ''],
  ])('role of "%s"', (subject, company, role) => expect(roleFromSubject(subject, company)).toBe(role));

  it('a recruiter on a public mail provider: the company comes from the other people, no-reply senders are not contacts', () => {
    const r = readEmail(
      {
        from: { name: 'Jo Recruiter', email: 'jo.recruits@gmail.com' },
        to: [
          { name: 'Alex', email: 'alex@gmail.com' },
          { name: '', email: 'no-reply@initech.example' },
          { name: 'Bill Lumbergh', email: 'bill@initech.example' },
        ],
        subject: 'Interview for QA Lead at Initech',
        text: 'Can you do December 7 at 10am?',
      },
      'America/Chicago',
      NOW,
    );
    expect(r.fields).toMatchObject({ company: 'Initech', role: 'QA Lead', interviewAt: '2026-12-07T10:00', contacts: [{ name: 'Bill Lumbergh', email: 'bill@initech.example' }] });
  });

  it('a message with no date leaves the time blank for the user, never a guess', () => {
    const r = readEmail({ from: { name: 'Priya', email: 'priya@acme.example' }, to: [], subject: 'Hello', text: 'Thanks for applying!' }, 'America/New_York', NOW);
    expect(r.fields.interviewAt).toBe('');
    expect(r.durationMinutes).toBeUndefined();
  });
});
