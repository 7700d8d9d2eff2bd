// @vitest-environment happy-dom
/**
 * The compose integration on a DOM without layout or execCommand (happy-dom):
 * the adapters against the fixtures' markup, the editor's DOM fallback path,
 * and one compose's whole life through the watcher with a fake background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { emailsIn, type ComposeAdapter } from '../../src/content/adapter';
import { insertAtTop, readText, replaceText, setValue, typeInto } from '../../src/content/editor';
import { gmail } from '../../src/content/sites/gmail';
import { outlook } from '../../src/content/sites/outlook';
import { watch } from '../../src/content/watch';
import { isToneTable, resetTone } from '../../src/content/tone';
import { TONE_RULES, TONE_WHY } from '../../src/domain/tone';

/** Loads a fixture's markup (its own script stripped: these tests drive the DOM themselves). */
function load(name: string): void {
  const html = readFileSync(`test/fixtures/${name}`, 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
}

/** Every compose body the site recognises in `doc`, with its root. */
const find = (site: ComposeAdapter, doc: ParentNode) =>
  [...doc.querySelectorAll<HTMLElement>(site.body)].map((body) => ({ body, root: site.root(body)! })).filter((f) => f.root);

const clone = (id: string) => (document.getElementById(id) as HTMLTemplateElement).content.firstElementChild!.cloneNode(true) as HTMLElement;
const div = (text: string) => Object.assign(document.createElement('div'), { textContent: text });
/**
 * Past the watcher's batching (one animation frame, or 250 ms in a hidden tab) on the fake
 * clock: every test here runs on fake timers, so no test waits on the wall clock.
 */
const frames = () => vi.advanceTimersByTimeAsync(300);

/** happy-dom has no layout: anything not inside display:none gets a width. */
function fakeLayout() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const hidden = !!this.closest('[style*="display:none"]');
    return { x: 0, y: 0, top: 0, left: 0, bottom: 20, right: 100, width: hidden ? 0 : 100, height: hidden ? 0 : 20, toJSON() {} } as DOMRect;
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('emailsIn', () => {
  it('finds addresses in chip text, typed text and attributes, lower-cased', () => {
    expect(emailsIn('Ana Lima <Ana.Lima@Acme.example>; bo@globex.example, not-an-address')).toEqual(['ana.lima@acme.example', 'bo@globex.example']);
    expect(emailsIn('')).toEqual([]);
    expect(emailsIn(null)).toEqual([]);
  });
});

describe('readText', () => {
  it('turns blocks and <br> into lines, skips the signature and stops at the quote', () => {
    const body = document.createElement('div');
    body.append(div('Hi Ana,'), document.createElement('br'), div('Thanks.'));
    const sig = div('Jane');
    sig.className = 'gmail_signature';
    const quote = div('On Mon, Ana wrote: please answer ASAP!!');
    quote.className = 'gmail_quote';
    body.append(sig, div('after the signature'), quote, div('after the quote'));
    expect(readText(body, gmail.quote, gmail.skip).text).toBe('Hi Ana,\n\nThanks.\nafter the signature\n');
    expect(readText(body).text).toContain('ASAP');
  });

  it('maps every character of a text node back to it', () => {
    const body = document.createElement('div');
    body.append(div('one'), div('two three'));
    const map = readText(body);
    expect(map.text).toBe('one\ntwo three\n');
    expect(map.segs.map(([n, s]) => [n.data, s])).toEqual([['one', 0], ['two three', 4]]);
  });
});

describe('editing without execCommand (the DOM fallback)', () => {
  let body: HTMLElement;
  let inputs: InputEvent[];
  beforeEach(() => {
    body = document.createElement('div');
    body.contentEditable = 'true';
    document.body.append(body);
    inputs = [];
    body.addEventListener('input', (e) => inputs.push(e as InputEvent));
  });

  it('inserts lines as blocks at the top, above what was there, and tells the page', () => {
    body.append(div('My own words'), div('-- '), div('Jane'));
    insertAtTop(body, 'Dear Ana,\n\nThank you.\nBest,\nJane\n');
    expect([...body.children].map((c) => c.textContent)).toEqual(['Dear Ana,', '', 'Thank you.', 'Best,', 'Jane', '', 'My own words', '-- ', 'Jane']);
    expect(body.children[1]!.firstElementChild!.localName).toBe('br');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.bubbles).toBe(true);
  });

  it('adds no blank line when the first line was empty', () => {
    const blank = document.createElement('div');
    blank.append(document.createElement('br'));
    body.append(blank, div('Jane'));
    insertAtTop(body, 'Hello');
    expect([...body.children].map((c) => c.textContent)).toEqual(['Hello', '', 'Jane']);
  });

  it('never parses the text as markup', () => {
    insertAtTop(body, '<img src=x onerror=alert(1)>\n<script>x()</script>');
    expect(body.querySelector('img, script')).toBeNull();
    expect(body.textContent).toBe('<img src=x onerror=alert(1)><script>x()</script>');
  });

  it('replaces a span of the text, across the mapping, and tells the page', () => {
    body.append(div('Hi Ana,'), div('I still have not heard back.'));
    const map = readText(body);
    const start = map.text.indexOf('I still');
    expect(replaceText(body, map, start, start + 'I still have not heard back'.length, 'I wanted to check in')).toBe(true);
    expect(readText(body).text).toBe('Hi Ana,\nI wanted to check in.\n');
    expect(inputs).toHaveLength(1);
  });

  it('types into inputs and single-line editors, and replaces a subject', () => {
    const input = document.createElement('input');
    input.value = 'a@x.example, ';
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(input.value));
    input.addEventListener('change', () => seen.push('change'));
    document.body.append(input);
    typeInto(input, 'b@y.example');
    expect(input.value).toBe('a@x.example, b@y.example');
    setValue(input, 'Thank you');
    expect(input.value).toBe('Thank you');
    expect(seen).toEqual(['a@x.example, b@y.example', 'Thank you', 'change']);
    const well = document.createElement('div');
    well.contentEditable = 'true';
    document.body.append(well);
    typeInto(well, 'ana@acme.example;');
    expect(well.textContent).toBe('ana@acme.example;');
  });
});

describe('Gmail adapter on the fixture markup', () => {
  beforeEach(() => {
    load('gmail-compose.html');
    fakeLayout();
  });

  it('finds the docked compose, its Send (not "more send options"), subject and To', () => {
    const [found, ...rest] = find(gmail, document);
    expect(rest).toEqual([]);
    expect(found!.root.className).toBe('M9');
    expect(found!.body.getAttribute('g_editable')).toBe('true');
    expect(gmail.send(found!.root)!.textContent).toBe('Send');
    expect(gmail.subject(found!.root)!.name).toBe('subjectbox');
    expect(gmail.recipients(found!.root, found!.body)).toEqual([]);
    expect(gmail.addTo(found!.root, ['ana@acme.example', 'bo@globex.example'])).toBe(true);
    expect(gmail.recipients(found!.root, found!.body)).toEqual(['ana@acme.example', 'bo@globex.example']);
  });

  it('reads chips, and treats an inline reply as its own compose with a hidden subject', () => {
    const area = document.getElementById('reply-area')!;
    area.classList.add('adB');
    area.append(clone('inline-template'));
    const found = find(gmail, document);
    expect(found).toHaveLength(2);
    const inline = found.find((f) => f.root.closest('.ip'))!;
    expect(gmail.subject(inline.root)).toBeNull();
    expect(gmail.recipients(inline.root, inline.body)).toEqual(['ana.lima@acme.example']);
  });

  it('finds the standalone pop-out by its main region', () => {
    load('gmail-popout.html');
    const [found] = find(gmail, document);
    expect(found!.root.getAttribute('role')).toBe('main');
    expect(gmail.send(found!.root)).not.toBeNull();
  });

  it('puts the control in its own cell right after Send, and takes it away again', () => {
    const [found] = find(gmail, document);
    const host = document.createElement('followup-control');
    const unmount = gmail.mount(gmail.send(found!.root)!, host);
    expect(host.parentElement!.localName).toBe('td');
    expect(host.parentElement!.previousElementSibling!.className).toBe('gU Up');
    unmount();
    expect(host.isConnected).toBe(false);
    expect(found!.root.querySelectorAll('.btC td')).toHaveLength(4);
  });
});

describe('Outlook adapter on the fixture markup', () => {
  beforeEach(() => {
    load('outlook-mail.html');
    fakeLayout();
  });

  it('finds an inline compose by its multi-line body, with Send, subject and To', () => {
    document.getElementById('main')!.prepend(clone('compose-template'));
    const [found, ...rest] = find(outlook, document);
    expect(rest).toEqual([]);
    expect(found!.root.id).toBe('main');
    expect(outlook.send(found!.root)!.getAttribute('aria-label')).toBe('Send');
    expect(outlook.subject(found!.root)!.id).toBe('MSG_SUBJECT');
    expect(outlook.addTo(found!.root, ['ana@acme.example'])).toBe(true);
    expect(outlook.recipients(found!.root, found!.body)).toEqual(['ana@acme.example']);
  });

  it('reads "Name <address>" chips and leaves the reply header out of the user\'s words', () => {
    const root = clone('compose-template');
    const chip = document.createElement('span');
    chip.textContent = 'Ana Lima <ana.lima@acme.example>';
    root.querySelector('[data-field=to]')!.append(chip);
    const body = root.querySelector<HTMLElement>('[aria-multiline=true]')!;
    body.prepend(div('My words'));
    body.append((document.getElementById('quote-template') as HTMLTemplateElement).content.cloneNode(true));
    document.getElementById('main')!.prepend(root);
    const [found] = find(outlook, document);
    expect(outlook.recipients(found!.root, found!.body)).toEqual(['ana.lima@acme.example']);
    expect(readText(body, outlook.quote, outlook.skip).text.trim()).toBe('My words');
  });
});

describe('giving up on a compose without a toolbar', () => {
  it('gives up on that body only: a later compose in the same Outlook main region still gets its control', async () => {
    load('outlook-mail.html');
    fakeLayout();
    const main = document.getElementById('main')!;
    const stray = document.createElement('div');
    stray.setAttribute('contenteditable', 'true');
    stray.setAttribute('aria-multiline', 'true');
    main.append(stray);
    const stop = watch(outlook, document);
    try {
      const now = Date.now();
      const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
      main.append(document.createElement('p'));
      await frames();
      clock.mockRestore();
      stray.remove();
      main.prepend(clone('compose-template'));
      await vi.waitFor(() => expect(main.querySelectorAll('followup-control')).toHaveLength(1));
    } finally {
      stop();
    }
  });
});

describe('unknown markup', () => {
  it('is not taken for a compose it could put a control in', () => {
    load('unknown-markup.html');
    for (const site of [gmail, outlook]) for (const { root } of find(site, document)) expect(site.send(root)).toBeNull();
  });

  it('a half-recognised compose stays without a control while the page keeps changing, and gets one when its toolbar comes', async () => {
    load('unknown-markup.html');
    const stops = [gmail, outlook].map((site) => watch(site, document));
    try {
      for (let i = 0; i < 3; i++) {
        document.getElementById('list')!.append(document.createElement('li'));
        await frames();
      }
      expect(document.querySelectorAll('followup-control')).toHaveLength(0);
      // The toolbar arrives after the body (Gmail builds composes in steps).
      const half = document.querySelector('.M9.half')!;
      const bar = document.createElement('table');
      bar.className = 'IZ';
      const cell = bar.insertRow().insertCell();
      cell.className = 'gU Up';
      const send = document.createElement('div');
      send.className = 'T-I T-I-atl';
      send.setAttribute('role', 'button');
      cell.append(Object.assign(document.createElement('div'), {}), send);
      half.append(bar);
      await vi.waitFor(() => expect(half.querySelectorAll('followup-control')).toHaveLength(1));
      expect(document.querySelectorAll('followup-control')).toHaveLength(1);
    } finally {
      for (const stop of stops) stop();
    }
  });
});

describe('a compose, from appearing to being sent, through the watcher', () => {
  const messages: { type: string; [k: string]: unknown }[] = [];
  let stop: () => void;
  /** The fake runtime answers through sendResponse, like Chrome without the polyfill. */
  const answer = (fn: (m: { type: string }) => unknown) =>
    fakeBrowser.runtime.onMessage.addListener(((m: { type: string }, _s: unknown, respond: (r: unknown) => void) => {
      messages.push(m);
      Promise.resolve()
        .then(() => fn(m))
        .then(respond, () => respond(undefined));
      return true;
    }) as never);

  /** What the content script asked, apart from the tone rules it fetches once per frame. */
  const asked = () => messages.filter((m) => m.type !== 'toneRules');

  beforeEach(() => {
    fakeBrowser.reset();
    resetTone();
    messages.length = 0;
    answer((m) => {
      if (m.type === 'toneRules') return { ok: true, table: { rules: TONE_RULES, why: TONE_WHY } };
      if (m.type === 'composeContext')
        return {
          ok: true,
          loggedAny: true,
          interviews: [
            {
              id: 'acme',
              company: 'Acme',
              role: 'Designer',
              interviewAt: '2026-11-17T19:00:00.000Z',
              matched: false,
              drafts: [{ kind: 'thank-you', draft: { to: ['ana@acme.example'], subject: 'Thank you', body: 'Dear Ana,\n\nThank you.' } }],
            },
          ],
        };
      return { ok: true, interview: {} };
    });
    load('gmail-compose.html');
    fakeLayout();
    stop = watch(gmail, document);
  });
  afterEach(() => stop());

  const control = (root: Element) => root.querySelector('followup-control')!.shadowRoot!;
  const click = (el: Element | null | undefined) => (el as HTMLElement).click();
  const buttonIn = (root: ShadowRoot, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.startsWith(label));

  it('mounts once per compose, follows composes in and out, and ignores unrelated churn', async () => {
    expect(document.querySelectorAll('followup-control')).toHaveLength(1);
    const root = vi.spyOn(gmail, 'root');
    const list = document.getElementById('threads')!;
    for (let i = 0; i < 500; i++) list.append(document.createElement('tr'));
    await frames();
    expect(root).not.toHaveBeenCalled();

    const dock = document.getElementById('dock')!;
    dock.prepend(clone('compose-template'));
    dock.prepend(clone('compose-template'));
    await vi.waitFor(() => expect(document.querySelectorAll('followup-control')).toHaveLength(3));
    // One batched scan of the dock: the two new bodies and the one already known.
    expect(root).toHaveBeenCalledTimes(3);
    for (const m9 of document.querySelectorAll('.M9')) expect(m9.querySelectorAll('followup-control')).toHaveLength(1);

    dock.firstElementChild!.remove();
    await frames();
    expect(document.querySelectorAll('followup-control')).toHaveLength(2);
    stop();
    expect(document.querySelectorAll('followup-control')).toHaveLength(0);
  });

  it('inserts the chosen draft, records "sent" when the compose leaves after Send, and undoes it', async () => {
    const root = document.querySelector('#dock .M9')!;
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await vi.waitFor(() => expect(shadow.querySelector('.p')!.textContent).toContain('Which interview'));
    expect(asked()[0]).toEqual({ type: 'composeContext', recipients: [] });
    click(buttonIn(shadow, 'Acme — Designer'));
    expect(shadow.querySelector('.p')!.textContent).toContain('Dear Ana,');
    click(buttonIn(shadow, 'Insert'));
    expect(shadow.querySelector('.p')).toBeNull();
    const body = root.querySelector('[g_editable]')!;
    expect(readText(body, gmail.quote, gmail.skip).text.startsWith('Dear Ana,\n\nThank you.\n')).toBe(true);
    expect(body.textContent).toContain('Jane Doe');
    expect(root.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe('Thank you');
    expect(root.querySelector<HTMLInputElement>('[name=to] input')!.value).toBe('ana@acme.example');

    click(root.querySelector('.T-I-atl:not([aria-haspopup])'));
    root.closest('.nn')!.remove();
    await vi.waitFor(() => expect(messages.at(-1)).toEqual({ type: 'recordEvent', id: 'acme', event: { type: 'sent', step: 'thank-you' } }));
    await vi.waitFor(() => expect(document.querySelector('followup-toast')).not.toBeNull());
    const toast = document.querySelector('followup-toast')!.shadowRoot!;
    expect(toast.textContent).toContain('Thank-you email to Acme marked as sent.');
    click(buttonIn(toast, 'Undo'));
    await vi.waitFor(() => expect(toast.textContent).toContain('Undone.'));
    expect(messages.at(-1)).toEqual({ type: 'undoEvent', id: 'acme', match: { type: 'sent', step: 'thank-you' } });
  });

  it('records nothing when a compose is closed without Send, or when Send was followed by more typing', async () => {
    const dock = document.getElementById('dock')!;
    dock.prepend(clone('compose-template'));
    await vi.waitFor(() => expect(document.querySelectorAll('followup-control')).toHaveLength(2));
    for (const root of document.querySelectorAll('#dock .M9')) {
      const shadow = control(root);
      click(shadow.querySelector('button'));
      await vi.waitFor(() => expect(buttonIn(shadow, 'Acme')).toBeDefined());
      click(buttonIn(shadow, 'Acme'));
      click(buttonIn(shadow, 'Insert'));
    }
    const [first, second] = document.querySelectorAll('#dock .M9');
    click(second!.querySelector('.T-I-atl:not([aria-haspopup])'));
    second!.querySelector('[g_editable]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    first!.closest('.nn')!.remove();
    second!.closest('.nn')!.remove();
    await frames();
    expect(asked().map((m) => m.type)).toEqual(['composeContext', 'composeContext']);
    // Two composes, one fetch of the tone rules for the frame.
    expect(messages.filter((m) => m.type === 'toneRules')).toHaveLength(1);
    expect(document.querySelector('followup-toast')).toBeNull();
  });

  it('counts pressing words as the user types and fixes one in a click', async () => {
    const root = document.querySelector('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    body.prepend(div("Hi Ana, I still haven't heard back from you."));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const shadow = control(root);
    await vi.waitFor(() => expect(shadow.querySelector<HTMLElement>('.n')!.hidden).toBe(false));
    expect(shadow.querySelector('.n')!.textContent).toBe('1');
    expect(shadow.getElementById('d')!.textContent).toBe('1 pressing phrase in your text');
    click(shadow.querySelector('button'));
    await vi.waitFor(() => expect(buttonIn(shadow, 'Use calmer wording')).toBeDefined());
    click(buttonIn(shadow, 'Use calmer wording'));
    expect(body.firstElementChild!.textContent).toMatch(/^Hi Ana, I wanted to check in\.?$/);
    expect(shadow.querySelector<HTMLElement>('.n')!.hidden).toBe(true);
  });

  it('accepts only a well-formed rule table, and checks nothing until one arrives', async () => {
    expect(isToneTable({ rules: TONE_RULES, why: TONE_WHY })).toBe(true);
    for (const bad of [null, 'x', {}, { rules: TONE_RULES }, { rules: { urgency: [['asap']] }, why: {} }, { rules: { urgency: [['a', 1]] }, why: {} }, { rules: {}, why: { urgency: 2 } }])
      expect(isToneTable(bad), JSON.stringify(bad)).toBe(false);

    stop();
    resetTone();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer((m) => (m.type === 'toneRules' ? { ok: true, table: { rules: 'not a table' } } : { ok: true, loggedAny: false, interviews: [] }));
    stop = watch(gmail, document);
    const root = document.querySelector('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    body.prepend(div('Please respond ASAP!!'));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.waitFor(() => expect(messages.filter((m) => m.type === 'toneRules').length).toBeGreaterThanOrEqual(1));
    await frames(); // past the typing pause (350 ms), so the check has run on the new text
    await frames();
    expect(control(root).querySelector<HTMLElement>('.n')!.hidden).toBe(true);
  });

  it('says so when the background cannot be reached, and when nothing is logged', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => ({ ok: true, loggedAny: false, interviews: [] }));
    const shadow = control(document.querySelector('#dock .M9')!);
    click(shadow.querySelector('button'));
    await vi.waitFor(() => expect(shadow.querySelector('.p')!.textContent).toContain('No interview logged yet'));
    click(buttonIn(shadow, '×'));
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => {
      throw new Error('gone');
    });
    click(shadow.querySelector('button'));
    await vi.waitFor(() => expect(shadow.querySelector('.p')!.textContent).toContain('could not be reached'));
  });
});
