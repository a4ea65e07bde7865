/**
 * Counting the faces in one photo with the detector shipped in the extension: decodes the small JPEG the content
 * script made, scales it, and runs the detector, which is imported on the first call. Needs a DOM and a canvas: runs
 * in Chromium's offscreen document (src/offscreen/faces.ts) and in Firefox's background page, which has both.
 */
import { fromBase64 } from '../core/rules/signature';
import { MAX_FACE_PHOTO_CHARS, type CountFacesRequest, type CountFacesResponse, type FaceBox, type FaceModel } from './protocol';

/** Longest side handed to the detector, whatever was sent (the detectors look at 416 or 512 px). */
const MAX_SIDE = 1024;

async function canvasFor(jpegBase64: string): Promise<HTMLCanvasElement> {
  if (jpegBase64.length === 0 || jpegBase64.length > MAX_FACE_PHOTO_CHARS) throw new Error('photo missing or too large');
  const bitmap = await createImageBitmap(new Blob([fromBase64(jpegBase64)], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
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

/** A detection's box as fractions of the image's width and height, kept inside the image: the panel that draws
 *  it scales it to whatever size it shows the photo at. */
function faceBoxIn(box: { x: number; y: number; width: number; height: number }, width: number, height: number): FaceBox {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const x = clamp(box.x / width);
  const y = clamp(box.y / height);
  return { x, y, width: clamp((box.x + box.width) / width) - x, height: clamp((box.y + box.height) / height) - y };
}

const timedLoads = new Set<FaceModel>();

/** The faces in the request's photo, with the detector's timings; throws when the photo cannot be decoded or the
 *  detector cannot start. */
export async function countFacesInPhoto(request: Pick<CountFacesRequest, 'jpegBase64' | 'model' | 'backend' | 'minScore'>): Promise<CountFacesResponse & { ok: true }> {
  const { detector } = await import('./detector');
  const model = request.model ?? 'tiny';
  const loaded = await detector(model, request.backend);
  // The load is counted once, in the answer to the request that waited for it.
  const loadMs = timedLoads.has(model) ? 0 : loaded.loadMs;
  timedLoads.add(model);
  const decodeStart = performance.now();
  const canvas = await canvasFor(request.jpegBase64);
  const detectStart = performance.now();
  const detections = await loaded.detect(canvas, request.minScore);
  const done = performance.now();
  return {
    ok: true,
    faces: detections.length,
    scores: detections.map(({ score }) => score),
    boxes: detections.map(({ box }) => faceBoxIn(box, canvas.width, canvas.height)),
    backend: loaded.backend,
    width: canvas.width,
    height: canvas.height,
    timings: { loadMs, decodeMs: detectStart - decodeStart, detectMs: done - detectStart },
  };
}
