/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft): every selector FollowUp relies on, in one place, each
 * with its source (research/webmail.md §2). Roles and ARIA state first; Fluent UI classes second.
 */
import { all, emailsIn, visible, type ComposeAdapter } from '../adapter';
import { focus, snap, typeInto, until } from '../editor';

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
