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
 * call runs as before, with its own arguments, exceptions and return value. Nothing here ever changes a request.
 */
import { RELAY_CHECKED_EVENT, RelayKind } from '../shared/relay';
import { imageCandidates } from './body-images';
import { isCameraCapture, tagCameraCaptures } from './camera-tags';

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

/** Hands the image candidates in `body` to the content script; resolves once it has checked them (or after
 *  {@link MAX_WAIT_MS}), or returns null when the body holds none. Never throws. */
export function handOver(body: unknown, natives: RelayNatives): Promise<void> | null {
  let carrier: HTMLInputElement;
  let camera: boolean;
  try {
    const candidates = imageCandidates(body).filter((blob) => !relayed.has(blob));
    if (candidates.length === 0) return null;
    camera = candidates.some((blob) => isCameraCapture(blob, typeof body === 'string' ? body : undefined));
    const transfer = new DataTransfer();
    for (const blob of candidates) {
      relayed.add(blob);
      // No type and a fixed date: the content script judges by bytes alone, and a retry of the same bytes within a
      // moment counts once.
      transfer.items.add(new File([blob], camera ? 'camera-photo' : 'sent-by-page', { type: '', lastModified: 0 }));
    }
    carrier = document.createElement('input');
    carrier.type = 'file';
    carrier.files = transfer.files;
  } catch {
    return null;
  }
  return new natives.NativePromise<void>((resolve) => {
    const timer = natives.setTimer(resolve, MAX_WAIT_MS);
    carrier.addEventListener(RELAY_CHECKED_EVENT, () => (clearTimeout(timer as number), resolve()), { once: true });
    try {
      natives.relay(carrier, camera ? RelayKind.CameraSent : RelayKind.ScriptSent);
    } catch {
      resolve();
    }
  });
}

/** What a Proxy's `apply` trap gets. */
type Trap = (target: (...args: unknown[]) => unknown, thisArg: unknown, args: unknown[]) => unknown;

function wrap(holder: object | undefined, name: string, trap: Trap): void {
  const native = (holder as Record<string, unknown> | undefined)?.[name];
  if (!holder || typeof native !== 'function') return;
  (holder as Record<string, unknown>)[name] = new Proxy(native, { apply: trap as ProxyHandler<typeof native>['apply'] });
}

/** `fetch`, wrapped at load; `holder` is `window`, or the trainer demo's simulated site, whose `fetch` goes nowhere. */
export function watchFetch(natives: RelayNatives, holder: object = window): void {
  wrap(holder, 'fetch', (target, thisArg, args) => {
    const [input, init] = args as [unknown, { body?: unknown } | undefined];
    let waiting: Promise<void> | null = null;
    try {
      waiting = handOver(init?.body, natives);
      // A Request carries its body as a stream: read a copy, and leave the page's untouched.
      if (!waiting && !init?.body && input instanceof Request && input.body) {
        waiting = input
          .clone()
          .blob()
          .then((blob) => handOver(blob, natives) ?? undefined, () => undefined);
      }
    } catch {
      waiting = null;
    }
    if (!waiting) return natives.apply(target, thisArg, args);
    return waiting.then(() => natives.apply(target, thisArg, args));
  });
}

/** `XMLHttpRequest.send`, `sendBeacon`, `WebSocket.send` and the camera tags, wrapped at the first step. */
export function watchOtherSenders(natives: RelayNatives): void {
  const handingOverFirst = (bodyIndex: number): Trap => (target, thisArg, args) => {
    void handOver(args[bodyIndex], natives);
    return natives.apply(target, thisArg, args);
  };
  if (typeof XMLHttpRequest === 'function') wrap(XMLHttpRequest.prototype, 'send', handingOverFirst(0));
  if (typeof Navigator === 'function') wrap(Navigator.prototype, 'sendBeacon', handingOverFirst(1));
  if (typeof WebSocket === 'function') wrap(WebSocket.prototype, 'send', handingOverFirst(0));
  tagCameraCaptures(natives);
}
