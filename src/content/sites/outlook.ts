/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft): every selector FollowUp relies on, in one place
 * (research/webmail.md §2). Roles and ARIA state first; Fluent UI classes second.
 */
import { all, emailsIn, visible, type ComposeAdapter } from '../adapter';
import { typeInto } from '../editor';

export const OUTLOOK = {
  /** The body is the one multi-line editor; To/Cc/Bcc are single-line editors. */
  body: '[contenteditable="true"][aria-multiline="true"]',
  /** Nearest of these around the body: pop-out form, compose form, the main region. */
  root: '[data-app-section="Form_Content"], [data-app-section="ComposeForm"], [role=main]',
  send: 'button.fui-SplitButton__primaryActionButton, button[aria-label="Send"], button[title^="Send"]',
  wells: '[contenteditable="true"]:not([aria-multiline="true"])',
  subject: 'input[id$="_SUBJECT"], input[type=text][autocomplete=off]',
  quote: '[id$="appendonsend"], [id$="divRplyFwdMsg"], blockquote',
  skip: '[id^="Signature"], [id^="x_Signature"], style, script',
};

export const outlook: ComposeAdapter = {
  body: OUTLOOK.body,
  root: (body) => body.closest<HTMLElement>(OUTLOOK.root),
  send: (root) => root.querySelector(OUTLOOK.send),
  mount(send, host) {
    (send.closest('.fui-SplitButton') ?? send).after(host);
    return () => host.remove();
  },
  subject: (root) => {
    const input = root.querySelector<HTMLInputElement>(OUTLOOK.subject.split(',')[0]!) ?? all<HTMLInputElement>(root, OUTLOOK.subject).pop() ?? null;
    return visible(input) ? input : null;
  },
  recipients(root) {
    // Chips show "Name <address>", a name or an address; unresolved text stays as typed.
    const found = all(root, OUTLOOK.wells).flatMap((well) => [
      ...emailsIn(well.textContent),
      ...all(well, '[title*="@"], [aria-label*="@"]').flatMap((el) => emailsIn(`${el.title} ${el.getAttribute('aria-label')}`)),
    ]);
    return [...new Set(found)];
  },
  addTo(root, emails) {
    const well = root.querySelector<HTMLElement>(OUTLOOK.wells);
    if (!well) return false;
    // A ";" makes Outlook resolve what was typed into a recipient.
    for (const email of emails) typeInto(well, `${email};`);
    return true;
  },
  quote: OUTLOOK.quote,
  skip: OUTLOOK.skip,
};
