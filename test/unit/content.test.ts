// @vitest-environment happy-dom
/**
 * The compose integration on a DOM without layout, execCommand or trusted events (happy-dom,
 * with the stand-ins of content-dom.ts): the adapters against the fixtures' markup, writing only
 * where focus is, and one compose's whole life through the watcher with a fake background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventually } from './eventually';
import { fakeBrowser } from '@webext-core/fake-browser';
import { emailsIn, type ComposeAdapter } from '../../src/content/adapter';
import { insertAtTop, readText, replaceText, setValue, snap, typeInto } from '../../src/content/editor';
import { GMAIL, gmail } from '../../src/content/sites/gmail';
import { outlook } from '../../src/content/sites/outlook';
import { FOCUS_REST, focusIn } from '../../src/content/focus';
import { guard, shadowOf } from '../../src/content/ui';
import { Window as HappyWindow } from 'happy-dom';
import { watch } from '../../src/content/watch';
import { checkTone } from '../../src/domain/tone';
import { buttonIn, click, clone, control, countRecords, div, fakeExecCommand, fakeLayout, gmailCompose, load } from './content-dom';

/** Every compose body the site recognises in `doc`, with its root. */
const find = (site: ComposeAdapter, doc: ParentNode) =>
  [...doc.querySelectorAll<HTMLElement>(site.body)].map((body) => ({ body, root: site.root(body)! })).filter((f) => f.root);

/**
 * Past the watcher's and the adapters' short waits on the fake clock: every test here runs on
 * fake timers, so no test waits on the wall clock.
 */
const frames = () => vi.advanceTimersByTimeAsync(1000);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (document as unknown as { execCommand?: unknown }).execCommand;
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('emailsIn', () => {
  it('finds addresses in chip text, typed text and attributes, lower-cased', () => {
    expect(emailsIn('Ana Lima <Ana.Lima@Acme.example>; bo@globex.example, not-an-address')).toEqual(['ana.lima@acme.example', 'bo@globex.example']);
    expect(emailsIn('mailto:x@y.example. (z@w.example)')).toEqual(['x@y.example', 'z@w.example']);
    expect(emailsIn('a@b@c.example @x.example x@ x@y x@y.c x@.example x@y..example')).toEqual([]);
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

  it('closes nested blocks in order and reads inline elements in line', () => {
    const body = document.createElement('div');
    const outer = div('a');
    const inner = div('b');
    inner.append(Object.assign(document.createElement('b'), { textContent: 'c' }));
    outer.append(inner, 'd');
    body.append(outer, div('e'));
    expect(readText(body).text).toBe('a\nbc\nd\ne\n');
  });
});

describe('writing only where focus is (issue 14)', () => {
  let body: HTMLElement;
  let inputs: InputEvent[];
  beforeEach(() => {
    fakeExecCommand();
    body = document.createElement('div');
    body.setAttribute('contenteditable', 'true');
    document.body.append(body);
    inputs = [];
    body.addEventListener('input', (e) => inputs.push(e as InputEvent));
  });

  it('inserts lines at the top, above what was there, through the input path', () => {
    body.append(div('My own words'), div('-- '), div('Jane'));
    expect(insertAtTop(body, 'Dear Ana,\n\nThank you.\nBest,\nJane\n')).toBe(true);
    expect(readText(body).text).toBe('Dear Ana,\n\nThank you.\nBest,\nJane\n\nMy own words\n-- \nJane\n');
    expect(inputs.length).toBeGreaterThan(0);
    expect(document.activeElement).toBe(body);
  });

  it('never parses the text as markup', () => {
    expect(insertAtTop(body, '<img src=x onerror=alert(1)>\n<script>x()</script>')).toBe(true);
    expect(body.querySelector('img, script')).toBeNull();
    expect(body.textContent).toBe('<img src=x onerror=alert(1)><script>x()</script>');
  });

  it('takes the text back out, and says so, when focus moves away mid-way', () => {
    body.append(div('My own words'));
    const other = document.createElement('input');
    document.body.append(other);
    // The page moves focus elsewhere as soon as the body changes.
    body.addEventListener('input', () => other.focus(), { once: true });
    expect(insertAtTop(body, 'Dear Ana,\nThank you.')).toBe(false);
    expect(readText(body).text).toBe('My own words\n');
    expect(other.value).toBe('');
  });

  it('writes nothing where the editor refuses the command', () => {
    delete (document as unknown as { execCommand?: unknown }).execCommand;
    body.append(div('My own words'));
    expect(insertAtTop(body, 'Dear Ana,')).toBe(false);
    expect(readText(body).text).toBe('My own words\n');
  });

  it('replaces a span of the text, across the mapping', () => {
    body.append(div('Hi Ana,'), div('I still have not heard back.'));
    const map = readText(body);
    const start = map.text.indexOf('I still');
    expect(replaceText(body, map, start, start + 'I still have not heard back'.length, 'I wanted to check in')).toBe(true);
    expect(readText(body).text).toBe('Hi Ana,\nI wanted to check in.\n');
  });

  it('types into a focused field and replaces a subject; never into one that cannot take focus', () => {
    const input = document.createElement('input');
    input.value = 'a@x.example, ';
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(input.value));
    input.addEventListener('change', () => seen.push('change'));
    document.body.append(input);
    expect(typeInto(input, 'b@y.example')).toBe(true);
    expect(input.value).toBe('a@x.example, b@y.example');
    expect(setValue(input, 'Thank you')).toBe(true);
    expect(input.value).toBe('Thank you');
    expect(seen).toEqual(['a@x.example, b@y.example', 'Thank you', 'change']);

    // A field that refuses focus (hidden, disabled) gets nothing, and neither does what has focus.
    fakeLayout();
    const hidden = document.createElement('input');
    const row = document.createElement('div');
    row.style.display = 'none';
    row.append(hidden);
    document.body.append(row);
    body.focus();
    expect(typeInto(hidden, 'ana.lima@acme.example')).toBe(false);
    expect(setValue(hidden as HTMLInputElement, 'Following up')).toBe(false);
    expect(hidden.value).toBe('');
    expect(body.textContent).toBe('');
  });

  it('snap puts a field or an editor back as it was, and tells the page', () => {
    body.append(div('mine'));
    const undo = snap(body);
    expect(undo()).toBe(false);
    body.append('garbage');
    expect(undo()).toBe(true);
    expect(body.textContent).toBe('mine');
    expect(inputs.at(-1)!.inputType).toBe('historyUndo');
  });
});

describe('Gmail adapter on the fixture markup', () => {
  beforeEach(() => {
    load('gmail-compose.html');
    fakeLayout();
    fakeExecCommand();
  });

  it('finds the docked compose, its Send (not "more send options"), subject and To', () => {
    gmailCompose();
    const [found, ...rest] = find(gmail, document);
    expect(rest).toEqual([]);
    expect(found!.root.className).toBe('M9');
    expect(found!.body.getAttribute('g_editable')).toBe('true');
    expect(gmail.send(found!.root)!.textContent).toBe('Send');
    expect(gmail.subject(found!.root)!.name).toBe('subjectbox');
    expect(gmail.recipients(found!.root, found!.body)).toEqual([]);
  });

  it('reads chips, and treats an inline reply as its own compose with a hidden subject', () => {
    gmailCompose();
    const area = document.getElementById('reply-area')!;
    area.classList.add('adB');
    const inline = clone('inline-template');
    const list = clone('to-chips');
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'ana.lima@acme.example');
    list.querySelector('[role=listbox]')!.prepend(chip);
    inline.querySelector('[data-slot=to]')!.append(list);
    area.append(inline);
    const found = find(gmail, document);
    expect(found).toHaveLength(2);
    const reply = found.find((f) => f.root.closest('.ip'))!;
    expect(gmail.subject(reply.root)).toBeNull();
    expect(gmail.recipients(reply.root, reply.body)).toEqual(['ana.lima@acme.example']);
  });

  it('finds the standalone pop-out by its main region', () => {
    load('gmail-popout.html');
    const [found] = find(gmail, document);
    expect(found!.root.getAttribute('role')).toBe('main');
    expect(gmail.send(found!.root)).not.toBeNull();
  });

  it('puts the control in its own cell right after Send, with a <col> of its own, and takes both away again', () => {
    const root = gmailCompose();
    const host = document.createElement('followup-control');
    const unmount = gmail.mount(gmail.send(root)!, host);
    expect(host.parentElement!.localName).toBe('td');
    expect(host.parentElement!.previousElementSibling!.className).toBe('gU Up');
    const cols = root.querySelector('.IZ colgroup')!;
    expect(cols.children).toHaveLength(5);
    expect(root.querySelector('.btC')!.children).toHaveLength(5);
    unmount();
    expect(host.isConnected).toBe(false);
    expect(root.querySelectorAll('.btC td')).toHaveLength(4);
    expect(cols.children).toHaveLength(4);
  });

  /** Gmail's chip UI, as far as these tests need it: a paste, Enter or blur makes chips. */
  function chipOnPaste(root: HTMLElement, accept = true) {
    const input = root.querySelector<HTMLInputElement>(GMAIL.to)!;
    const chipify = (text: string) => {
      for (const a of text.split(/[,\s]+/).filter((p) => p.includes('@'))) {
        const chip = document.createElement('div');
        chip.setAttribute('role', 'option');
        chip.setAttribute('data-hovercard-id', a);
        input.before(chip);
      }
    };
    input.addEventListener('paste', (e) => accept && chipify((e as ClipboardEvent).clipboardData!.getData('text/plain')));
    return input;
  }

  it('adds the address as a chip through a paste into the focused To field', async () => {
    const root = gmailCompose();
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const input = chipOnPaste(root);
    const added = gmail.addTo(root, body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(true);
    expect(gmail.recipients(root, body, false)).toEqual(['ana@acme.example']);
    expect(input.value).toBe('');
  });

  it('opens a collapsed To row through its summary before writing', async () => {
    const root = gmailCompose();
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const input = chipOnPaste(root);
    const row = root.querySelector<HTMLElement>('.fX')!;
    const cover = root.querySelector<HTMLElement>(GMAIL.cover)!;
    row.style.display = 'none';
    cover.style.display = '';
    cover.addEventListener('focus', () => {
      row.style.display = '';
      cover.style.display = 'none';
    });
    body.focus();
    const added = gmail.addTo(root, body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(true);
    expect(row.style.display).toBe('');
    expect(gmail.recipients(root, body, false)).toEqual(['ana@acme.example']);
    expect(input.value).toBe('');
    expect(readText(body).text).not.toContain('@');
  });

  it('gives up without writing anywhere when the row stays collapsed, and takes typed text back when no chip comes', async () => {
    const root = gmailCompose();
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const input = chipOnPaste(root, false);
    const subject = root.querySelector<HTMLInputElement>('input[name=subjectbox]')!;
    subject.value = 'Following up';
    subject.focus();
    root.querySelector<HTMLElement>('.fX')!.style.display = 'none';
    let added = gmail.addTo(root, body, ['ana.lima@acme.example']);
    await frames();
    expect(await added).toBe(false);
    expect(subject.value).toBe('Following up');
    expect(readText(body).text).not.toContain('@');

    root.querySelector<HTMLElement>('.fX')!.style.display = '';
    added = gmail.addTo(root, body, ['ana.lima@acme.example']);
    await frames();
    expect(await added).toBe(false);
    expect(input.value).toBe('');
    expect(subject.value).toBe('Following up');
  });

  it('types into the legacy textarea and lets Gmail read it', async () => {
    const root = gmailCompose('legacy');
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const area = root.querySelector<HTMLTextAreaElement>('textarea.vO')!;
    area.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      for (const a of emailsIn(area.value)) {
        const chip = document.createElement('div');
        chip.className = 'vR';
        const hidden = Object.assign(document.createElement('input'), { type: 'hidden', value: a });
        chip.append(hidden);
        root.querySelector('.vU')!.append(chip);
      }
      area.value = '';
    });
    const added = gmail.addTo(root, body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(true);
    expect(gmail.recipients(root, body, false)).toEqual(['ana@acme.example']);
  });

  it('finds no To field in markup it does not know', async () => {
    const root = gmailCompose('renamed');
    const added = gmail.addTo(root, root.querySelector<HTMLElement>('[g_editable]')!, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(false);
  });
});

describe('Outlook adapter on the fixture markup', () => {
  beforeEach(() => {
    load('outlook-mail.html');
    fakeLayout();
    fakeExecCommand();
  });

  it('finds an inline compose by its multi-line body, with Send, subject and To', async () => {
    document.getElementById('main')!.prepend(clone('compose-template'));
    const [found, ...rest] = find(outlook, document);
    expect(rest).toEqual([]);
    expect(found!.root.id).toBe('main');
    expect(outlook.send(found!.root)!.getAttribute('aria-label')).toBe('Send');
    expect(outlook.subject(found!.root)!.id).toBe('MSG_SUBJECT');
    const added = outlook.addTo(found!.root, found!.body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(true);
    expect(outlook.recipients(found!.root, found!.body)).toEqual(['ana@acme.example']);
    expect(found!.root.querySelector('[data-field=to]')!.textContent).toBe('ana@acme.example;');
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

  it('activates a read-only To (a compact header) with a focusin before writing, and writes nothing when it stays read-only', async () => {
    const root = clone('compose-template');
    const well = root.querySelector<HTMLElement>('[data-field=to]')!;
    well.removeAttribute('contenteditable');
    well.setAttribute('aria-readonly', 'true');
    document.getElementById('main')!.prepend(root);
    const [found] = find(outlook, document);
    found!.body.focus();
    let added = outlook.addTo(found!.root, found!.body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(false);
    expect(well.textContent).toBe('');
    expect(found!.body.textContent).not.toContain('@');

    well.addEventListener('focusin', () => well.setAttribute('contenteditable', 'true'));
    added = outlook.addTo(found!.root, found!.body, ['ana@acme.example']);
    await frames();
    expect(await added).toBe(true);
    expect(outlook.recipients(found!.root, found!.body)).toEqual(['ana@acme.example']);
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
      await eventually(() => expect(main.querySelectorAll('followup-control')).toHaveLength(1));
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
      await eventually(() => expect(half.querySelectorAll('followup-control')).toHaveLength(1));
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

  /** What the content script asked, apart from the tone checks of the user's text and the errors it reports. */
  const asked = () => messages.filter((m) => m.type !== 'checkTone' && m.type !== 'reportError');
  const ACME = { id: 'acme', company: 'Acme', role: 'Designer', interviewAt: '2026-11-17T19:00:00.000Z' };
  const DRAFTS = [{ kind: 'thank-you', draft: { to: ['ana@acme.example'], subject: 'Thank you', body: 'Dear Ana,\n\nThank you.' } }];

  beforeEach(() => {
    fakeBrowser.reset();
    messages.length = 0;
    answer((m) => {
      if (m.type === 'checkTone') return { ok: true, findings: checkTone((m as unknown as { text: string }).text) };
      if (m.type === 'composeContext') return { ok: true, loggedAny: true, interviews: [], others: [ACME] };
      if (m.type === 'composeDraft') return { ok: true, interview: { ...ACME, matched: false, drafts: DRAFTS } };
      return { ok: true, interview: {} };
    });
    load('gmail-compose.html');
    fakeLayout();
    fakeExecCommand();
    gmailCompose();
    stop = watch(gmail, document);
  });
  afterEach(() => stop());

  it('mounts once per compose, follows composes in and out, and ignores unrelated churn', async () => {
    expect(document.querySelectorAll('followup-control')).toHaveLength(1);
    const root = vi.spyOn(gmail, 'root');
    const list = document.getElementById('threads')!;
    for (let i = 0; i < 500; i++) list.append(document.createElement('tr'));
    await frames();
    expect(root).not.toHaveBeenCalled();

    gmailCompose();
    gmailCompose();
    await eventually(() => expect(document.querySelectorAll('followup-control')).toHaveLength(3));
    // The dock's observer saw the two new composes: each body was looked at once.
    expect(root).toHaveBeenCalledTimes(2);
    for (const m9 of document.querySelectorAll('.M9')) expect(m9.querySelectorAll('followup-control')).toHaveLength(1);

    document.getElementById('dock')!.firstElementChild!.remove();
    await frames();
    expect(document.querySelectorAll('followup-control')).toHaveLength(2);
    stop();
    expect(document.querySelectorAll('followup-control')).toHaveLength(0);
  });

  it("looks at <body>'s new children once per rest, whatever the storm: never at one that came and went, never twice", async () => {
    const matches = vi.spyOn(Element.prototype, 'matches');
    const storm = () => {
      const kept: Element[] = [];
      const gone: Element[] = [];
      for (let i = 0; i < 1000; i++) {
        const tip = div('Tip');
        document.body.append(tip);
        if (i % 2) tip.remove();
        (i % 2 ? gone : kept).push(tip);
      }
      return { kept, gone };
    };
    /** How many times the watcher matched each of `els` against its selectors. */
    const looks = (els: Element[]) => els.map((e) => matches.mock.contexts.filter((c) => c === e).length);
    const first = storm();
    await frames();
    expect(new Set(looks(first.kept))).toEqual(new Set([1]));
    expect(new Set(looks(first.gone))).toEqual(new Set([0]));
    const second = storm();
    await frames();
    expect(new Set(looks(first.kept))).toEqual(new Set([1]));
    expect(new Set(looks(second.kept))).toEqual(new Set([1]));
    expect(new Set(looks(second.gone))).toEqual(new Set([0]));
  });

  it('does not observe the editor the user types in once its control is in place, and puts the control back when the page re-renders the toolbar', async () => {
    // A watcher whose observers count every record they are given.
    stop();
    const records = countRecords();
    try {
      stop = watch(gmail, document);
      await frames();
      const root = document.querySelector<HTMLElement>('#dock .M9')!;
      expect(root.querySelectorAll('followup-control')).toHaveLength(1);
      // The user types: 200 changes in the editor, each in its own task.
      const editor = root.querySelector<HTMLElement>('[g_editable]')!;
      records.n = 0;
      for (let i = 0; i < 200; i++) {
        editor.append(div('x'));
        await vi.advanceTimersByTimeAsync(5);
      }
      await frames();
      expect(records.n).toBe(0);
      // Gmail re-renders the bottom bar: the row with Send (and our cell) is replaced by a new one.
      const row = root.querySelector('followup-control')!.closest('tr')!;
      const fresh = row.cloneNode(true) as HTMLElement;
      fresh.querySelector('followup-control')!.closest('td')!.remove();
      row.replaceWith(fresh);
      await frames();
      expect(records.n).toBeGreaterThan(0);
      expect(root.querySelectorAll('followup-control')).toHaveLength(1);
      expect(fresh.querySelectorAll('followup-control')).toHaveLength(1);
      // And once more, higher up: the whole bar's table.
      const table = fresh.closest('table')!;
      const again = table.cloneNode(true) as HTMLElement;
      again.querySelector('followup-control')!.closest('td')!.remove();
      table.replaceWith(again);
      await frames();
      expect(again.querySelectorAll('followup-control')).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('finds a compose container that arrives in <body> after start-up, and the composes then put in it', async () => {
    const nest = (...classes: string[]) => {
      const outer = document.createElement('div');
      classes.reduce((parent, cls) => {
        const e = document.createElement('div');
        e.className = cls;
        parent.append(e);
        return e;
      }, outer).id = 'late-dock';
      return outer;
    };
    const late = nest('dw', 'x', 'nH', 'nH', 'no');
    document.body.append(late);
    await frames();
    gmailCompose('chips', '#late-dock');
    await frames();
    expect(document.querySelectorAll('#late-dock followup-control')).toHaveLength(1);
  });

  it('puts nothing back into a compose the page removed at once, where nothing observes it (no endless remounting)', async () => {
    // An inline reply opens with focus (the control goes in at the microtask after the focusin),
    // and the page closes it in the same task, before any observer ran: the compose's own observer then sees its toolbar
    // change in a tree that left the page. Mounting there again would change it again, for ever;
    // past a few mounts this stand-in throws, to end such a loop in a failure rather than a hang.
    let mounts = 0;
    const mount = gmail.mount;
    vi.spyOn(gmail, 'mount').mockImplementation((send, host) => {
      if (++mounts > 20) throw new Error('remounting without end');
      return mount(send, host);
    });
    const area = document.getElementById('reply-area')!;
    const inline = clone('inline-template');
    inline.querySelector('[data-slot=to]')!.append(clone('to-chips'));
    area.append(inline);
    inline.querySelector<HTMLElement>('[g_editable]')!.focus();
    await Promise.resolve();
    expect(inline.querySelectorAll('followup-control')).toHaveLength(1);
    inline.remove();
    await frames();
    expect(mounts).toBe(1);
    // Focus left with it (to <body>), which the watcher hears after its focus rest (focus.ts): it
    // lets the gone compose go, control and all, and mounts nothing again.
    expect(inline.querySelectorAll('followup-control')).toHaveLength(0);
  });

  it('finds a compose where the dock is not watched when its editor takes focus', async () => {
    const area = document.getElementById('reply-area')!;
    const inline = clone('inline-template');
    inline.querySelector('[data-slot=to]')!.append(clone('to-chips'));
    area.append(inline);
    await frames();
    expect(inline.querySelector('followup-control')).toBeNull();
    inline.querySelector<HTMLElement>('[g_editable]')!.focus();
    // Looked at in the microtask after the focusin: before any timer, frame or observer.
    await Promise.resolve();
    expect(inline.querySelectorAll('followup-control')).toHaveLength(1);
  });

  it('asks for a chosen interview\'s drafts only after the choice, inserts them, records "sent" when the compose leaves after Send, and undoes it', async () => {
    const root = document.querySelector<HTMLElement>('#dock .M9')!;
    root.querySelector<HTMLElement>(GMAIL.to)!.addEventListener('paste', (e) => {
      const chip = document.createElement('div');
      chip.setAttribute('data-hovercard-id', (e as ClipboardEvent).clipboardData!.getData('text/plain'));
      root.querySelector('[role=listbox]')!.prepend(chip);
    });
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Which interview'));
    // This compose ends with Gmail's signature: the drafts asked for add no name of their own.
    expect(asked()).toEqual([{ type: 'composeContext', recipients: [], signed: true }]);
    click(buttonIn(shadow, 'Acme — Designer'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Dear Ana,'));
    expect(asked().at(-1)).toEqual({ type: 'composeDraft', id: 'acme', signed: true });
    click(buttonIn(shadow, 'Insert'));
    await frames();
    expect(shadow.querySelector('.p')).toBeNull();
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    expect(readText(body, gmail.quote, gmail.skip).text.startsWith('Dear Ana,\n\nThank you.\n')).toBe(true);
    expect(body.textContent).toContain('Jane Doe');
    expect(root.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe('Thank you');
    expect(gmail.recipients(root, body, false)).toEqual(['ana@acme.example']);

    root.querySelector<HTMLElement>('.T-I-atl:not([aria-haspopup])')!.click();
    root.closest('.nn')!.remove();
    await eventually(() => expect(messages.at(-1)).toEqual({ type: 'recordEvent', id: 'acme', event: { type: 'sent', step: 'thank-you' } }));
    await eventually(() => expect(document.querySelector('followup-toast')).not.toBeNull());
    const toast = shadowOf(document.querySelector('followup-toast')!)!;
    expect(toast.textContent).toContain('Thank-you email to Acme marked as sent.');
    click(buttonIn(toast, 'Undo'));
    await eventually(() => expect(toast.textContent).toContain('Undone.'));
    expect(messages.at(-1)).toEqual({ type: 'undoEvent', id: 'acme', match: { type: 'sent', step: 'thank-you' } });
  });

  it('keeps the panel\'s buttons in place when a tone answer redraws it, so a click pressed meanwhile is not lost', async () => {
    // Both browsers drop a click whose button was swapped out between press and release; a tone
    // answer arriving then (after each pause in typing) used to rebuild every button.
    const root = document.querySelector<HTMLElement>('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await eventually(() => expect(buttonIn(shadow, 'Acme')).toBeDefined());
    click(buttonIn(shadow, 'Acme'));
    await eventually(() => expect(buttonIn(shadow, 'Insert')).toBeDefined());
    const insert = buttonIn(shadow, 'Insert');
    const checks = () => messages.filter((m) => m.type === 'checkTone').length;

    const before = checks();
    body.prepend(div('Thanks again for the office tour.'));
    body.dispatchEvent(new Event('input', { bubbles: true }));
    await frames();
    expect(checks()).toBeGreaterThan(before);
    expect(buttonIn(shadow, 'Insert')).toBe(insert);
    // The check names the interview the panel is about, for calmer wordings with its facts.
    expect(messages.filter((m) => m.type === 'checkTone').at(-1)).toMatchObject({ interviewId: 'acme' });

    // A pressing sentence adds its finding below; what was above it stays the same nodes.
    const again = checks();
    body.prepend(div('I have been waiting to hear back for weeks.'));
    body.dispatchEvent(new Event('input', { bubbles: true }));
    await frames();
    expect(checks()).toBeGreaterThan(again);
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('Pressing'));
    expect(buttonIn(shadow, 'Insert')).toBe(insert);
  });

  it('says plainly what it could not fill, with the text to copy, and keeps the user\'s words', async () => {
    const root = document.querySelector<HTMLElement>('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    body.prepend(div('Thanks again for the office tour.'));
    body.focus();
    const shadow = control(root);
    click(shadow.querySelector('button'));
    await eventually(() => expect(buttonIn(shadow, 'Acme')).toBeDefined());
    click(buttonIn(shadow, 'Acme'));
    await eventually(() => expect(buttonIn(shadow, 'Insert')).toBeDefined());
    click(buttonIn(shadow, 'Insert'));
    await frames();
    const problem = shadow.querySelector('.e')!;
    expect(problem.textContent).toBe("Couldn't fill To: add ana@acme.exampleCopy");
    expect(problem.querySelector('button')!.textContent).toBe('Copy');
    const text = readText(body).text;
    expect(text.startsWith('Dear Ana,\n\nThank you.\n')).toBe(true);
    expect(text).toContain('\nThanks again for the office tour.\n');
    expect(text.match(/@/g)).toBeNull();
    expect(root.querySelector<HTMLInputElement>(GMAIL.to)!.value).toBe('');
    // Reported for "Copy diagnostics", with the compose's structure and no address.
    const report = messages.find((m) => m.type === 'reportError') as { where: string; skeleton: string } | undefined;
    expect(report?.where).toBe('fill-to');
    expect(report?.skeleton).toContain('div.M9');
    expect(report?.skeleton).not.toMatch(/@|Thanks again|Jane Doe/);
  });

  it('records nothing when a compose is closed without Send, or when Send was followed by more typing', async () => {
    gmailCompose();
    await eventually(() => expect(document.querySelectorAll('followup-control')).toHaveLength(2));
    for (const root of document.querySelectorAll('#dock .M9')) {
      const shadow = control(root);
      click(shadow.querySelector('button'));
      await eventually(() => expect(buttonIn(shadow, 'Acme')).toBeDefined());
      click(buttonIn(shadow, 'Acme'));
      await eventually(() => expect(buttonIn(shadow, 'Insert')).toBeDefined());
      click(buttonIn(shadow, 'Insert'));
      await frames();
    }
    const [first, second] = document.querySelectorAll('#dock .M9');
    second!.querySelector<HTMLElement>('.T-I-atl:not([aria-haspopup])')!.click();
    second!.querySelector('[g_editable]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    first!.closest('.nn')!.remove();
    second!.closest('.nn')!.remove();
    await frames();
    expect(asked().map((m) => m.type)).toEqual(['composeContext', 'composeDraft', 'composeContext', 'composeDraft']);
    // Each compose's text went to the background for the tone check, and nothing else did (but
    // the id of the interview chosen in its panel, for calmer wordings with its facts).
    expect(messages.filter((m) => m.type === 'checkTone').length).toBeGreaterThanOrEqual(2);
    for (const m of messages.filter((x) => x.type === 'checkTone')) expect(m).toEqual({ type: 'checkTone', text: expect.any(String), ...(m.interviewId ? { interviewId: 'acme' } : {}) });
    expect(document.querySelector('followup-toast')).toBeNull();
  });

  /** A pressing sentence typed in the docked compose, once the background's answer shows it as found. */
  async function pressing(): Promise<{ body: HTMLElement; shadow: ShadowRoot }> {
    const root = document.querySelector('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    body.prepend(div("Hi Ana, I still haven't heard back from you."));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const shadow = control(root);
    await eventually(() => expect(shadow.querySelector<HTMLElement>('.n')!.hidden).toBe(false));
    return { body, shadow };
  }

  it('counts pressing words as the user types and fixes one in a click', async () => {
    const { body, shadow } = await pressing();
    expect(shadow.querySelector('.n')!.textContent).toBe('1');
    expect(shadow.getElementById('d')!.textContent).toBe('1 pressing phrase in your text');
    click(shadow.querySelector('button'));
    await eventually(() => expect(buttonIn(shadow, 'Use calmer wording')).toBeDefined());
    click(buttonIn(shadow, 'Use calmer wording'));
    expect(body.firstElementChild!.textContent).toMatch(/^Hi Ana, I wanted to check in\.?$/);
    // The background checks the new text: nothing pressing is left.
    await eventually(() => expect(shadow.querySelector<HTMLElement>('.n')!.hidden).toBe(true));
  });

  it('says so when it cannot change the words (they are gone by the time of the click), and writes nothing', async () => {
    const { body, shadow } = await pressing();
    click(shadow.querySelector('button'));
    await eventually(() => expect(buttonIn(shadow, 'Use calmer wording')).toBeDefined());
    // The user rewrote the sentence; the tone answer for it has not come yet.
    body.firstElementChild!.textContent = 'Hi Ana, thank you again.';
    click(buttonIn(shadow, 'Use calmer wording'));
    expect(body.firstElementChild!.textContent).toBe('Hi Ana, thank you again.');
    const toast = document.querySelector('followup-toast');
    expect(toast && shadowOf(toast)!.textContent).toMatch(/could not change “I still haven't heard back from you\.?” here .*Edit those words yourself/);
  });

  it('shows nothing from a malformed answer, and keeps what it showed, where the words are, when the background stops answering', async () => {
    const root = document.querySelector('#dock .M9')!;
    const body = root.querySelector<HTMLElement>('[g_editable]')!;
    const count = () => control(root).querySelector<HTMLElement>('.n')!;
    body.prepend(div('Please respond ASAP!!'));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await eventually(() => expect(count().hidden).toBe(false));
    const shown = count().textContent;
    // The background stops answering: the findings stay while their words are there, and go with them.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => {
      throw new Error('gone');
    });
    body.prepend(div('Hello Ana,'));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await frames();
    await eventually(() => expect(messages.filter((m) => m.type === 'checkTone').length).toBeGreaterThanOrEqual(2));
    await frames();
    expect(count().textContent).toBe(shown);
    body.querySelector('div:nth-child(2)')!.remove();
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await eventually(() => expect(count().hidden).toBe(true));
    // A malformed answer shows nothing either.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer((m) => (m.type === 'checkTone' ? { ok: true, findings: 'not a list' } : { ok: true }));
    body.prepend(div('Please respond ASAP!!'));
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await frames();
    await frames();
    expect(count().hidden).toBe(true);
  });

  it('says so when the background cannot be reached, and when nothing is logged', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => ({ ok: true, loggedAny: false, interviews: [], others: [] }));
    const shadow = control(document.querySelector('#dock .M9')!);
    click(shadow.querySelector('button'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('No interview logged yet'));
    click(buttonIn(shadow, '×'));
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => {
      throw new Error('gone');
    });
    click(shadow.querySelector('button'));
    await eventually(() => expect(shadow.querySelector('.p')!.textContent).toContain('could not be reached'));
  });

  it('the shortcut opens the panel in the focused compose, and floats one by an editor it does not recognise', async () => {
    const root = document.querySelector<HTMLElement>('#dock .M9')!;
    root.querySelector<HTMLElement>('[g_editable]')!.focus();
    stop();
    const watcher = watch(gmail, document);
    stop = watcher;
    expect(watcher.openFocused()).toBe(true);
    await eventually(() => expect(control(root).querySelector('.p')!.textContent).toContain('Which interview'));

    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    editor.focus();
    expect(watcher.openFocused()).toBe(true);
    const floating = [...document.body.children].find((e) => e.localName === 'followup-control')!;
    expect(floating).toBeDefined();
    await eventually(() => expect(shadowOf(floating)!.querySelector('.p')!.textContent).toContain('Which interview'));
    click(buttonIn(shadowOf(floating)!, '×'));
    expect(floating.isConnected).toBe(false);
  });
});

describe('what a focus change costs the page (issue 14)', () => {
  /** A window the content script has not seen, whose listeners count their calls by type. */
  function countingWindow() {
    const win = new HappyWindow({ url: 'https://mail.google.com/mail/u/0/' });
    const calls: string[] = [];
    type Listener = (e: Event) => void;
    type Add = (type: string, fn: Listener, options?: boolean | AddEventListenerOptions) => void;
    // happy-dom's own Event type differs from lib.dom's: the content script sees it as a DOM window.
    const add = win.addEventListener.bind(win) as unknown as Add;
    const remove = win.removeEventListener.bind(win) as unknown as Add;
    const counted = new Map<Listener, Listener>();
    const wrap = (fn: Listener) => counted.get(fn) ?? counted.set(fn, (e) => (calls.push(e.type), fn(e))).get(fn)!;
    vi.spyOn(win, 'addEventListener').mockImplementation(((type: string, fn: Listener, o?: boolean) => add(type, wrap(fn), o)) as never);
    vi.spyOn(win, 'removeEventListener').mockImplementation(((type: string, fn: Listener, o?: boolean) => remove(type, wrap(fn), o)) as never);
    const fields = [win.document.createElement('input'), win.document.createElement('input'), win.document.createElement('textarea')];
    win.document.body.append(...fields);
    return { win, calls, fields, dom: win as unknown as Window };
  }

  it('300 focus changes in one task cost one call into FollowUp, and it still hears where focus went', async () => {
    const { win, calls, fields, dom } = countingWindow();
    const told: EventTarget[] = [];
    guard(dom);
    const off = focusIn(dom, (t) => told.push(t));
    fields[0]!.focus();
    await vi.advanceTimersByTimeAsync(FOCUS_REST);
    expect(told).toEqual([fields[0], fields[0]]);
    calls.length = 0;
    // A page script moves focus 300 times in one task, a field to the next, each change firing
    // blur, focusout, focus and focusin: FollowUp hears the first.
    for (let i = 1; i <= 300; i++) fields[(i + 1) % 3]!.focus();
    expect(calls).toEqual(['focusin']);
    expect(told).toEqual([fields[0], fields[0], fields[2]]);
    // After the rest: where focus is now (the 300th field), and it listens again.
    await vi.advanceTimersByTimeAsync(FOCUS_REST);
    expect(told).toEqual([fields[0], fields[0], fields[2], fields[301 % 3]]);
    fields[0]!.focus();
    expect(told.at(-1)).toBe(fields[0]);
    expect(calls).toEqual(['focusin', 'focusin']);
    // The user moving focus now and then (each change after the rest): one call each.
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(FOCUS_REST);
      fields[(i + 1) % 3]!.focus();
    }
    expect(calls).toHaveLength(12);
    off();
    await vi.advanceTimersByTimeAsync(FOCUS_REST);
    fields[2]!.focus();
    expect(calls).toHaveLength(12);
    void win.happyDOM.close();
  });
});
