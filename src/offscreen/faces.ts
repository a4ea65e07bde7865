/**
 * The offscreen document that counts faces. The service worker has no DOM, canvas or WebGL, so it creates this
 * document the first time a photo is chosen and sends it the photo (a small JPEG made in the page, see
 * src/content/face-thumbnail.ts). The detector's code and weights are loaded on the first request, never before.
 * The document closes itself when it has been idle for a while, so the model does not stay in memory.
 */
import { countFacesInPhoto } from './count';
import { isCountFacesRequest, type CountFacesResponse } from './protocol';

/** Idle time after which the document closes itself; the next photo opens it again and reloads the model. */
const IDLE_CLOSE_MS = 2 * 60 * 1000;

let idleTimer: ReturnType<typeof setTimeout> | undefined;
function keepOpen(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => window.close(), IDLE_CLOSE_MS);
}

/** One photo at a time: the detector is single-threaded anyway, and this bounds memory. */
let queue: Promise<unknown> = Promise.resolve();

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only the extension's own worker and pages may ask; content scripts (which speak for web pages) may not.
  if (!isCountFacesRequest(message) || sender.id !== chrome.runtime.id || sender.tab) return undefined;
  keepOpen();
  const run = queue.then(() => countFacesInPhoto(message));
  queue = run.catch(() => undefined);
  run.then(
    (response) => sendResponse(response),
    (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies CountFacesResponse),
  ).finally(keepOpen);
  return true; // The answer comes asynchronously.
});

keepOpen();
