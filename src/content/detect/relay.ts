import type { SentPath } from '../../shared/protocol';
import { RELAY_EVENT, RelayKind } from '../../shared/relay';
import { watchInputDirectly } from './file-inputs';
import type { FilesFound, Interceptor } from './types';

/**
 * Receives what the main-world hook relays (see src/shared/relay.ts). The page can dispatch this event too, so
 * nothing in it is trusted beyond "this is a file input": we either watch it for a person's trusted choice, or
 * assess the files in it, and a result is only ever shown for the page that sent it.
 */
export function watchRelay(
  onFiles: FilesFound,
  intercept?: Interceptor,
  /** The trainer demo's simulated sites hand their sample photos over in a carrier input that is also what the site
   *  reads, so cleaning or marking can replace its files. On real pages the carrier is only a messenger (the page
   *  holds the picker's handles), and it is never offered as the upload's input. */
  { carrierIsTheUpload = false }: { carrierIsTheUpload?: boolean } = {},
  /** Images the page is sending by script, in their carrier (a messenger, never offered as the upload's input). */
  onSent?: (carrier: HTMLInputElement, path: SentPath) => void,
): void {
  const watched = new WeakSet<HTMLInputElement>();
  window.addEventListener(
    RELAY_EVENT,
    (event) => {
      if (!(event instanceof MouseEvent)) return;
      const input = event.relatedTarget;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      if (event.detail === RelayKind.WatchInput) {
        if (watched.has(input)) return;
        watched.add(input);
        watchInputDirectly(input, onFiles, 'detached-input', intercept);
      } else if (event.detail === RelayKind.FilesPicked) {
        const files = input.files;
        if (files && files.length > 0) onFiles([...files], 'file-picker', carrierIsTheUpload ? input : undefined);
      } else if (event.detail === RelayKind.ScriptSent || event.detail === RelayKind.CameraSent) {
        // An image on its way out: whether it is a photo, the upload path decides from its bytes.
        onSent?.(input, event.detail === RelayKind.CameraSent ? 'camera' : 'script');
      }
    },
    true,
  );
}
