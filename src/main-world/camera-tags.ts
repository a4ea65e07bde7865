/**
 * Telling a camera photo from any other image a page sends, in the page's own world: a canvas exported (`toBlob`,
 * `toDataURL`, `OffscreenCanvas.convertToBlob`) while the page has a live camera stream, or a photo from
 * `ImageCapture.takePhoto()`. The tag only changes the warning's words ("a camera photo"); a page that lies about
 * it gains nothing, and the content script still checks the bytes.
 *
 * `drawImage` is not wrapped to see which canvas drew the camera's frame: games call it thousands of times a frame,
 * and a wrapper would cost them on every call. An export while a camera is live is what a selfie step does.
 *
 * Installed at the person's first step on the page (a camera opens only after one), so pages that never use it pay
 * nothing at load. A stream opened before that step is still found through the page's `<video>` elements.
 */

import { wrapNative } from './wrap-native';

interface Natives {
  apply: typeof Reflect.apply;
}

/** Streams the page opened with a camera, and what canvases exported while one was live. */
const cameraStreams = new Set<MediaStream>();
const cameraBlobs = new WeakSet<Blob>();
/** The sizes and types of those exports: `FormData.append(name, blob, filename)` wraps a blob in a new File with the
 *  same bytes, so a FormData entry is matched by these. The last few only. */
const cameraBlobShapes: string[] = [];
const shapeOf = (blob: Blob) => `${blob.size}:${blob.type}`;
/** Data URLs exported from a camera canvas, by their first and last characters (the URL itself may be megabytes). */
const cameraDataUrls = new Set<string>();
const MAX_DATA_URLS = 20;

const dataUrlKey = (url: string) => `${url.length}:${url.slice(0, 64)}:${url.slice(-64)}`;

/** Whether a blob, or a text that contains an exported data URL, came from the camera. */
export function isCameraCapture(blob: Blob | null, text?: string): boolean {
  if (blob && (cameraBlobs.has(blob) || cameraBlobShapes.includes(shapeOf(blob)))) return true;
  if (text && cameraDataUrls.size > 0) {
    for (let index = text.indexOf('data:image/'); index !== -1; index = text.indexOf('data:image/', index + 1)) {
      const end = text.slice(index).search(/["'\s)]/);
      if (cameraDataUrls.has(dataUrlKey(end === -1 ? text.slice(index) : text.slice(index, index + end)))) return true;
    }
  }
  return false;
}

/** Tags a blob as a camera photo: for the trainer demo's simulated camera, which stands in for a real one when the
 *  trainer does not use the computer's own. */
export function tagAsCameraPhoto(blob: Blob): void {
  cameraBlobs.add(blob);
  cameraBlobShapes.push(shapeOf(blob));
  if (cameraBlobShapes.length > 10) cameraBlobShapes.shift();
}

/** Whether bytes decoded from a data URL match one the camera canvas exported (by the same key). */
export const rememberCameraDataUrl = (url: string) => {
  if (cameraDataUrls.size >= MAX_DATA_URLS) cameraDataUrls.delete(cameraDataUrls.values().next().value!);
  cameraDataUrls.add(dataUrlKey(url));
};

/** Installs the tagging wrappers; every failure leaves the page's own function in place. */
export function tagCameraCaptures({ apply }: Natives): void {
  /** A live video track from a device that is not a screen: a camera. */
  const isCameraStream = (stream: unknown) =>
    typeof MediaStream === 'function' &&
    stream instanceof MediaStream &&
    stream.getVideoTracks().some((track) => {
      // A device's track has a device id; a canvas or another page element captured as a stream has none.
      const settings = track.getSettings();
      return track.readyState === 'live' && !!settings.deviceId && !('displaySurface' in settings);
    });
  const cameraIsLive = () => {
    for (const stream of cameraStreams) if (!isCameraStream(stream)) cameraStreams.delete(stream);
    if (cameraStreams.size > 0) return true;
    for (const video of document.querySelectorAll('video')) if (isCameraStream(video.srcObject)) return true;
    return false;
  };
  const tagged = (blob: unknown) => {
    if (blob instanceof Blob) tagAsCameraPhoto(blob);
    return blob;
  };

  const devices = (navigator as Navigator & { mediaDevices?: MediaDevices }).mediaDevices;
  wrapNative(devices, 'getUserMedia', (native, thisArg, args) => {
    const result = apply(native, thisArg, args) as Promise<MediaStream>;
    const constraints = args[0] as { video?: unknown } | undefined;
    // Only streams with video: a microphone alone takes no photos.
    if (constraints?.video) void result.then((stream) => void cameraStreams.add(stream), () => undefined);
    return result;
  });
  if (typeof HTMLCanvasElement === 'function') {
    wrapNative(HTMLCanvasElement.prototype, 'toBlob', (native, thisArg, args) => {
      const [callback, ...rest] = args;
      if (typeof callback !== 'function' || !cameraIsLive()) return apply(native, thisArg, args);
      return apply(native, thisArg, [(blob: Blob | null) => apply(callback, undefined, [tagged(blob)]), ...rest]);
    });
    wrapNative(HTMLCanvasElement.prototype, 'toDataURL', (native, thisArg, args) => {
      const url = apply(native, thisArg, args);
      if (typeof url === 'string' && url.length > 1000 && cameraIsLive()) rememberCameraDataUrl(url);
      return url;
    });
  }
  if (typeof OffscreenCanvas === 'function') {
    wrapNative(OffscreenCanvas.prototype, 'convertToBlob', (native, thisArg, args) => {
      const result = apply(native, thisArg, args) as Promise<Blob>;
      return cameraIsLive() ? result.then(tagged) : result;
    });
  }
  const ImageCaptureType = (globalThis as { ImageCapture?: { prototype: object } }).ImageCapture;
  wrapNative(ImageCaptureType?.prototype, 'takePhoto', (native, thisArg, args) => (apply(native, thisArg, args) as Promise<Blob>).then(tagged));
}
