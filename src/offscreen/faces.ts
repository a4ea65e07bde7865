/**
 * The offscreen document that counts faces. The service worker has no DOM, canvas or WebGL, so it creates this
 * document the first time a photo is chosen and sends it the photo (a small JPEG made in the page, see
 * src/content/face-thumbnail.ts). The detector's code and weights are loaded on the first request, never before.
 * The document closes itself when it has been idle for a while, so the model does not stay in memory.
 */
import { isCountFacesRequest, type CountFacesRequest, type CountFacesResponse, type FaceModel } from './protocol';

/** Largest photo accepted, as base64: a 640 px JPEG is about 100 KB; this leaves room and stops a huge message. */
const MAX_BASE64_CHARS = 8 * 1024 * 1024;
/** Longest side handed to the detector, whatever was sent (the detectors look at 416 or 512 px). */
const MAX_SIDE = 1024;
/** Idle time after which the document closes itself; the next photo opens it again and reloads the model. */
const IDLE_CLOSE_MS = 2 * 60 * 1000;

let idleTimer: ReturnType<typeof setTimeout> | undefined;
function keepOpen(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => window.close(), IDLE_CLOSE_MS);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function canvasFor(jpegBase64: string): Promise<HTMLCanvasElement> {
  if (jpegBase64.length === 0 || jpegBase64.length > MAX_BASE64_CHARS) throw new Error('photo missing or too large');
  const bitmap = await createImageBitmap(new Blob([bytesOf(jpegBase64)], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    bitmap.close();
  }
}

const timedLoads = new Set<FaceModel>();

async function countFaces(request: CountFacesRequest): Promise<CountFacesResponse> {
  const { detector } = await import('./detector');
  const model = request.model ?? 'tiny';
  const loaded = await detector(model, request.backend);
  // The load is counted once, in the answer to the request that waited for it.
  const loadMs = timedLoads.has(model) ? 0 : loaded.loadMs;
  timedLoads.add(model);
  const decodeStart = performance.now();
  const canvas = await canvasFor(request.jpegBase64);
  const detectStart = performance.now();
  const scores = await loaded.detect(canvas, request.minScore);
  const done = performance.now();
  return {
    ok: true,
    faces: scores.length,
    scores,
    backend: loaded.backend,
    width: canvas.width,
    height: canvas.height,
    timings: { loadMs, decodeMs: detectStart - decodeStart, detectMs: done - detectStart },
  };
}

/** One photo at a time: the detector is single-threaded anyway, and this bounds memory. */
let queue: Promise<unknown> = Promise.resolve();

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only the extension's own worker and pages may ask; content scripts (which speak for web pages) may not.
  if (!isCountFacesRequest(message) || sender.id !== chrome.runtime.id || sender.tab) return undefined;
  keepOpen();
  const run = queue.then(() => countFaces(message));
  queue = run.catch(() => undefined);
  run.then(
    (response) => sendResponse(response),
    (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies CountFacesResponse),
  ).finally(keepOpen);
  return true; // The answer comes asynchronously.
});

keepOpen();
