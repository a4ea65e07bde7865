import type { FilesFound } from './types';

/** Images pasted from the clipboard into the page (for example a screenshot pasted into a chat or a post). */
export function watchPaste(onFiles: FilesFound): void {
  window.addEventListener(
    'paste',
    (event) => {
      if (!event.isTrusted) return;
      const data = event.clipboardData;
      if (!data) return;
      const files = data.files.length > 0 ? [...data.files] : fromItems(data.items);
      if (files.length > 0) onFiles(files, 'paste');
    },
    true,
  );
}

function fromItems(items: DataTransferItemList): File[] {
  const files: File[] = [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return files;
}
