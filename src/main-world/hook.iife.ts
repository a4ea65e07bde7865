/**
 * Runs in the page's own JavaScript world at document_start, before any page script, and only relays: it never
 * reads a file's contents and has no access to extension APIs. Two things are invisible to the isolated content
 * script without it:
 *  - a file input created by script and clicked without ever being attached to the document — its `change` event
 *    never reaches a listener on the page;
 *  - files picked through the File System Access API (`showOpenFilePicker`), which never touch an input at all.
 *
 * It runs on every page, so at load it touches nothing but `window` and `EventTarget` (which every page has set up
 * already): touching `HTMLInputElement`'s interface was most of what the hook cost at load (a hook that only wrapped
 * `click()` there cost 0.46 ms of CPU time per load against 0.53 ms for the whole hook, measured on a near-empty
 * page). The inputs' `click()` and `showPicker()` are wrapped at the person's first pointer, key or touch step instead — a file chooser opens only with user activation, which only those steps give,
 * and our capture listeners on `window`, added before any page script, run before the page's own handlers for
 * them. A click in a frame gives this page activation too; it moves focus into the frame, so `blur` is a step here.
 * What it gives up: a page that kept its own reference to the native `click` before the first step is not seen
 * calling it on a detached input (inputs in the document are seen by the content script anyway).
 */
import { RELAY_EVENT, RelayKind } from '../shared/relay';
import { watchFetch, watchOtherSenders, type RelayNatives } from './script-uploads';

/** Every event that can give a page user activation (HTML: "activation-triggering input event"), and `blur`. */
const FIRST_STEPS = ['pointerdown', 'pointerup', 'mousedown', 'keydown', 'touchend', 'blur'] as const;

(() => {
  const win = window;
  const apply = Reflect.apply;
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const NativeMouseEvent = MouseEvent;

  /** Points the content script at an element. It checks, with its own untampered view of the DOM, that this is a
   *  file input; so the hook does not look at the element itself, and a page that changed `type` fools nothing. */
  const relay = (input: unknown, kind: RelayKind) => {
    apply(dispatch, win, [new NativeMouseEvent(RELAY_EVENT, { relatedTarget: input as EventTarget, detail: kind })]);
  };

  /** The natives the File System Access relay uses, captured once: at the first step on a page that has a picker,
   *  before any page handler of that step runs, or at the first pick should a picker somehow open without one. */
  let pickerNatives: ReturnType<typeof capturePickerNatives> | undefined;
  const capturePickerNatives = () => {
    const items = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'items')?.get;
    const files = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'files')?.get;
    const setFiles = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'files')?.set;
    if (!items || !files || !setFiles) return null;
    return {
      items,
      files,
      setFiles,
      addItem: DataTransferItemList.prototype.add,
      createElement: Document.prototype.createElement,
      NativeDataTransfer: DataTransfer,
      NativeFile: File,
      thenOf: Promise.prototype.then,
    };
  };
  const natives = () => (pickerNatives ??= capturePickerNatives());

  const wrapInputPickers = () => {
    const inputProto = HTMLInputElement.prototype;
    const watchBefore = (native: (this: HTMLInputElement) => void) =>
      function (this: HTMLInputElement) {
        try {
          relay(this, RelayKind.WatchInput);
        } catch {
          // Never let the hook break the page's own click.
        }
        return apply(native, this, []);
      };
    inputProto.click = watchBefore(inputProto.click);
    if (typeof inputProto.showPicker === 'function') inputProto.showPicker = watchBefore(inputProto.showPicker);
  };

  type Picker = (...args: unknown[]) => unknown;
  const initialPicker = (win as unknown as { showOpenFilePicker?: Picker }).showOpenFilePicker;

  // Photos sent by script (script-uploads.ts): Chromium's content script adds those watchers to the page at the first
  // step (src/content/inject-senders.ts), so this hook, which every page loads, stays small; Firefox, which gets no
  // per-session address to load them from, has them here, installed at the same moment.
  const installSenders = () => {
    if (__AFTERLIFE_SENDERS__ !== 'hook') return;
    const nativeSetTimeout = setTimeout;
    const relayNatives: RelayNatives = { apply, relay, NativePromise: Promise, setTimer: (done: () => void, ms: number) => nativeSetTimeout(done, ms) };
    watchFetch(relayNatives);
    watchOtherSenders(relayNatives);
  };

  const onFirstStep = () => {
    for (const type of FIRST_STEPS) apply(unlisten, win, [type, onFirstStep, true]);
    try {
      if (typeof initialPicker === 'function') natives();
      wrapInputPickers();
    } catch {
      // A page that froze the prototypes: nothing to wrap, and nothing of the page's may break.
    }
    try {
      installSenders();
    } catch {
      // As above.
    }
  };
  for (const type of FIRST_STEPS) apply(listen, win, [type, onFirstStep, { capture: true, passive: true }]);

  // File System Access (secure pages only): wrap whatever picker the page ends up calling, including one it installs
  // later. Only `window` is touched here, so this is done at load.
  if (typeof initialPicker !== 'function') return;

  const relayHandles = async (handles: unknown) => {
    const own = natives();
    if (!own || !Array.isArray(handles)) return;
    const transfer = new own.NativeDataTransfer();
    const items = apply(own.items, transfer, []) as DataTransferItemList;
    for (const handle of handles) {
      const getFile = (handle as { getFile?: unknown } | null)?.getFile;
      if (typeof getFile !== 'function') continue;
      const file: unknown = await apply(getFile as () => Promise<unknown>, handle, []);
      if (file instanceof own.NativeFile) apply(own.addItem, items, [file]);
    }
    if (items.length === 0) return;
    const carrier = apply(own.createElement, document, ['input']) as HTMLInputElement;
    carrier.type = 'file';
    apply(own.setFiles, carrier, [apply(own.files, transfer, [])]);
    relay(carrier, RelayKind.FilesPicked);
  };

  let currentPicker: unknown = initialPicker;
  const wrappedPicker = function (this: unknown, ...args: unknown[]) {
    const result = apply(currentPicker as Picker, this, args);
    const thenOf = natives()?.thenOf;
    if (thenOf && result && typeof (result as Promise<unknown>).then === 'function') {
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
})();
