/**
 * Runs in the page's own JavaScript world at document_start, before any page script, and only relays: it never
 * reads a file's contents and has no access to extension APIs. Two things are invisible to the isolated content
 * script without it:
 *  - a file input created by script and clicked without ever being attached to the document — its `change` event
 *    never reaches a listener on the page;
 *  - files picked through the File System Access API (`showOpenFilePicker`), which never touch an input at all.
 *
 * It runs on every page, so at load it adds one listener to `window` and touches nothing else: touching an interface
 * such as `HTMLInputElement` or `MouseEvent` makes Chromium build it for the page, which was most of what the hook
 * cost at load (a hook that only wrapped `click()` there cost 0.46 ms of CPU time per load against 0.53 ms for the
 * whole hook, measured on a near-empty page). Everything is wrapped at the person's first pointer press, key press,
 * drag or click into a frame, which the content script signals (FIRST_STEP_EVENT, src/content/first-step.ts): a file
 * chooser opens only with user activation, which only such a step gives, and the content script's capture listeners
 * on `window`, added before any page script, run before the page's own handlers for it.
 * What it gives up: a page that kept its own reference to the native `click` or `showOpenFilePicker` before the first
 * step is not seen calling it (inputs in the document are seen by the content script anyway); and the natives the
 * relay uses are taken at that step, so a page that replaced `MouseEvent` or `dispatchEvent` before it stops the relay
 * of detached inputs and picked files (nothing else: the content script checks what it is sent with its own view).
 */
import { FIRST_STEP_EVENT, RELAY_EVENT, RelayKind } from '../shared/relay';
import { watchFetch, watchOtherSenders, type RelayNatives } from './script-uploads';

(() => {
  // At load: this one listener (added before any page script, so `window`'s own method is the native one), and
  // nothing else. `once`, so nothing has to be removed later through a method the page may have replaced by then.
  window.addEventListener(
    FIRST_STEP_EVENT,
    () => {
      try {
        wrapAtFirstStep(window);
      } catch {
        // A page that froze the prototypes: nothing to wrap, and nothing of the page's may break.
      }
    },
    { capture: true, once: true },
  );
})();

function wrapAtFirstStep(win: Window): void {
  const apply = Reflect.apply;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const NativeMouseEvent = MouseEvent;

  /** Points the content script at an element. It checks, with its own untampered view of the DOM, that this is a
   *  file input; so the hook does not look at the element itself, and a page that changed `type` fools nothing. */
  const relay = (input: unknown, kind: RelayKind) => {
    apply(dispatch, win, [new NativeMouseEvent(RELAY_EVENT, { relatedTarget: input as EventTarget, detail: kind })]);
  };

  const watchBefore = (native: (this: HTMLInputElement) => void) =>
    function (this: HTMLInputElement) {
      try {
        relay(this, RelayKind.WatchInput);
      } catch {
        // Never let the hook break the page's own click.
      }
      return apply(native, this, []);
    };
  const inputProto = HTMLInputElement.prototype;
  inputProto.click = watchBefore(inputProto.click);
  if (typeof inputProto.showPicker === 'function') inputProto.showPicker = watchBefore(inputProto.showPicker);

  // Photos sent by script (script-uploads.ts): Chromium's content script adds those watchers to the page at the same
  // step (src/content/inject-senders.ts), so this hook, which every page loads, stays small; Firefox, which gets no
  // per-session address to load them from, has them here.
  if (__AFTERLIFE_SENDERS__ === 'hook') {
    try {
      const nativeSetTimeout = setTimeout;
      const relayNatives: RelayNatives = { apply, relay, NativePromise: Promise, setTimer: (done: () => void, ms: number) => nativeSetTimeout(done, ms) };
      watchFetch(relayNatives);
      watchOtherSenders(relayNatives);
    } catch {
      // As above: the page keeps its own functions.
    }
  }

  wrapFilePicker(win, apply, relay);
}

/** File System Access (secure pages only): wraps whatever picker the page calls from now on, including one it
 *  installs later, and hands the files it picked to the content script in a carrier input. */
function wrapFilePicker(win: Window, apply: typeof Reflect.apply, relay: (input: unknown, kind: RelayKind) => void): void {
  type Picker = (...args: unknown[]) => unknown;
  const initialPicker = (win as unknown as { showOpenFilePicker?: Picker }).showOpenFilePicker;
  if (typeof initialPicker !== 'function') return;
  const items = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'items')?.get;
  const files = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'files')?.get;
  const setFiles = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'files')?.set;
  if (!items || !files || !setFiles) return;
  const addItem = DataTransferItemList.prototype.add;
  const createElement = Document.prototype.createElement;
  const NativeDataTransfer = DataTransfer;
  const NativeFile = File;
  const thenOf = Promise.prototype.then;

  const relayHandles = async (handles: unknown) => {
    if (!Array.isArray(handles)) return;
    const transfer = new NativeDataTransfer();
    const list = apply(items, transfer, []) as DataTransferItemList;
    for (const handle of handles) {
      const getFile = (handle as { getFile?: unknown } | null)?.getFile;
      if (typeof getFile !== 'function') continue;
      const file: unknown = await apply(getFile as () => Promise<unknown>, handle, []);
      if (file instanceof NativeFile) apply(addItem, list, [file]);
    }
    if (list.length === 0) return;
    const carrier = apply(createElement, document, ['input']) as HTMLInputElement;
    carrier.type = 'file';
    apply(setFiles, carrier, [apply(files, transfer, [])]);
    relay(carrier, RelayKind.FilesPicked);
  };

  let currentPicker: unknown = initialPicker;
  const wrappedPicker = function (this: unknown, ...args: unknown[]) {
    const result = apply(currentPicker as Picker, this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const quietly = (handles: unknown) => apply(thenOf, relayHandles(handles), [undefined, () => undefined]);
      apply(thenOf, result, [quietly, () => undefined]);
    }
    return result;
  };
  Object.defineProperty(win, 'showOpenFilePicker', {
    configurable: true,
    enumerable: true,
    get: () => (typeof currentPicker === 'function' ? wrappedPicker : currentPicker),
    set: (value: unknown) => {
      currentPicker = value;
    },
  });
}
