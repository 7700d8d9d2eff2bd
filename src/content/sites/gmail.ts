/**
 * Gmail: every selector FollowUp relies on, in one place (research/webmail.md §1).
 * Structural, language-independent hooks first (g_editable, name=subjectbox,
 * data-hovercard-id, roles); Gmail's short class names second.
 */
import { all, emailsIn, visible, type ComposeAdapter } from '../adapter';
import { typeInto } from '../editor';

export const GMAIL = {
  /** The body editor of any compose kind. */
  body: '[g_editable="true"], div.Am.editable[contenteditable="true"]',
  /** The compose root is the nearest of these around the body: docked, full screen and inline
   * replies have .M9; the standalone pop-out window has only [role=main]. */
  root: '.M9, [role=dialog], [role=main]',
  send: '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true]), div.T-I.T-I-atl[role=button]:not([aria-haspopup=true])',
  subject: 'input[name=subjectbox]',
  /** Recipient chips (data-hovercard-id), legacy chips (.vR hidden input), summaries ([email]). */
  chips: '[data-hovercard-id], .vR input[type=hidden], [email]',
  /** The To field's typing input (chip UI, peoplekit) or the legacy textarea. */
  to: '[name=to] input:not([type=hidden]), input[peoplekit-id], input[role=combobox][aria-autocomplete=list], textarea[name=to]',
  quote: '.gmail_quote, .gmail_quote_container, .gmail_extra',
  skip: '.gmail_signature, [data-smartmail=gmail_signature], .gmail_signature_prefix, style, script',
};

export const gmail: ComposeAdapter = {
  body: GMAIL.body,
  root: (body) => body.closest<HTMLElement>(GMAIL.root),
  send: (root) => root.querySelector(GMAIL.send),
  mount(send, host) {
    // The bottom bar is a table row; the control gets its own cell after Send's (as InboxSDK does).
    const cell = send.closest('td');
    if (cell?.parentElement) {
      const td = cell.ownerDocument.createElement('td');
      td.append(host);
      cell.after(td);
      return () => td.remove();
    }
    send.after(host);
    return () => host.remove();
  },
  subject: (root) => {
    const input = root.querySelector<HTMLInputElement>(GMAIL.subject);
    return visible(input) ? input : null;
  },
  recipients(root, body) {
    const found = all<HTMLInputElement>(root, GMAIL.chips)
      .filter((el) => !body.contains(el))
      .flatMap((el) => emailsIn(el.getAttribute('data-hovercard-id') ?? el.getAttribute('email') ?? el.value));
    for (const input of all<HTMLInputElement>(root, GMAIL.to)) found.push(...emailsIn(input.value));
    return [...new Set(found)];
  },
  addTo(root, emails) {
    const input = root.querySelector<HTMLInputElement>(GMAIL.to);
    if (!input) return false;
    typeInto(input, emails.join(', '));
    // Gmail turns what was typed into chips when the field loses focus.
    input.blur();
    return true;
  },
  quote: GMAIL.quote,
  skip: GMAIL.skip,
};
