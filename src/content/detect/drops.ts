import type { FilesFound } from './types';

/** Files a person drops onto the page. Drag events are composed, so drops into shadow roots arrive here too, and
 *  this capture listener on `window` runs before drop zones that stop propagation. */
export function watchDrops(onFiles: FilesFound): void {
  window.addEventListener(
    'drop',
    (event) => {
      if (!event.isTrusted) return;
      const files = event.dataTransfer?.files;
      if (files && files.length > 0) onFiles([...files], 'drop');
    },
    true,
  );
}
