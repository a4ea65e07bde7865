/**
 * Photos a page sends by script — a selfie from the camera, a crop made on a canvas, base64 inside JSON — never pass
 * a file chooser. These wrappers, in the page's own world, look at what `fetch`, `XMLHttpRequest.send`,
 * `navigator.sendBeacon` and `WebSocket.send` are given, and hand each image candidate to the isolated content
 * script on the relay (src/shared/relay.ts), which checks its bytes and warns.
 *
 * - `fetch` is wrapped at load (a page that keeps its own reference to it early would otherwise slip past) and, when
 *   its body holds a candidate, waits for the content script's check — at most {@link MAX_WAIT_MS} — so the warning
 *   is on screen before the request leaves. A body without one goes straight through, untouched and unwaited.
 * - `XMLHttpRequest.send`, `sendBeacon` and `WebSocket.send` return at once by contract: the candidate is handed over
 *   first and the request goes on unchanged; the warning follows as it goes. They are wrapped at the person's first
 *   step (with the camera tags), which every capture or editing flow begins with.
 * Each wrapper is a Proxy of the native function, so it keeps its `name`, `length` and `toString()`; the page's own
 * call runs as before, with its own arguments, exceptions and return value. A request is changed only when the
 * person chose "always clean" or "always mark": a `fetch` then sends the prepared copy in place of the photo.
 */
import { RELAY_CHECKED_EVENT, RelayKind, REPLACEABLE_ATTRIBUTE } from '../shared/relay';
import { imageCandidates, withImagesReplaced } from './body-images';
import { isCameraCapture, tagCameraCaptures } from './camera-tags';
import { wrapNative, type Trap } from './wrap-native';

/** The longest a `fetch` with a photo waits for the warning: the content script needs ~20–60 ms for a large photo
 *  on a slow machine (docs/performance.md); past this the request goes anyway. */
export const MAX_WAIT_MS = 1500;

export interface RelayNatives {
  apply: typeof Reflect.apply;
  /** Hands an element to the content script on the relay. */
  relay(input: unknown, kind: RelayKind): void;
  NativePromise: PromiseConstructor;
  setTimer(done: () => void, ms: number): unknown;
}

/** Blobs already handed over: a page retrying the same upload, or sending it on two channels, is warned once. */
const relayed = new WeakSet<Blob>();

/** What came back for each candidate: the copy to send instead (the person's "always clean" or "always mark"), or
 *  null to send it as it is. */
type Replacements = Array<Blob | null>;

/** Hands the image candidates in `body` to the content script; resolves once it has checked them (or after
 *  {@link MAX_WAIT_MS}) with what to send instead, or returns null when the body holds none. Never throws. */
export function handOver(body: unknown, natives: RelayNatives, replaceable = false): Promise<Replacements> | null {
  let carrier: HTMLInputElement;
  let camera: boolean;
  let sent: Array<{ index: number; file: File }>;
  let count: number;
  try {
    const candidates = imageCandidates(body);
    count = candidates.length;
    const fresh = candidates.flatMap((blob, index) => (relayed.has(blob) ? [] : [{ index, blob }]));
    if (fresh.length === 0) return null;
    camera = fresh.some(({ blob }) => isCameraCapture(blob, typeof body === 'string' ? body : undefined));
    const transfer = new DataTransfer();
    sent = fresh.map(({ index, blob }) => {
      relayed.add(blob);
      // No type and a fixed date: the content script judges by bytes alone, and a retry of the same bytes within a
      // moment counts once.
      const file = new File([blob], camera ? 'camera-photo' : 'sent-by-page', { type: '', lastModified: 0 });
      transfer.items.add(file);
      return { index, file };
    });
    carrier = document.createElement('input');
    carrier.type = 'file';
    carrier.files = transfer.files;
    // Only a `fetch` can wait for prepared copies and send them; the content script prepares none for the others.
    if (replaceable) carrier.setAttribute(REPLACEABLE_ATTRIBUTE, '');
  } catch {
    return null;
  }
  const unchanged = (): Replacements => new Array<Blob | null>(count).fill(null);
  return new natives.NativePromise<Replacements>((resolve) => {
    const timer = natives.setTimer(() => resolve(unchanged()), MAX_WAIT_MS);
    carrier.addEventListener(
      RELAY_CHECKED_EVENT,
      () => {
        clearTimeout(timer as number);
        // The content script put prepared copies in the carrier, in order, where it made any.
        const back = carrier.files;
        const replacements = unchanged();
        if (back && back.length === sent.length) sent.forEach(({ index, file }, i) => back[i] !== file && (replacements[index] = back[i]!));
        resolve(replacements);
      },
      { once: true },
    );
    try {
      natives.relay(carrier, camera ? RelayKind.CameraSent : RelayKind.ScriptSent);
    } catch {
      resolve(unchanged());
    }
  });
}

/** `fetch`, wrapped at load; `holder` is `window`, or the trainer demo's simulated site, whose `fetch` goes nowhere. */
export function watchFetch(natives: RelayNatives, holder: object = window): void {
  wrapNative(holder, 'fetch', (target, thisArg, args) => {
    const [input, init] = args as [unknown, { body?: unknown } | undefined];
    let waiting: Promise<Replacements | null> | null = null;
    try {
      waiting = handOver(init?.body, natives, true);
      // A Request carries its body as a stream: read a copy, and leave the page's untouched (it is sent as it is).
      if (!waiting && !init?.body && input instanceof Request && input.body) {
        waiting = input
          .clone()
          .blob()
          .then((blob) => handOver(blob, natives), () => null)
          .then(() => null);
      }
    } catch {
      waiting = null;
    }
    if (!waiting) return natives.apply(target, thisArg, args);
    return waiting.then(async (replacements) => {
      // The person's automatic actions made copies: the body is rebuilt around them; otherwise it goes as it was.
      if (replacements?.some(Boolean)) {
        const body = await withImagesReplaced(init?.body, replacements).catch(() => init?.body);
        if (body !== init?.body) return natives.apply(target, thisArg, [input, { ...init, body }]);
      }
      return natives.apply(target, thisArg, args);
    });
  });
}

/** `XMLHttpRequest.send`, `sendBeacon`, `WebSocket.send` and the camera tags, wrapped at the first step. */
export function watchOtherSenders(natives: RelayNatives): void {
  // These send as they are: their contract is to return at once, so there is no waiting for a prepared copy.
  const handingOverFirst = (bodyIndex: number): Trap => (target, thisArg, args) => {
    void handOver(args[bodyIndex], natives);
    return natives.apply(target, thisArg, args);
  };
  if (typeof XMLHttpRequest === 'function') wrapNative(XMLHttpRequest.prototype, 'send', handingOverFirst(0));
  if (typeof Navigator === 'function') wrapNative(Navigator.prototype, 'sendBeacon', handingOverFirst(1));
  if (typeof WebSocket === 'function') wrapNative(WebSocket.prototype, 'send', handingOverFirst(0));
  tagCameraCaptures(natives);
}
