import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultProfile,
  defaultSettings,
  validateEvent,
  validateInterview,
  validateInterviewInput,
  validateProfile,
  validateSettings,
  type Validation,
} from '../../src/domain/model';
import type { Settings } from '../../src/domain/types';

const NY: Settings = { ...defaultSettings('America/New_York') };

const form = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  company: 'Acme',
  role: 'Analyst',
  interviewAt: '2026-11-17T14:00',
  ...extra,
});

/** The message reported for `field`, failing the test when the result is valid. */
function messageFor<T>(result: Validation<T>, field: string): string | undefined {
  expect(result.ok).toBe(false);
  if (result.ok) return undefined;
  return result.issues.find((i) => i.field === field)?.message;
}

describe('validateInterviewInput', () => {
  it('accepts a form, trims text, reads a local time in the user zone and drops empty optional fields', () => {
    const result = validateInterviewInput(
      form({
        company: '  Acme  ',
        role: '\tAnalyst\n',
        interviewAt: '2026-11-17T14:00',
        contacts: [{ name: ' Dana Levi ', email: ' dana@acme.example ', title: '' }],
        decisionExpectedBy: '2026-11-20',
        topic: '',
        notes: null,
        invitedToCall: true,
        durationMinutes: 45,
        unknownField: 'dropped',
      }),
      NY,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        company: 'Acme',
        role: 'Analyst',
        interviewAt: '2026-11-17T19:00:00.000Z',
        contacts: [{ name: 'Dana Levi', email: 'dana@acme.example' }],
        decisionExpectedBy: '2026-11-20',
        invitedToCall: true,
        durationMinutes: 45,
      },
    });
  });

  it('accepts an ISO instant with an offset and stores it in UTC', () => {
    const result = validateInterviewInput(form({ interviewAt: '2026-11-17T14:00:00-05:00' }), NY);
    expect(result.ok && result.value.interviewAt).toBe('2026-11-17T19:00:00.000Z');
    const kolkata = validateInterviewInput(form({ interviewAt: '2026-11-17T10:00' }), { ...NY, timeZone: 'Asia/Kolkata' });
    expect(kolkata.ok && kolkata.value.interviewAt).toBe('2026-11-17T04:30:00.000Z');
  });

  it('accepts any Unicode and counts an emoji as one character', () => {
    const company = '株式会社 Ünïcødé 🚀 שלום';
    const ok = validateInterviewInput(form({ company, role: '🚀'.repeat(200) }), NY);
    expect(ok.ok && ok.value.company).toBe(company);
    expect(messageFor(validateInterviewInput(form({ role: '🚀'.repeat(201) }), NY), 'role')).toBe('Role is too long (200 characters at most)');
  });

  it.each([
    { extra: { company: undefined }, field: 'company', message: 'Company is missing' },
    { extra: { company: '   ' }, field: 'company', message: 'Company is missing' },
    { extra: { company: 42 }, field: 'company', message: 'Company is missing' },
    { extra: { company: 'x'.repeat(201) }, field: 'company', message: 'Company name is too long (200 characters at most)' },
    { extra: { role: '' }, field: 'role', message: 'Role is missing' },
    { extra: { role: 'x'.repeat(201) }, field: 'role', message: 'Role is too long (200 characters at most)' },
    { extra: { interviewAt: undefined }, field: 'interviewAt', message: 'Interview date is missing' },
    { extra: { interviewAt: '  ' }, field: 'interviewAt', message: 'Interview date is missing' },
    { extra: { interviewAt: 'next Tuesday' }, field: 'interviewAt', message: 'Interview date is not a valid date and time' },
    { extra: { interviewAt: '2026-02-30T10:00' }, field: 'interviewAt', message: 'Interview date is not a valid date and time' },
    { extra: { interviewAt: '2026-11-17T25:00' }, field: 'interviewAt', message: 'Interview date is not a valid date and time' },
    { extra: { interviewAt: '1900-01-01T10:00:00Z' }, field: 'interviewAt', message: 'Interview date is not a valid date and time' },
    { extra: { durationMinutes: 0 }, field: 'durationMinutes', message: 'Interview length must be at least 1 minute' },
    { extra: { durationMinutes: 1.5 }, field: 'durationMinutes', message: 'Interview length must be a whole number of minutes' },
    { extra: { durationMinutes: 1441 }, field: 'durationMinutes', message: 'Interview length must be 24 hours (1,440 minutes) at most' },
    { extra: { durationMinutes: '60' }, field: 'durationMinutes', message: 'Interview length must be a number of minutes' },
    { extra: { durationMinutes: Number.NaN }, field: 'durationMinutes', message: 'Interview length must be a number of minutes' },
    { extra: { contacts: 'Dana' }, field: 'contacts', message: 'Interviewers must be a list' },
    { extra: { contacts: Array.from({ length: 21 }, () => ({ name: 'A' })) }, field: 'contacts', message: 'Too many interviewers (20 at most)' },
    { extra: { contacts: ['Dana'] }, field: 'contacts.0', message: 'That interviewer could not be read' },
    { extra: { contacts: [{ name: 'A' }, { name: ' ' }] }, field: 'contacts.1.name', message: 'Interviewer name is missing' },
    { extra: { contacts: [{ name: 'x'.repeat(201) }] }, field: 'contacts.0.name', message: 'Interviewer name is too long (200 characters at most)' },
    { extra: { contacts: [{ name: 'A', email: 'dana@' }] }, field: 'contacts.0.email', message: 'That email address is not valid' },
    { extra: { contacts: [{ name: 'A', email: 'dana at acme.com' }] }, field: 'contacts.0.email', message: 'That email address is not valid' },
    { extra: { contacts: [{ name: 'A', email: 7 }] }, field: 'contacts.0.email', message: 'That email address is not valid' },
    { extra: { contacts: [{ name: 'A', email: `${'a'.repeat(310)}@example.com` }] }, field: 'contacts.0.email', message: 'That email address is too long (320 characters at most)' },
    { extra: { contacts: [{ name: 'A', title: 'x'.repeat(201) }] }, field: 'contacts.0.title', message: 'Interviewer title is too long (200 characters at most)' },
    { extra: { decisionExpectedBy: '2026-02-30' }, field: 'decisionExpectedBy', message: 'The decision date is not a valid date' },
    { extra: { decisionExpectedBy: '20 Nov' }, field: 'decisionExpectedBy', message: 'The decision date is not a valid date' },
    { extra: { decisionExpectedBy: '2026-11-16' }, field: 'decisionExpectedBy', message: 'The decision date is before the interview' },
    { extra: { invitedToCall: 'yes' }, field: 'invitedToCall', message: '"Invited to call" must be yes or no' },
    { extra: { callCustomary: 1 }, field: 'callCustomary', message: '"Usually follow up by phone" must be yes or no' },
    { extra: { hasOtherOffers: 'no' }, field: 'hasOtherOffers', message: '"Other offers" must be yes or no' },
    { extra: { topic: 'x'.repeat(501) }, field: 'topic', message: 'Topic is too long (500 characters at most)' },
    { extra: { topic: ['a'] }, field: 'topic', message: 'Topic must be text' },
    { extra: { notes: 'x'.repeat(5001) }, field: 'notes', message: 'Notes are too long (5,000 characters at most)' },
  ])('$field: $message', ({ extra, field, message }) => {
    expect(messageFor(validateInterviewInput(form(extra), NY), field)).toBe(message);
  });

  it('accepts values right at the limits', () => {
    const result = validateInterviewInput(
      form({
        company: 'x'.repeat(200),
        topic: 'x'.repeat(500),
        notes: 'x'.repeat(5000),
        durationMinutes: 1440,
        contacts: Array.from({ length: 20 }, (_, i) => ({ name: `P${i}`, email: `${'a'.repeat(300)}@example.com` })),
      }),
      NY,
    );
    expect(result.ok).toBe(true);
  });

  it('checks the decision date against the interview day in the user zone', () => {
    // 2026-11-17T03:00Z is still Nov 16 in New York but Nov 17 in UTC.
    const input = form({ interviewAt: '2026-11-17T03:00:00Z', decisionExpectedBy: '2026-11-16' });
    expect(validateInterviewInput(input, NY).ok).toBe(true);
    expect(messageFor(validateInterviewInput(input, { ...NY, timeZone: 'UTC' }), 'decisionExpectedBy')).toBe('The decision date is before the interview');
    expect(validateInterviewInput(form({ decisionExpectedBy: '2026-11-17' }), NY).ok).toBe(true); // the interview day itself
  });

  it('reports every missing required field at once', () => {
    const result = validateInterviewInput({}, NY);
    expect(result).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        { field: 'company', code: 'companyIsMissing', message: 'Company is missing' },
        { field: 'role', code: 'roleIsMissing', message: 'Role is missing' },
        { field: 'interviewAt', code: 'interviewDateIsMissing', message: 'Interview date is missing' },
      ]),
    });
  });

  it('reads something that is not an object as unreadable', () => {
    for (const junk of [null, undefined, 'Acme', 42, []]) {
      expect(validateInterviewInput(junk, NY)).toEqual({ ok: false, issues: [{ field: '', code: 'theInterviewDetailsCouldNotBeRead', message: 'The interview details could not be read' }] });
    }
  });
});

describe('validateInterview (stored record)', () => {
  const record = {
    id: 'iv-1',
    company: 'Acme',
    role: 'Analyst',
    interviewAt: '2026-11-17T19:00:00.000Z',
    contacts: [],
    history: [
      { type: 'sent', step: 'thank-you', at: '2026-11-17T21:05:00.000Z' },
      { type: 'reply', at: '2026-11-20T15:00:00.000Z', newDecisionDate: '2026-11-27' },
      { type: 'notified', step: 'status-inquiry', at: '2026-11-24T15:00:00.000Z', round: 1 },
    ],
    createdAt: '2026-11-17T20:00:00.000Z',
  };

  it('accepts a stored record and keeps its history', () => {
    const result = validateInterview(record);
    expect(result).toEqual({ ok: true, value: record });
  });

  it('needs an id and an ISO instant (not a local time) for the interview', () => {
    expect(messageFor(validateInterview({ ...record, id: '' }), 'id')).toBe('Interview id is missing');
    expect(messageFor(validateInterview({ ...record, interviewAt: '2026-11-17T14:00' }), 'interviewAt')).toBe('Interview date is not a valid date and time');
    expect(messageFor(validateInterview({ ...record, createdAt: 'today' }), 'createdAt')).toBe('Created time is not a valid date and time');
  });

  it('points at the bad event in the history', () => {
    const history = [record.history[0], { type: 'sent', step: 'party', at: '2026-11-18T10:00:00Z' }];
    expect(messageFor(validateInterview({ ...record, history }), 'history.1.step')).toBe('Unknown follow-up step');
    expect(messageFor(validateInterview({ ...record, history: 'none' }), 'history')).toBe('History must be a list');
  });

  it('reads per-interviewer topics and per-interviewer thank-yous, and records from before them unchanged (issue 11)', () => {
    const perPerson = {
      ...record,
      contacts: [
        { name: 'Chris Park', email: 'chris.park@contoso.example', topic: '  the on-call   rotation ' },
        { name: 'Jordan Reyes', topic: '' },
      ],
      history: [
        { type: 'sent', step: 'thank-you', at: '2026-11-17T21:05:00.000Z', contact: ' chris.park@contoso.example ' },
        { type: 'dismissed', step: 'thank-you', at: '2026-11-17T21:06:00.000Z', contact: 'Jordan Reyes' },
      ],
    };
    const result = validateInterview(perPerson);
    expect(result.ok && result.value.contacts).toEqual([
      { name: 'Chris Park', email: 'chris.park@contoso.example', topic: 'the on-call   rotation' },
      { name: 'Jordan Reyes' },
    ]);
    expect(result.ok && result.value.history.map((e) => ('contact' in e ? e.contact : undefined))).toEqual(['chris.park@contoso.example', 'Jordan Reyes']);
    expect(messageFor(validateInterview({ ...perPerson, contacts: [{ name: 'A', topic: 'x'.repeat(501) }] }), 'contacts.0.topic')).toBe('Topic is too long (500 characters at most)');
    expect(messageFor(validateInterview({ ...perPerson, contacts: [{ name: 'A', topic: 7 }] }), 'contacts.0.topic')).toBe('Topic must be text');
    // The record above, stored before either existed, reads back exactly as it was.
    expect(validateInterview(record)).toEqual({ ok: true, value: record });
  });

  it('checks the decision date against the interview day when given the settings', () => {
    const early = { ...record, decisionExpectedBy: '2026-11-16' };
    expect(validateInterview(early).ok).toBe(true);
    expect(messageFor(validateInterview(early, NY), 'decisionExpectedBy')).toBe('The decision date is before the interview');
  });
});

describe('validateSettings', () => {
  it('accepts the defaults and a Sun–Thu week with holidays, sorting and de-duplicating them', () => {
    expect(validateSettings(defaultSettings('America/New_York'))).toEqual({ ok: true, value: defaultSettings('America/New_York') });
    const result = validateSettings({ ...NY, timeZone: 'Asia/Jerusalem', workWeek: [0, 1, 2, 3, 4], holidays: ['2026-12-25', '2026-01-01', '2026-12-25'], dayEnd: '24:00' });
    expect(result.ok && result.value.holidays).toEqual(['2026-01-01', '2026-12-25']);
  });

  it.each([
    { extra: { timeZone: undefined }, field: 'timeZone', message: 'Time zone is missing' },
    { extra: { timeZone: '' }, field: 'timeZone', message: 'Time zone is missing' },
    { extra: { timeZone: 'Mars/Olympus_Mons' }, field: 'timeZone', message: 'That time zone is not recognised' },
    { extra: { workWeek: [] }, field: 'workWeek', message: 'Choose at least one work day' },
    { extra: { workWeek: undefined }, field: 'workWeek', message: 'Choose at least one work day' },
    { extra: { workWeek: [1, 7] }, field: 'workWeek.1', message: 'Work days must be weekdays from 0 (Sunday) to 6 (Saturday)' },
    { extra: { workWeek: [1.5] }, field: 'workWeek.0', message: 'Work days must be weekdays from 0 (Sunday) to 6 (Saturday)' },
    { extra: { workWeek: ['Mon'] }, field: 'workWeek.0', message: 'Work days must be weekdays from 0 (Sunday) to 6 (Saturday)' },
    { extra: { workWeek: [1, 2, 1] }, field: 'workWeek', message: 'Each work day can be chosen only once' },
    { extra: { holidays: ['2026-12-25', '2026-02-30'] }, field: 'holidays.1', message: 'Holidays must be real dates like 2026-12-25' },
    { extra: { holidays: '2026-12-25' }, field: 'holidays', message: 'Holidays must be a list of dates' },
    { extra: { holidays: Array.from({ length: 1001 }, () => '2026-12-25') }, field: 'holidays', message: 'Too many holidays (1,000 at most)' },
    { extra: { dayStart: '8:00' }, field: 'dayStart', message: 'Day start must be a time like 08:00' },
    { extra: { dayStart: '24:00' }, field: 'dayStart', message: 'Day start must be a time like 08:00' },
    { extra: { dayStart: undefined }, field: 'dayStart', message: 'Day start is missing' },
    { extra: { dayEnd: '25:00' }, field: 'dayEnd', message: 'Day end must be a time like 20:00 (24:00 for midnight)' },
    { extra: { dayEnd: '08:00' }, field: 'dayEnd', message: 'The day must end after it starts' },
    { extra: { dayEnd: '07:00' }, field: 'dayEnd', message: 'The day must end after it starts' },
    { extra: { preferredTime: '10:5' }, field: 'preferredTime', message: 'Preferred time must be a time like 10:00' },
    { extra: { preferredTime: '07:30' }, field: 'preferredTime', message: 'The preferred time must be inside the day (between its start and end)' },
    { extra: { preferredTime: '20:00' }, field: 'preferredTime', message: 'The preferred time must be inside the day (between its start and end)' },
  ])('$field: $message', ({ extra, field, message }) => {
    expect(messageFor(validateSettings({ ...NY, ...extra }), field)).toBe(message);
  });
});

describe('validateProfile', () => {
  it('accepts a name with an optional signature and a webmail choice', () => {
    expect(validateProfile({ name: ' Noa Cohen ', signature: '', webmail: 'outlook' })).toEqual({ ok: true, value: { name: 'Noa Cohen', webmail: 'outlook' } });
  });

  it.each([
    { extra: { name: '' }, field: 'name', message: 'Your name is missing' },
    { extra: { name: 'x'.repeat(201) }, field: 'name', message: 'Your name is too long (200 characters at most)' },
    { extra: { signature: 'x'.repeat(1001) }, field: 'signature', message: 'Signature is too long (1,000 characters at most)' },
    { extra: { webmail: 'yahoo' }, field: 'webmail', message: 'Choose Gmail or Outlook' },
    { extra: { webmail: undefined }, field: 'webmail', message: 'Choose Gmail or Outlook' },
  ])('$field: $message', ({ extra, field, message }) => {
    expect(messageFor(validateProfile({ name: 'Noa', webmail: 'gmail', ...extra }), field)).toBe(message);
  });

  it('starts from an empty name that the user is asked to fill in', () => {
    expect(defaultProfile()).toEqual({ name: '', webmail: 'gmail' });
    expect(messageFor(validateProfile(defaultProfile()), 'name')).toBe('Your name is missing');
  });
});

describe('validateEvent', () => {
  const at = '2026-11-20T15:00:00.000Z';

  it.each([
    { type: 'sent', step: 'status-inquiry', at },
    { type: 'reply', at },
    { type: 'reply', at, newDecisionDate: '2026-12-01' },
    { type: 'outcome', at, outcome: 'offer' },
    { type: 'snoozed', step: 'thank-you', at, until: '2026-11-20T18:00:00.000Z' },
    { type: 'dismissed', step: 'move-on', at },
    { type: 'notified', step: 'final-check-in', at, round: 2 },
    { type: 'sent', step: 'thank-you', at, contact: 'jordan.reyes@contoso.example' },
    { type: 'dismissed', step: 'thank-you', at, contact: 'Jordan Reyes' },
  ])('accepts %o', (event) => {
    expect(validateEvent(event)).toEqual({ ok: true, value: event });
  });

  it('normalises instants to UTC', () => {
    const result = validateEvent({ type: 'sent', step: 'thank-you', at: '2026-11-20T10:00:00-05:00' });
    expect(result.ok && result.value.at).toBe('2026-11-20T15:00:00.000Z');
  });

  it.each([
    { extra: { type: 'called', at }, field: 'type', message: 'Unknown event type' },
    { extra: { type: 'sent', step: 'party', at }, field: 'step', message: 'Unknown follow-up step' },
    { extra: { type: 'sent', step: 'thank-you' }, field: 'at', message: 'Event time is missing' },
    { extra: { type: 'sent', step: 'thank-you', at: 'now' }, field: 'at', message: 'Event time is not a valid date and time' },
    { extra: { type: 'reply', at, newDecisionDate: '2026-11-31' }, field: 'newDecisionDate', message: 'The new decision date is not a valid date' },
    { extra: { type: 'outcome', at, outcome: 'ghosted' }, field: 'outcome', message: 'The outcome must be offer, rejected or withdrew' },
    { extra: { type: 'snoozed', step: 'thank-you', at }, field: 'until', message: 'Snooze time is missing' },
    { extra: { type: 'snoozed', step: 'thank-you', at, until: 'later' }, field: 'until', message: 'Snooze time is not a valid date and time' },
    { extra: { type: 'notified', step: 'thank-you', at, round: 0 }, field: 'round', message: 'Round must be a whole number from 1' },
    { extra: { type: 'sent', step: 'thank-you', at, contact: 42 }, field: 'contact', message: 'That event could not be read' },
    { extra: { type: 'sent', step: 'thank-you', at, contact: `${'a'.repeat(320)}@x.example` }, field: 'contact', message: 'That event could not be read' },
  ])('$field: $message', ({ extra: event, field, message }) => {
    expect(messageFor(validateEvent(event), field)).toBe(message);
  });
});

describe('defaults', () => {
  it('uses the given zone when it is valid, else a zone the runtime knows', () => {
    expect(defaultSettings('Asia/Kolkata')).toEqual({
      timeZone: 'Asia/Kolkata',
      workWeek: [1, 2, 3, 4, 5],
      holidays: [],
      dayStart: '08:00',
      dayEnd: '20:00',
      preferredTime: '10:00',
    });
    const fallback = defaultSettings('Not/AZone').timeZone;
    expect(fallback).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    expect(validateSettings(defaultSettings()).ok).toBe(true);
  });
});

describe('never throws on junk', () => {
  const junk = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  // Junk, and objects whose known fields hold junk, reach deeper into the schemas.
  const fieldJunk = fc.record(
    {
      id: junk,
      company: junk,
      role: junk,
      interviewAt: junk,
      contacts: fc.oneof(junk, fc.array(fc.record({ name: junk, email: junk, title: junk }, { requiredKeys: [] }))),
      decisionExpectedBy: junk,
      history: fc.oneof(junk, fc.array(fc.record({ type: fc.constantFrom('sent', 'reply', 'outcome', 'snoozed', 'dismissed', 'notified', 'x'), step: junk, at: junk, until: junk, round: junk, outcome: junk, newDecisionDate: junk }, { requiredKeys: [] }))),
      timeZone: junk,
      workWeek: junk,
      holidays: junk,
      dayStart: junk,
      dayEnd: junk,
      preferredTime: junk,
      name: junk,
      webmail: junk,
      type: fc.constantFrom('sent', 'reply', 'outcome', 'snoozed', 'dismissed', 'notified'),
    },
    { requiredKeys: [] },
  );

  const validators: [string, (x: unknown) => Validation<unknown>][] = [
    ['validateInterviewInput', (x) => validateInterviewInput(x, NY)],
    ['validateInterview', (x) => validateInterview(x, NY)],
    ['validateSettings', validateSettings],
    ['validateProfile', validateProfile],
    ['validateEvent', validateEvent],
  ];

  it.each(validators)('%s returns issues with a field and a message for anything()', (_name, validate) => {
    fc.assert(
      fc.property(fc.oneof(junk, fieldJunk), (input) => {
        const result = validate(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(typeof issue.field).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('survives settings that are not valid', () => {
    expect(validateInterviewInput(form(), { ...NY, timeZone: 'Nowhere/Never' }).ok).toBe(true);
  });
});
