/**
 * How many faces a chosen photo shows, counted on the device. Chromium's service worker has no DOM, canvas or WebGL,
 * so there the detector runs in an offscreen document (src/offscreen/), created on the first call and reused while
 * it is open; Firefox's background is a page, which runs it itself. Nothing is loaded at startup, and any failure or
 * a slow answer gives 'unknown' — never a guess.
 */
import { FACES_TARGET, MAX_FACE_PHOTO_CHARS, OFFSCREEN_PAGE, isCountFacesResponse, isFaceBox, type CountFacesRequest, type CountFacesResponse } from '../offscreen/protocol';
import type { FacesFound } from '../shared/protocol';
import { isBase64 } from '../shared/base64';

/** Longest wait for an answer, including opening the document and loading the model on the first call
 *  (about 1–2 s on a slow machine's CPU, see docs/faces.md). */
export const COUNT_FACES_TIMEOUT_MS = 20_000;
/** Whether a message's photo is worth sending to the detector: base64 of a sensible size. */
const isFacePhoto = (jpegBase64: unknown): jpegBase64 is string => jpegBase64 !== '' && isBase64(jpegBase64, MAX_FACE_PHOTO_CHARS);

const JUSTIFICATION =
  'Counts the faces in a photo the person chose to upload, on the device: decodes the image (a Blob) and runs a ' +
  'face-detection model on a canvas, which the service worker cannot use.';

let creating: Promise<void> | null = null;

async function documentIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PAGE)],
  });
  return contexts.length > 0;
}

async function openDocument(): Promise<void> {
  if (await documentIsOpen()) return;
  creating ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN_PAGE, reasons: ['BLOBS'], justification: JUSTIFICATION })
    .catch((error: unknown) => {
      // Another call opened it between the check and here: that document serves us as well.
      if (!/single offscreen document/i.test(String(error))) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the request, retrying while the document's script has not started listening yet. */
async function ask(request: CountFacesRequest, deadline: number): Promise<unknown> {
  for (;;) {
    try {
      return await chrome.runtime.sendMessage(request);
    } catch (error) {
      if (!/receiving end does not exist/i.test(String(error)) || Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/**
 * The faces the detector finds in a photo (how many, and where, for the "what a scraper sees" panel), or 'unknown' when it could not tell (no offscreen API, the
 * model failed to load, the image could not be decoded, or no answer within {@link COUNT_FACES_TIMEOUT_MS}).
 * @param jpegBase64 the photo as a JPEG, base64 without a `data:` prefix (from `faceThumbnail`).
 */
export async function countFaces(jpegBase64: unknown): Promise<FacesFound | 'unknown'> {
  if (!isFacePhoto(jpegBase64)) return 'unknown';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'unknown'>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), COUNT_FACES_TIMEOUT_MS);
  });
  const counted = (__AFTERLIFE_FACE_DETECTOR__ === 'background' ? countHere(jpegBase64) : countOffscreen(jpegBase64)).catch((): 'unknown' => 'unknown');
  try {
    return await Promise.race([counted, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Chromium: in the offscreen document, opened on the first photo. */
async function countOffscreen(jpegBase64: string): Promise<FacesFound | 'unknown'> {
  if (typeof chrome === 'undefined' || !chrome.offscreen?.createDocument || !chrome.runtime?.getContexts) return 'unknown';
  const deadline = Date.now() + COUNT_FACES_TIMEOUT_MS;
  await openDocument();
  const response = await ask({ target: FACES_TARGET, type: 'count-faces', jpegBase64 }, deadline);
  return isCountFacesResponse(response) && response.ok ? facesFound(response) : 'unknown';
}

/** The count and the boxes, checked: a box that is not one is left out, and the count is what the detector said. */
function facesFound(response: CountFacesResponse & { ok: true }): FacesFound {
  const boxes = Array.isArray(response.boxes) ? response.boxes.filter(isFaceBox) : [];
  return { faces: response.faces, boxes: boxes.slice(0, response.faces) };
}

/** One photo at a time in this page, as in the offscreen document. */
let queue: Promise<unknown> = Promise.resolve();

/** Firefox: the background is a page with a DOM, so it runs the detector itself, imported on the first photo. */
async function countHere(jpegBase64: string): Promise<FacesFound | 'unknown'> {
  const run = queue.then(async () => {
    const { countFacesInPhoto } = await import('../offscreen/count');
    return facesFound(await countFacesInPhoto({ jpegBase64 }));
  });
  queue = run.catch(() => undefined);
  return run;
}
