/**
 * The script of every simulated site in the trainer demo: the same upload path as real pages (startUploadWatch —
 * detection, the photos' first bytes and metadata, the background's assessment, the in-page warning), told which
 * site rule to simulate. Sample photos go in through the relay that the File System Access picker uses on real
 * pages, because a script cannot make a trusted file choice.
 */
import { startUploadWatch } from '../../content/start';
import browser from '../../shared/ext';
import type { Request } from '../../shared/protocol';
import { languageCode, translatorFor } from '../../shared/i18n';
import { RELAY_EVENT, RelayKind } from '../../shared/relay';
import { localiseDocument } from '../../ui/localise-dom';
import { loadSettings } from '../../ui/load-settings';

const demoSite = document.documentElement.dataset.demoSite ?? 'unknown';

startUploadWatch(
  (request: Request) =>
    browser.runtime.sendMessage(request.type === 'upload' || request.type === 'page-pickers' ? { ...request, demoSite } : request),
  () => import('../../content/upload-path'),
);

function showPreview(file: File): void {
  const preview = document.getElementById('preview');
  if (!preview) return;
  const image = document.createElement('img');
  image.alt = file.name;
  image.src = URL.createObjectURL(file);
  preview.replaceChildren(image);
}

async function pickSample(button: HTMLButtonElement): Promise<void> {
  const name = button.dataset.sample ?? '';
  const response = await fetch(browser.runtime.getURL(`demo/photos/${name}`));
  const file = new File([await response.blob()], name, { type: 'image/jpeg', lastModified: Date.now() });
  const transfer = new DataTransfer();
  transfer.items.add(file);
  const carrier = document.createElement('input');
  carrier.type = 'file';
  carrier.files = transfer.files;
  window.dispatchEvent(new MouseEvent(RELAY_EVENT, { relatedTarget: carrier, detail: RelayKind.FilesPicked }));
  showPreview(file);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
  button.addEventListener('click', () => void pickSample(button));
}
const input = document.querySelector<HTMLInputElement>('input[type=file]');
input?.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) showPreview(file);
});

void loadSettings().then((settings) => {
  document.documentElement.lang = languageCode(settings.language);
  localiseDocument(document, translatorFor(settings.language));
});
