/**
 * Messages between the service worker (src/background/faces.ts) and the offscreen document that counts faces
 * (src/offscreen/faces.ts). Plain data only; both sides check what they receive.
 */

/** The offscreen document's page, relative to the extension's root (a vite input, so it keeps this path). */
export const OFFSCREEN_PAGE = 'src/offscreen/faces.html';

/** Every request for the offscreen document carries this target, so it ignores the content scripts' messages to
 *  the service worker, and the service worker's other listeners can tell these apart. */
export const FACES_TARGET = 'afterlife-offscreen-faces';

/** The detectors the offscreen document knows. The extension ships only `tiny`; `ssd` is for the evaluation
 *  script, which adds its weights to a copy of the build (see docs/faces.md). */
export type FaceModel = 'tiny' | 'ssd';
/** TensorFlow.js backends the offscreen document may use, in this order: WebAssembly (needs `'wasm-unsafe-eval'`
 *  in the extension pages' CSP), WebGL, plain JavaScript on the CPU. */
export type FaceBackend = 'wasm' | 'webgl' | 'cpu';

/** Largest photo accepted for counting, as base64: the content script's 640 px JPEG is about 100 KB; this leaves
 *  room and stops a huge message. */
export const MAX_FACE_PHOTO_CHARS = 8 * 1024 * 1024;

export interface CountFacesRequest {
  target: typeof FACES_TARGET;
  type: 'count-faces';
  /** The photo as a JPEG, base64 without a `data:` prefix (see src/content/face-thumbnail.ts). */
  jpegBase64: string;
  /** The rest only for the evaluation script and tests; the extension always uses the defaults. */
  model?: FaceModel;
  /** Forces a backend; it applies from the document's first request on. */
  backend?: FaceBackend;
  /** Lowest detection score that counts as a face (default: the detector's own, see detector.ts). */
  minScore?: number;
}

/** Where a face is in the photo, as fractions (0–1) of its width and height from the top left corner. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether a value is a face box the panel can draw: four finite fractions inside the photo. */
export function isFaceBox(value: unknown): value is FaceBox {
  if (!value || typeof value !== 'object') return false;
  const { x, y, width, height } = value as Record<string, unknown>;
  const fraction = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  return fraction(x) && fraction(y) && fraction(width) && fraction(height) && x + width <= 1.000001 && y + height <= 1.000001;
}

export interface CountFacesTimings {
  /** Importing the detector's code and loading its weights: only on the document's first request. */
  loadMs: number;
  /** Decoding the JPEG. */
  decodeMs: number;
  /** Running the detector. */
  detectMs: number;
}

export type CountFacesResponse =
  | {
      ok: true;
      faces: number;
      /** The score of every detection at or above `minScore`, highest first. */
      scores: number[];
      /** Where each of those faces is, in the same order. */
      boxes: FaceBox[];
      backend: string;
      timings: CountFacesTimings;
      /** The size of the image the detector was given. */
      width: number;
      height: number;
    }
  | { ok: false; error: string };

export function isCountFacesRequest(message: unknown): message is CountFacesRequest {
  if (!message || typeof message !== 'object') return false;
  const request = message as Partial<CountFacesRequest>;
  return (
    request.target === FACES_TARGET &&
    request.type === 'count-faces' &&
    typeof request.jpegBase64 === 'string' &&
    (request.model === undefined || request.model === 'tiny' || request.model === 'ssd') &&
    (request.backend === undefined || request.backend === 'wasm' || request.backend === 'webgl' || request.backend === 'cpu') &&
    (request.minScore === undefined || (typeof request.minScore === 'number' && request.minScore > 0 && request.minScore < 1))
  );
}

export function isCountFacesResponse(message: unknown): message is CountFacesResponse {
  if (!message || typeof message !== 'object') return false;
  const response = message as { ok?: unknown; faces?: unknown; error?: unknown };
  if (response.ok === true) return typeof response.faces === 'number' && Number.isInteger(response.faces) && response.faces >= 0;
  return response.ok === false && typeof response.error === 'string';
}
