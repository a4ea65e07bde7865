/**
 * The page-world watchers of photos sent by script (script-uploads.ts), as a classic script the content script adds
 * to the page at the person's first step (src/content/inject-senders.ts). It runs in the page's own world, like the
 * hook, and talks to the content script only on the relay.
 */
import { RELAY_EVENT, type RelayKind } from '../shared/relay';
import { watchFetch, watchOtherSenders, type RelayNatives } from './script-uploads';

(() => {
  const apply = Reflect.apply;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const NativeMouseEvent = MouseEvent;
  const nativeSetTimeout = setTimeout;
  const natives: RelayNatives = {
    apply,
    relay: (input: unknown, kind: RelayKind) => {
      apply(dispatch, window, [new NativeMouseEvent(RELAY_EVENT, { relatedTarget: input as EventTarget, detail: kind })]);
    },
    NativePromise: Promise,
    setTimer: (done, ms) => nativeSetTimeout(done, ms),
  };
  try {
    watchFetch(natives);
    watchOtherSenders(natives);
  } catch {
    // A page that froze what we wrap keeps its own functions.
  }
})();
