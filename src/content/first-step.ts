/**
 * The person's first step on a page, watched once for everything that waits for it: telling the main-world hook to
 * wrap the file pickers (src/main-world/hook.iife.ts), setting up the rest of the watch — reading "always clean" and
 * "always mark", the relay, drops (start.ts) — and adding the watchers of photos sent by script (inject-senders.ts).
 *
 * Why one set of listeners: every page pays for each listener added at load (docs/performance.md). The hook, the
 * setting's read and the senders used to add thirteen between them, for the same moment.
 *
 * The steps: a file chooser opens only with user activation, which only a pointer press or a key press gives here
 * (a touch starts with `pointerdown` too); a drop starts with the drag entering the page; and a click inside a frame
 * gives this page activation as well, while moving focus into the frame, so `blur` counts. So does a person leaving
 * the tab, which also blurs the page: the work then is the same as at a click, done once, and nothing at load.
 */
const FIRST_STEPS = ['pointerdown', 'keydown', 'dragenter', 'blur'] as const;

const waiting = new Map<EventTarget, Array<() => void>>();

/** Runs `action` at the first step on `target` (by default this page's window), or never if none comes. */
export function atFirstStep(action: () => void, target: EventTarget = window): void {
  const actions = waiting.get(target);
  if (actions) {
    actions.push(action);
    return;
  }
  waiting.set(target, [action]);
  const options = { capture: true, passive: true } as const;
  const onStep = () => {
    for (const type of FIRST_STEPS) target.removeEventListener(type, onStep, options);
    const due = waiting.get(target) ?? [];
    waiting.delete(target);
    for (const run of due) {
      try {
        run();
      } catch {
        // One action failing (the extension reloaded under the page) must not keep the others from running.
      }
    }
  };
  for (const type of FIRST_STEPS) target.addEventListener(type, onStep, options);
}
