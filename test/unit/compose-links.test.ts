import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeUrl, draftFromComposeUrl, gmailComposeUrl, outlookComposeUrl } from '../../src/background/compose-links';

const draft = {
  to: ['dana.lee@acme.example', 'Sam+jobs@acme.example'],
  subject: 'Thank you — Product Designer interview & next steps #1',
  body: 'Hi Dana,\n\nThank you for 50% of your afternoon = great!\r\nBest,\nAlex 🙂 Zoë',
};

describe('compose links', () => {
  it('builds the Gmail compose URL with view=cm&fs=1 and percent-encoded to/su/body', () => {
    const url = gmailComposeUrl(draft);
    expect(url.startsWith('https://mail.google.com/mail/?view=cm&fs=1&to=')).toBe(true);
    expect(url).toContain('&su=');
    expect(url).toContain('&body=');
    // Nothing that would end or split a parameter is left raw, and spaces are %20 (not "+").
    const query = url.slice(url.indexOf('?') + 1);
    for (const part of query.split('&')) expect(part.split('=')).toHaveLength(2);
    expect(query).not.toMatch(/[ #+\n\r]/);
    expect(url).toContain('Thank%20you');
  });

  it('builds the Outlook deeplink with to/subject/body', () => {
    const url = outlookComposeUrl(draft);
    expect(url.startsWith('https://outlook.office.com/mail/deeplink/compose?to=')).toBe(true);
    expect(url).toContain('&subject=');
    expect(url).toContain('&body=');
  });

  it('decodes back to exactly the draft (line breaks normalised to \\n)', () => {
    for (const webmail of ['gmail', 'outlook'] as const) {
      const back = draftFromComposeUrl(composeUrl(webmail, draft));
      expect(back).toEqual({ webmail, to: draft.to, subject: draft.subject, body: draft.body.replace(/\r\n/g, '\n') });
    }
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.boolean(), (subject, body, gmail) => {
        const d = { to: ['a@b.example'], subject, body: body.replace(/\r\n?/g, '\n') };
        const back = draftFromComposeUrl(composeUrl(gmail ? 'gmail' : 'outlook', d));
        expect(back.subject).toBe(subject);
        expect(back.body).toBe(d.body);
        expect(back.to).toEqual(d.to);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves "to" empty when the draft has no recipient', () => {
    expect(draftFromComposeUrl(gmailComposeUrl({ to: [], subject: 's', body: 'b' })).to).toEqual([]);
    expect(gmailComposeUrl({ to: [], subject: 's', body: 'b' })).toContain('&to=&su=s&body=b');
  });
});
