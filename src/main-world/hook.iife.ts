/**
 * Runs in the page's own JavaScript world at document_start, before any page script, and only relays: it never
 * reads a file's contents and has no access to extension APIs. Two things are invisible to the isolated content
 * script without it:
 *  - a file input created by script and clicked without ever being attached to the document — its `change` event
 *    never reaches a listener on the page;
 *  - files picked through the File System Access API (`showOpenFilePicker`), which never touch an input at all.
 * Every native function is captured now, so a page that later replaces them cannot blind or misdirect the relay.
 */
import { RELAY_EVENT, RelayKind } from '../shared/relay';

(() => {
  const win = window;
  const inputProto = HTMLInputElement.prototype;
  const nativeClick = inputProto.click;
  const nativeShowPicker: ((this: HTMLInputElement) => void) | undefined = inputProto.showPicker;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const getType = Object.getOwnPropertyDescriptor(inputProto, 'type')?.get;
  const setFiles = Object.getOwnPropertyDescriptor(inputProto, 'files')?.set;
  const createElement = Document.prototype.createElement;
  const NativeMouseEvent = MouseEvent;
  const NativeDataTransfer = DataTransfer;
  const NativeFile = File;
  const itemsOf = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'items')?.get;
  const addItem = DataTransferItemList.prototype.add;
  const dataTransferFiles = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'files')?.get;
  const apply = Reflect.apply;
  const thenOf = Promise.prototype.then;

  const relay = (input: HTMLInputElement, kind: RelayKind) => {
    apply(dispatch, win, [new NativeMouseEvent(RELAY_EVENT, { relatedTarget: input, detail: kind })]);
  };

  const isFileInput = (value: unknown): value is HTMLInputElement =>
    value instanceof HTMLInputElement && !!getType && apply(getType, value, []) === 'file';

  const watchBefore = (native: (this: HTMLInputElement) => void) =>
    function (this: HTMLInputElement) {
      try {
        if (isFileInput(this)) relay(this, RelayKind.WatchInput);
      } catch {
        // Never let the hook break the page's own click.
      }
      return apply(native, this, []);
    };

  inputProto.click = watchBefore(nativeClick);
  if (nativeShowPicker) inputProto.showPicker = watchBefore(nativeShowPicker);

  // File System Access: wrap whatever picker the page ends up calling, including one it installs later.
  type Picker = (...args: unknown[]) => unknown;
  const initialPicker = (win as unknown as { showOpenFilePicker?: Picker }).showOpenFilePicker;
  if (typeof initialPicker !== 'function' || !itemsOf || !dataTransferFiles || !setFiles) return;

  const relayHandles = async (handles: unknown) => {
    if (!Array.isArray(handles)) return;
    const transfer = new NativeDataTransfer();
    const items = apply(itemsOf, transfer, []) as DataTransferItemList;
    for (const handle of handles) {
      const getFile = (handle as { getFile?: unknown } | null)?.getFile;
      if (typeof getFile !== 'function') continue;
      const file: unknown = await apply(getFile as () => Promise<unknown>, handle, []);
      if (file instanceof NativeFile) apply(addItem, items, [file]);
    }
    if (items.length === 0) return;
    const carrier = apply(createElement, document, ['input']) as HTMLInputElement;
    carrier.type = 'file';
    apply(setFiles, carrier, [apply(dataTransferFiles, transfer, [])]);
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
})();
