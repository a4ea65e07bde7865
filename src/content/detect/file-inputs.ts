import { fileInputsWithin, shadowRootOf } from '../shadow';
import type { FilesFound, Interceptor } from './types';

function isFileInput(node: unknown): node is HTMLInputElement {
  return node instanceof HTMLInputElement && node.type === 'file';
}

/** The file inputs an `input`/`change` event may come from. `input` is composed, so it reaches `window` even from
 *  inside shadow roots; from a closed root it arrives retargeted to the host, and we look inside that host. */
function inputsBehind(event: Event): HTMLInputElement[] {
  const origin = event.composedPath()[0];
  if (isFileInput(origin)) return [origin];
  if (origin instanceof Element) {
    const root = shadowRootOf(origin);
    if (root) return fileInputsWithin(root);
  }
  return [];
}

/**
 * Sees every person's choice in an `<input type=file>` of this document: present at load or added later, hidden
 * and opened by a label or a button, inside open or closed shadow roots. The listeners sit on `window` in the
 * capture phase and are registered at document_start, before any page script, so a page that stops the event's
 * propagation still lets us see it first. Only trusted events count: a person chose these files.
 */
export function watchFileInputs(onFiles: FilesFound, intercept?: Interceptor): void {
  const handleInput = (event: Event, input: HTMLInputElement) => {
    if (!event.isTrusted || intercept?.(event, input)) return;
    const files = input.files;
    if (files && files.length > 0) onFiles([...files], 'file-input', input);
  };
  const handle = (event: Event) => {
    for (const input of inputsBehind(event)) handleInput(event, input);
  };
  window.addEventListener('input', handle, true);
  window.addEventListener('change', handle, true);
  if (!__AFTERLIFE_FILE_INPUT_EVENT_COMPOSED__) watchShadowInputsOnClick(handleInput);
}

/** The shadow trees a click landed in: the one holding its target (an open root), and the one behind a host (a
 *  closed root, where the click arrives retargeted to the host). */
function shadowRootsAround(event: Event): ShadowRoot[] {
  const origin = event.composedPath()[0];
  if (!(origin instanceof Element)) return [];
  const roots: ShadowRoot[] = [];
  const own = origin.getRootNode();
  if (own instanceof ShadowRoot) roots.push(own);
  const behind = shadowRootOf(origin);
  if (behind) roots.push(behind);
  return roots;
}

/**
 * Firefox fires a file input's `input` event with composed: false (the HTML standard and Chromium: true), so from
 * inside a shadow root neither `input` nor `change` reaches the listeners on `window`. A person opens such an input
 * with a click — on it, its label or the widget around it; the keyboard sends a click too — and clicks are
 * composed: on a trusted click in a shadow tree, watch that tree's file inputs for the events that do not reach
 * `window` (composed ones are handled there already). Drops into shadow roots are seen by watchDrops.
 */
function watchShadowInputsOnClick(handleInput: (event: Event, input: HTMLInputElement) => void): void {
  const watched = new WeakSet<HTMLInputElement>();
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      for (const root of shadowRootsAround(event)) {
        for (const input of fileInputsWithin(root)) {
          if (watched.has(input)) continue;
          watched.add(input);
          const onEvent = (inner: Event) => {
            if (!inner.composed) handleInput(inner, input);
          };
          input.addEventListener('input', onEvent, true);
          input.addEventListener('change', onEvent, true);
        }
      }
    },
    true,
  );
}

/** Watches one input directly, for inputs whose events never reach `window`: those never attached to the page.
 *  Listeners on the target in the capture phase run before the page's own listeners on it. */
export function watchInputDirectly(input: HTMLInputElement, onFiles: FilesFound, path: 'detached-input', intercept?: Interceptor): void {
  const handle = (event: Event) => {
    if (!event.isTrusted) return;
    if (intercept?.(event, input)) return;
    const files = input.files;
    if (files && files.length > 0) onFiles([...files], input.isConnected ? 'file-input' : path, input);
  };
  input.addEventListener('input', handle, true);
  input.addEventListener('change', handle, true);
}
