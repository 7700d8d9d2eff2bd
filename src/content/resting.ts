/** What to observe, and how: asked again each time the observer starts over, so it can change. */
export type Targets = () => Iterable<readonly [Node, MutationObserverInit]>;

/**
 * A MutationObserver that rests: the first change stops it, and `wake` runs `rest` ms later and
 * then observes `targets()` again. A page that changes what it watches thousands of times a second (tooltips
 * in <body>, an editor's own re-rendering) then costs few records, not one per change, and nothing
 * is missed: `wake` looks at the state, not at the records.
 *
 * Records are made until the callback runs, at the end of the page's task, so one busy task still
 * makes a record per change: after such a storm the observer rests `longest` before looking again.
 */
export function resting(targets: Targets, rest: number, wake: () => void, longest = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const observer = new MutationObserver((records) => {
    observer.disconnect();
    timer ??= setTimeout(
      () => {
        timer = undefined;
        if (stopped) return;
        // Before observing again: what `wake` itself changes is no news.
        wake();
        if (!stopped) observe();
      },
      records.length > STORM ? longest : rest,
    );
  });
  const observe = () => {
    for (const [node, init] of targets()) observer.observe(node, init);
  };
  observe();
  return () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
  };
}

/** More changes than this in one task is a storm (a user's keystroke or a menu opening makes a few). */
const STORM = 50;
