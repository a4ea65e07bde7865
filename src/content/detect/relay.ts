import { RELAY_CHECKED_EVENT, RELAY_EVENT, RelayKind, REPLACEABLE_ATTRIBUTE } from '../../shared/relay';
import { watchInputDirectly } from './file-inputs';
import type { FilesFound, Interceptor, OnChecked } from './types';

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
        // An image on its way out: the page's world picked it as a candidate; whether it is a photo, the upload path
        // decides from its bytes. The carrier is only a messenger, never offered as the upload's input.
        const files = [...(input.files ?? [])];
        const checked: OnChecked = (prepared) => {
          // The prepared copies go back in the carrier, where the page's world takes them for its request.
          if (prepared && prepared.some((file, i) => file !== files[i])) {
            const transfer = new DataTransfer();
            for (const file of prepared) transfer.items.add(file);
            input.files = transfer.files;
          }
          input.dispatchEvent(new Event(RELAY_CHECKED_EVENT));
        };
        const sent = { replaceable: input.hasAttribute(REPLACEABLE_ATTRIBUTE), onChecked: checked };
        if (files.length > 0) onFiles(files, event.detail === RelayKind.CameraSent ? 'camera' : 'script', undefined, sent);
        else checked();
      }
    },
    true,
  );
}
