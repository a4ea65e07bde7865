import type { FilesFound } from './types';

/** Files a person drops onto the page. Drag events are composed, so drops into shadow roots arrive here too, and
 *  this capture listener on `window` runs before drop zones that stop propagation. It is added at the person's first
 *  step (a drop always follows its drag entering the page), so only a page's own capture listener on `window` added
 *  before that step runs before it. */
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
