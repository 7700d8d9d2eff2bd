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
 *
 * The selectors come from public code that read the real DOM (each source quoted in
 * docs/research/outlook-mailbox-dom.md). "monet" is sgnoohc/monet gmailify/CLAUDE.md ("Nothing here is
 * guessed; both sides were read from saved pages"), with its complete list of the real
 * data-app-section values (no From, Time, To or ItemContainer among them in conversation view).
 * Language-independent hooks come first; localised labels ("From:", "Message body") are fallbacks.
 */
export const OUTLOOK_MAILBOX: MailboxSite = {
  /** The list (mailvelope outlookIntegration.js `#MailList`; monet `[data-app-section="MessageList"]`;
   * daijoubu/inav-claude `[role="listbox"] [role="option"]`) and the reading pane (Hunter-Hadi/ext,
   * auslong427/Outlook-Copy `#ReadingPaneContainerId`; mailvelope's mock `#ConversationReadingPaneContainer`). */
  lists: '#MailList, [data-app-section="MessageList"], [role=listbox], #ReadingPaneContainerId, #ConversationReadingPaneContainer',
  /** Rows: monet "message row | div[role="option"][data-convid]"; Osso/outlook-web list.rs `[data-convid]`. */
  items: '[role=option][data-convid]',
  /** Each open message's date heading (monet: `[data-testid="SentReceivedSavedTime"]`, also Hunter-Hadi/ext,
   * Harry-Waterman/def-acc-logiq): climbed from to the message, in conversation and single-message views alike. */
  open: '[data-testid="SentReceivedSavedTime"]',
  climb: true,
  /** Rows: the sender span titled with the address (Osso list.rs "span with email in title attribute";
   * Hunter-Hadi/ext `span[title*="@"]`). Open message: `[id$="_FROM"]` (Brainstead; monet shows the sibling
   * `_DATETIME` id), `[aria-label^="From:"]` (mailvelope's mock `aria-label="From: sender@example.com"`). */
  from: '[role=option] [title*="@"], [id$="_FROM"], [aria-label^="From:"]',
  /** Rows: a span whose title is the full date (two sources: "the date span carries the full date in title");
   * open message: the date heading, or its `_DATETIME` id (monet). Only a title reading as a date is taken. */
  time: '[role=option] [title]:not([title*="@"]), [data-testid="SentReceivedSavedTime"], [id$="_DATETIME"]',
  /** Rows: the subject span (Osso list.rs `.TtcXM`, its title read), or a subjectLine test id (unverified, both spellings seen). */
  subject: '.TtcXM, [data-testid="subjectline" i]',
  /** The reading pane's subject: the level-2 heading (Hunter-Hadi/ext; the date is a level-3 heading, monet). */
  heading: '#ReadingPaneContainerId [role=heading][aria-level="2"], #ConversationReadingPaneContainer [role=heading][aria-level="2"]',
  /** No message id in the DOM: data-convid names the conversation (mailvelope: "NOT a Microsoft Graph message
   * ID"), which a later reply shares; sender and time name the message. */
  id: '',
  /** The recipient well (Hunter-Hadi/ext and mailvelope's mock `[data-testid="RecipientWell"]`), its personas
   * (`span[data-lpc-hover-target-id]`), or To/Cc labels (Brainstead, def-acc-logiq). */
  to: '[data-testid="RecipientWell"] [title*="@"], [data-testid="RecipientWell"] [data-lpc-hover-target-id], [aria-label^="To:"], [aria-label^="Cc:"]',
  /** The body: `[id^="UniqueMessageBody"]` (mailvelope), `[aria-label="Message body"]` (localised). */
  text: '[id^="UniqueMessageBody"], [aria-label="Message body"]',
  /** Beside the date heading: its parent. */
  spot: ':has(> [data-testid="SentReceivedSavedTime"])',
};
