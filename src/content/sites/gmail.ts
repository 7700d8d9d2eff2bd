/**
 * Gmail: every selector FollowUp relies on, in one place, each with its source
 * (research/webmail.md §1). Structural, language-independent hooks first
 * (g_editable, name=subjectbox, data-hovercard-id, roles); Gmail's short class names second.
 */
import { all, emailsIn, visible, type ComposeAdapter } from '../adapter';
import { focus, snap, typeInto, until } from '../editor';
import type { MailboxSite } from '../../shared/protocol';

export const GMAIL = {
  /** The body editor of any compose kind: InboxSDK gmail-compose-view.ts `.Ap [g_editable=true]`; the
   * evan-brass/js-min capture shows it as div.Am.Al.editable[g_editable=true][contenteditable=true]. */
  body: '[g_editable="true"],div.Am.editable[contenteditable="true"]',
  /** Where composes are added: the dock of docked/popped-up composes (InboxSDK MOLE_PARENT_SELECTOR,
   * setup-compose-view-driver-stream.ts) and the full-screen container (InboxSDK, same file). Inline
   * replies take focus when they open, which the watcher's focusin listener sees. */
  containers: 'div.dw .nH > .nH > .no,body > .aSs > .aSt',
  /** The compose root is the nearest of these around the body: docked, full screen and inline
   * replies have .M9 (InboxSDK, gmail.js `div.M9`); the standalone pop-out window has only
   * [role=main], in a body of class xE xp (InboxSDK). (Gmail's main view is a [role=main] too,
   * far larger, and no compose root.) */
  roots: '.M9,[role=dialog],.xE [role=main]',
  /** InboxSDK getSendButton (`.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])`); gmail.js `div.T-I.T-I-atl`. */
  sendButton: '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true]),div.T-I.T-I-atl[role=button]:not([aria-haspopup=true])',
  /** InboxSDK and gmail.js: input[name=subjectbox]. */
  subjectBox: 'input[name=subjectbox]',
  /** Recipients: chip UI [role=option][data-hovercard-id] (InboxSDK page-parser.ts, get-recipients.ts), legacy
   * chips `.vR > input[type=hidden]` holding the address (InboxSDK), summaries and hovercards [email] (gmail.js, Mailvelope). */
  chips: '[data-hovercard-id],.vR input[type=hidden],[email]',
  /** The To field's typing element: chip UI `.GS .anm[name=to]` combobox (InboxSDK set-recipients.ts, since
   * 2021-10), its peoplekit input (gmail.js is_peoplekit_compose), the legacy textarea.vO[name=to] (InboxSDK, gmail.js). */
  to: '.GS .anm[name=to] input[role=combobox][aria-autocomplete=list],[name=to] input[peoplekit-id],textarea[name=to]',
  /** The collapsed recipients summary shown while the To row (div.fX) is hidden; focusing it opens the row
   * (InboxSDK set-recipients.ts dispatches focus on it; Briskine gmail.js focuses it). */
  cover: 'div.aoD.hl',
  quote: '.gmail_quote,.gmail_quote_container,.gmail_extra',
  skip: '.gmail_signature,[data-smartmail=gmail_signature],.gmail_signature_prefix,style,script',
  /** The signature Gmail puts in a compose: the markup Gmail itself writes, <div class="gmail_signature"
   * data-smartmail="gmail_signature"> (seen in Gmail-sent HTML and in compose helpers that protect it; the
   * same block `skip` leaves out of the tone check). Either hook alone is enough. */
  signature: '.gmail_signature,[data-smartmail=gmail_signature]',
};

export const gmail: ComposeAdapter = {
  ...GMAIL,
  root: (body) => body.closest<HTMLElement>(GMAIL.roots),
  send: (root) => root.querySelector(GMAIL.sendButton),
  mount(send, host) {
    // The bottom bar is a table row; the control gets its own cell after Send's (as InboxSDK does).
    const cell = send.closest('td');
    if (cell?.parentElement) {
      const doc = cell.ownerDocument;
      const td = doc.createElement('td');
      td.append(host);
      cell.after(td);
      // Gmail sizes the bar with a <colgroup>; a new cell gets its own <col> in step
      // (InboxSDK get-additional-action-toolbar.ts adds its <col>s the same way).
      const cols = cell.closest('table')?.querySelector(':scope > colgroup');
      const col = cols && doc.createElement('col');
      if (cols && col) {
        const at = cols.children[cell.cellIndex];
        if (at) at.after(col);
        else cols.append(col);
      }
      return () => {
        td.remove();
        col?.remove();
      };
    }
    send.after(host);
    return () => host.remove();
  },
  subject: (root) => {
    const input = root.querySelector<HTMLInputElement>(GMAIL.subjectBox);
    return visible(input) ? input : null;
  },
  recipients(root, body, typed = true) {
    const found = all<HTMLInputElement>(root, GMAIL.chips)
      .filter((el) => !body.contains(el))
      .flatMap((el) => emailsIn(el.getAttribute('data-hovercard-id') ?? el.getAttribute('email') ?? el.value));
    if (typed) for (const input of all<HTMLInputElement>(root, GMAIL.to)) found.push(...emailsIn(input.value));
    return [...new Set(found)];
  },
  async addTo(root, body, emails) {
    const done = () => {
      const have = gmail.recipients(root, body, false);
      return emails.filter((e) => !have.includes(e));
    };
    const shown = () => {
      const input = root.querySelector<HTMLInputElement>(GMAIL.to);
      return visible(input) && input;
    };
    let input = shown();
    if (!input) {
      // The To row is collapsed (the normal state once the user has typed elsewhere): open it.
      const cover = root.querySelector<HTMLElement>(GMAIL.cover);
      cover?.focus();
      cover?.dispatchEvent(new FocusEvent('focus'));
      input = await until(shown);
    }
    if (!input || !focus(input)) return false;
    if (input.localName === 'input') {
      // The chip UI makes chips from a paste (InboxSDK set-recipients.ts).
      const data = new DataTransfer();
      data.setData('text/plain', done().join(','));
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      if (await until(() => !done().length, 200)) return true;
    }
    const undo = snap(input);
    if (focus(input) && typeInto(input, done().join(', '))) {
      // Enter makes Gmail read what was typed (InboxSDK, legacy fields); so does leaving the field.
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
      if (await until(() => !done().length, 200)) return true;
      input.blur();
      if (await until(() => !done().length, 300)) return true;
    }
    undo();
    return false;
  },
};

/**
 * Gmail's message list and open conversation, for noticing replies and "Log this interview"
 * (issue 15; src/content/mailbox.ts). Read: the sender's address, the time as shown, the subject
 * and the message id; the recipients and visible text of an open message only when the user logs it.
 */
export const GMAIL_MAILBOX: MailboxSite = {
  /** The list's tbody (rows come and go as the user pages and mail arrives) and the conversation's
   * message container: gmail.js api.dom.inbox_content `div[role=main]`; research/webmail.md's
   * unattributed code-search hints `div[role=main] table.F > tbody`, `.nH.if` (gmail.js check.is_thread). */
  lists: 'div[role=main] table.F > tbody, div[role=main] .nH.if, div[role=main] [role=list]',
  /** List rows `tr.zA`; open messages are `open` (unattributed code-search hints, many extensions agree). */
  items: 'tr.zA',
  open: 'div.adn',
  /** Rows: the senders `.yW span[email]` (InboxSDK get-updated-contact reads `[email]` spans with `name`); open
   * message: `.gD[email]` (code-search hints). The address is the `email` attribute. */
  from: '.yW [email], .gD[email]',
  /** Rows: `td.xW span[title]` (full date in `title`); open message: `.g3[title]` (code-search hints). */
  time: '.xW [title], .g3[title]',
  /** Rows: `.bog` (code-search hints). */
  subject: '.bog',
  /** The open conversation's heading `h2.hP` (gmail.js api.dom.email_subject `.hP`). */
  heading: 'h2.hP',
  /** The open message's id (code-search hints: `div.adn[data-legacy-message-id]`). Rows carry thread ids only. */
  id: 'data-legacy-message-id',
  /** Recipients in the message header `.g2[email]` (code-search hints). */
  to: '.g2[email]',
  /** The message body `.ii.gt` (gmail.js api.dom.email_contents). */
  text: '.ii.gt',
  /** The header row beside the date (`.gH`, code-search hints): where the control goes. */
  spot: '.gH',
};
