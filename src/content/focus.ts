/**
 * Where focus goes in a window, at a cost the page does not notice (issue 14). A listener in this
 * world costs the page a call on every event it hears, and a page can move focus thousands of
 * times a second, so the focusin listener rests like the body's observer (resting.ts):
 * - the first focusin is told at once (an inline reply that takes focus gets its control in the
 *   microtask after);
 * - the listener then comes off for FOCUS_REST ms, and goes back on after telling where focus is then
 *   (`activeElement`: the state, so nothing that lasted is missed).
 */
export const FOCUS_REST = 40;

/** Tells `tell` where focus goes in `win`; returns the unsubscribe. */
export function focusIn(win: Window, tell: (target: EventTarget) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Adds or removes the listener; false once its frame closed or navigated (in Firefox, a dead object throws). */
  const listen = (on: boolean) => {
    try {
      win[on ? 'addEventListener' : 'removeEventListener']('focusin', heard, true);
      return true;
    } catch {
      return false;
    }
  };
  const heard = (e: Event) => {
    // Off before telling: `tell` may move focus itself.
    listen(false);
    tell(e.target!);
    timer = setTimeout(() => {
      const now = listen(true) && win.document.activeElement;
      if (now) tell(now);
    }, FOCUS_REST);
  };
  listen(true);
  return () => {
    clearTimeout(timer);
    listen(false);
  };
}
