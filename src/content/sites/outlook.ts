/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft): every selector FollowUp relies on, in one place, each
 * with its source (research/webmail.md §2). Roles and ARIA state first; Fluent UI classes second.
 */
import { all, emailsIn, visible, type ComposeAdapter } from '../adapter';
import { focus, snap, typeInto, until } from '../editor';
import type { MailboxSite } from '../../shared/protocol';

export const OUTLOOK = {
  /** The body is the one multi-line editor (Briskine outlook.js; its spec queries [aria-multiline]). */
  body: '[contenteditable="true"][aria-multiline="true"]',
  /** Where inline composes are added: the main region (Briskine's compose parent [role=main]) and the
   * reading pane (CH3COOOH/OutlookSendingSafety #ReadingPaneContainerId). Pop-outs come as frames. */
  containers: '[role=main],#ReadingPaneContainerId',
  /** Nearest of these around the body: pop-out form (Briskine [data-app-section="Form_Content"]),
   * compose form (code-search hint [data-app-section="ComposeForm"]), the main region (Briskine, Mailvelope). */
  roots: '[data-app-section="Form_Content"],[data-app-section="ComposeForm"],[role=main]',
  /** CH3COOOH/OutlookSendingSafety: the split button's primary action; code-search hints: aria-label/title "Send". */
  sendButton: 'button.fui-SplitButton__primaryActionButton,button[aria-label="Send"],button[title^="Send"]',
  /** To, Cc, Bcc in that order: single-line editors (Briskine 1839856c, 2026-03), and before an inline
   * reply's header is activated, read-only textboxes (Briskine 43897bc6 and earlier matched [role=textbox]). */
  wells: '[contenteditable="true"]:not([aria-multiline="true"]),[role=textbox]:not([aria-multiline="true"])',
  /** Code-search hint input[id$="_SUBJECT"]; Briskine: the last input[type=text][autocomplete=off]. */
  subjectBox: 'input[id$="_SUBJECT"],input[type=text][autocomplete=off]',
  /** Code-search hints: #appendonsend and #divRplyFwdMsg start the quoted message. */
  quote: '[id$="appendonsend"],[id$="divRplyFwdMsg"],blockquote',
  skip: '[id^="Signature"],[id^="x_Signature"],style,script',
  /** The signature block Outlook puts in a new compose, <div id="Signature"> (research/webmail.md §2: the
   * code-search hints' #Signature anchor). x_Signature is a quoted message's, not the user's. */
  signature: '[id^="Signature"]',
};

export const outlook: ComposeAdapter = {
  ...OUTLOOK,
  root: (body) => body.closest<HTMLElement>(OUTLOOK.roots),
  send: (root) => root.querySelector(OUTLOOK.sendButton),
  mount(send, host) {
    (send.closest('.fui-SplitButton') ?? send).after(host);
    return () => host.remove();
  },
  subject: (root) => {
    const input = root.querySelector<HTMLInputElement>(OUTLOOK.subjectBox.split(',')[0]!) ?? all<HTMLInputElement>(root, OUTLOOK.subjectBox).pop() ?? null;
    return visible(input) ? input : null;
  },
  recipients(root) {
    // Chips show "Name <address>", a name or an address; unresolved text stays as typed.
    const found = all(root, OUTLOOK.wells).flatMap((well) => [
      ...emailsIn(well.textContent),
      ...all(well, '[title*="@"],[aria-label*="@"]').flatMap((el) => emailsIn(`${el.title} ${el.getAttribute('aria-label')}`)),
    ]);
    return [...new Set(found)];
  },
  async addTo(root, body, emails) {
    const to = () => root.querySelector<HTMLElement>(OUTLOOK.wells);
    let well = to();
    if (well && !well.isContentEditable) {
      // Read-only until the compose header is activated: Briskine's Outlook plugin reveals the
      // fields with a focusin on the To row. (gbleu/ok-pour-moi found synthetic clicks ignored.)
      well.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      well = await until(() => to()?.isContentEditable && to());
    }
    if (!well || !focus(well)) return false;
    const undo = snap(well);
    const field = well;
    // ";" makes Outlook resolve what was typed into a recipient (OfficeDev/office-js #5603).
    if (emails.every((e) => typeInto(field, `${e};`)) && (await until(() => emails.every((e) => outlook.recipients(root, body).includes(e)), 300))) return true;
    undo();
    return false;
  },
};

/**
 * Outlook's message list and reading pane, for noticing replies and "Log this interview"
 * (issue 15; src/content/mailbox.ts). Read: the sender's address, the time as shown and the
 * subject; the recipients and visible text of an open message only when the user logs it.
 */
export const OUTLOOK_MAILBOX: MailboxSite = {
  /** The list box and the reading pane (CH3COOOH/OutlookSendingSafety #ReadingPaneContainerId). */
  lists: '[role=listbox], #ReadingPaneContainerId, #ReadingPaneContainerId [role=main]',
  /** List rows `[role=option][data-convid]` (code-search hints, research/webmail.md) and the reading pane's
   * messages `[data-app-section="ItemContainer"]` (code-search hints beside MessageContainer). */
  items: '[role=option][data-convid], #ReadingPaneContainerId [data-app-section="ItemContainer"]',
  open: '#ReadingPaneContainerId [data-app-section="ItemContainer"]',
  /** Persona spans title their address (as in the To wells above: `[title*="@"]`). The reading pane's From/Time/To
   * sections are NOT from public code: modelled on OWA's data-app-section naming (Briskine's Form_Content), unverified. */
  from: '[data-app-section="From"] [title*="@"], [role=option] [title*="@"]',
  /** The time element's title holds the full date ("Tue 12/1/2026 10:42 AM"; code-search hints `time`). */
  time: 'time, [data-app-section="Time"] [title]',
  /** Rows: `[data-testid="subjectLine"]` (code-search hints). */
  subject: '[data-testid="subjectLine"]',
  /** The reading pane's subject heading. */
  heading: '#ReadingPaneContainerId [role=heading]',
  /** No public code reads an OWA message id from the DOM: this attribute is a guess; without it sender and time name the message. */
  id: 'data-itemid',
  to: '[data-app-section="To"] [title*="@"], [data-app-section="Cc"] [title*="@"]',
  /** The message body (research/webmail.md: YodaSpow `[aria-label="Message body"]`). */
  text: '[aria-label="Message body"]',
  spot: '[data-app-section="From"]',
};
