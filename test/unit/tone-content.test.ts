// @vitest-environment happy-dom
/**
 * The content script's side of the tone check (issue 13): the background's answer to checkTone,
 * nothing when it fails, is malformed or does not come in time; findings found again where the
 * user's typing moved their words; the underline layer drawn from the words' rects, with a card
 * per finding (reason, calmer wording, Replace).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { askTone, locate } from '../../src/content/tone';
import { toneMarks } from '../../src/content/tone-overlay';
import type { Compose } from '../../src/content/compose';
import { gmail } from '../../src/content/sites/gmail';
import { press, shadowOf } from '../../src/content/ui';
import { checkTone, type ToneFinding } from '../../src/domain/tone';

const answer = (fn: (m: { type: string; text: string }) => unknown) =>
  fakeBrowser.runtime.onMessage.addListener(((m: { type: string; text: string }, _s: unknown, respond: (r: unknown) => void) => {
    Promise.resolve()
      .then(() => fn(m))
      .then(respond, () => respond(undefined));
    return true;
  }) as never);

describe('askTone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
  });
  afterEach(() => vi.useRealTimers());

  it('gives the background’s findings for the text it sent', async () => {
    const sent: unknown[] = [];
    answer((m) => (sent.push(m), { ok: true, findings: checkTone(m.text) }));
    const text = 'Hi Ana, tell me what was decided. Please respond ASAP!!';
    expect(await askTone(text)).toEqual(checkTone(text));
    expect(sent).toEqual([{ type: 'checkTone', text }]);
  });

  it('gives undefined when the background fails, answers something else, or not in time', async () => {
    answer(() => {
      throw new Error('gone');
    });
    expect(await askTone('Any news??')).toBeUndefined();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => ({ ok: true, findings: 'nope' }));
    expect(await askTone('Any news??')).toBeUndefined();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    answer(() => new Promise(() => undefined));
    const late = askTone('Any news??');
    await vi.advanceTimersByTimeAsync(5000);
    expect(await late).toBeUndefined();
  });
});

describe('locate', () => {
  const f = (text: string, start: number): ToneFinding => ({ start, end: start + text.length, text, category: 'urgency', why: 'x', suggestion: '' });
  it('keeps a finding whose words are still at its offsets', () => {
    expect(locate('Please respond ASAP.', f('ASAP', 15))).toBe(15);
  });
  it('follows words that typing moved, to the nearest copy', () => {
    expect(locate('Hello. Please respond ASAP.', f('ASAP', 15))).toBe(22);
    expect(locate('ASAP. Please respond ASAP.', f('ASAP', 20))).toBe(21);
    expect(locate('ASAP and more text here ASAP', f('ASAP', 2))).toBe(0);
  });
  it('says -1 when the words are gone', () => {
    expect(locate('Please respond soon.', f('ASAP', 15))).toBe(-1);
  });
});

describe('the underline layer', () => {
  let body: HTMLElement;
  let fixed: string[];
  const finding = (text: string, what: string): ToneFinding => ({ ...checkTone(text).find((x) => x.text.includes(what))! });

  beforeEach(() => {
    document.body.replaceChildren();
    body = document.createElement('div');
    body.setAttribute('contenteditable', 'true');
    body.textContent = 'Hi Ana. Please respond ASAP!!';
    document.body.append(body);
    fixed = [];
    // A layout: every character is 10 px wide on one 20 px line.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, bottom: 200, right: 800, width: 800, height: 200, toJSON() {} } as DOMRect);
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const r = { left: this.startOffset * 10, top: 0, bottom: 20, width: (this.endOffset - this.startOffset) * 10, height: 20 };
      return [r] as unknown as DOMRectList;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const compose = (findings: ToneFinding[]) => ({ body, site: gmail, findings, fix: (f: ToneFinding) => fixed.push(f.text) }) as unknown as Compose;
  const layer = () => shadowOf(document.querySelector('followup-tone')!)!;

  it('is on the page only while there is something to show, and draws each finding under its words', () => {
    const c = compose([]);
    const marks = toneMarks(c);
    marks.draw();
    expect(document.querySelector('followup-tone')).toBeNull();
    const f = finding(body.textContent!, 'ASAP');
    (c as { findings: ToneFinding[] }).findings = [f];
    marks.draw();
    const [u] = layer().querySelectorAll<HTMLElement>('.u');
    expect(u!.style.left).toBe(`${f.start * 10}px`);
    expect(u!.style.width).toBe(`${f.text.length * 10}px`);
    expect(u!.style.top).toBe('19px');
    // Typing before the words moves them; the next frame draws the underline under them again.
    body.textContent = `Hello there. ${body.textContent}`;
    marks.draw();
    expect(layer().querySelector<HTMLElement>('.u')!.style.left).toBe(`${(f.start + 13) * 10}px`);
    marks.destroy();
    expect(document.querySelector('followup-tone')).toBeNull();
  });

  it('opens a card per finding with the reason, the calmer wording and Replace, which fixes that finding; × closes it', () => {
    const text = 'Tell me what was decided. Please respond ASAP!!';
    body.textContent = text;
    const found = checkTone(text);
    expect(found.length).toBeGreaterThanOrEqual(2);
    const marks = toneMarks(compose(found));
    marks.draw();
    press(layer().querySelector('.u')!);
    const card = () => layer().querySelector('.c');
    expect(card()!.getAttribute('role')).toBe('dialog');
    expect(card()!.textContent).toContain(found[0]!.why);
    expect(card()!.textContent).toContain(found[0]!.suggestion);
    expect(layer().activeElement?.textContent).toBe('Replace');
    // (The arrow keys and Escape act on trusted key presses only: test/e2e/tone-overlay.test.ts.)
    press(layer().querySelectorAll('.u')[1]!);
    expect(card()!.textContent).toContain(found[1]!.why);
    press(layer().querySelector('.c .x')!);
    expect(card()).toBeNull();
    press(layer().querySelector('.u')!);
    press(layer().querySelector('.c [data-k=r]')!);
    expect(fixed).toEqual([found[0]!.text]);
    expect(card()).toBeNull();
    marks.destroy();
  });

  it('keeps the card\'s Replace and the underlines in place when a redraw finds nothing moved (a click pressed meanwhile is kept)', () => {
    const text = 'Tell me what was decided. Please respond ASAP!!';
    body.textContent = text;
    const marks = toneMarks(compose(checkTone(text)));
    marks.draw();
    press(layer().querySelector('.u')!);
    const replace = layer().querySelector('.c [data-k=r]');
    const underline = layer().querySelector('.u');
    marks.draw();
    expect(layer().querySelector('.c [data-k=r]')).toBe(replace);
    expect(layer().querySelector('.u')).toBe(underline);
    // Typing before the words moves the underlines: those are drawn anew.
    body.textContent = `Hello there. ${text}`;
    marks.draw();
    expect(layer().querySelector('.u')).not.toBe(underline);
    marks.destroy();
  });
});
