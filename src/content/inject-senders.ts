/**
 * Adds the page-world watchers of photos sent by script (src/main-world/senders.iife.ts) to the page at the person's
 * first step — the step every camera, crop or editor flow begins with — as a script element pointing at the
 * extension's own file (web-accessible only at a per-session address, so no page can probe for it beforehand).
 *
 * Why not in the hook that runs at load: every page pays for each kilobyte injected at load, and these watchers are
 * about 7 KB (measured: 3.4 ms of CPU time per load on a near-empty page for the hook with them, against the hook
 * without; docs/performance-history.md). What it gives up: a page that keeps its own reference to `fetch` from
 * before the first step, and calls that, is not seen (docs/script-uploads.md).
 */
import { atFirstStep } from './first-step';
import { SENDERS_FILE } from './senders-file';

export function injectSendersOnFirstStep(getUrl: (path: string) => string, target: EventTarget = window): void {
  if (__AFTERLIFE_SENDERS__ !== 'injected') return;
  atFirstStep(() => {
    try {
      const script = document.createElement('script');
      script.src = getUrl(SENDERS_FILE);
      // Gone from the page as soon as it has run (or failed to load): the page keeps no trace of it in its tree.
      script.addEventListener('load', () => script.remove(), { once: true });
      script.addEventListener('error', () => script.remove(), { once: true });
      (document.head ?? document.documentElement).append(script);
    } catch {
      // The extension was reloaded under this page, or the page has no document element: nothing is watched.
    }
  }, target);
}
