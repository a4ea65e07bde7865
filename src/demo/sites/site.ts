/**
 * The script of every simulated site in the trainer demo: the same upload path as real pages (startUploadWatch —
 * detection, the photos' first bytes and metadata, the background's assessment, the in-page warning), told which
 * site rule to simulate. Sample photos go in through the relay that the File System Access picker uses on real
 * pages, because a script cannot make a trusted file choice.
 */
import { startUploadWatch } from '../../content/start';
import { dataMiningMessageKey } from '../../core/photo/data-mining';
import { readPhotoMetadata } from '../../core/photo/metadata';
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
  { demo: true },
);

let translate = translatorFor('auto');

/**
 * "What this site received", read back from the file the site now holds with the extension's own reader: after
 * "Mark it not for AI training" the room sees the reservation written into the sample, after cleaning the location
 * gone. Only on the simulated sites that have the panel.
 */
async function showReceived(file: File): Promise<void> {
  const panel = document.getElementById('received');
  if (!panel) return;
  const result = readPhotoMetadata(new Uint8Array(await file.arrayBuffer()));
  const rows: Array<[string, string, string]> = [[translate('demo_received_file'), `${file.name} · ${file.size.toLocaleString()} B`, 'file']];
  if (result.ok) {
    const { metadata } = result;
    rows.push([translate('demo_received_location'), translate(metadata.location ? 'popup_fact_yes' : 'popup_fact_no'), 'location']);
    rows.push([
      translate('demo_received_reservation'),
      metadata.dataMining ? `${translate(dataMiningMessageKey(metadata.dataMining))} (${metadata.dataMining})` : translate('demo_received_none'),
      'reservation',
    ]);
    if (metadata.creator) rows.push([translate('popup_fact_creator'), metadata.creator, 'creator']);
  }
  const heading = document.createElement('h2');
  heading.textContent = translate('demo_received_heading');
  const list = document.createElement('dl');
  for (const [term, value, key] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.received = key;
    list.append(dt, dd);
  }
  panel.replaceChildren(heading, list);
  panel.hidden = false;
}

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
  // The carrier is the site's copy: when the warning's actions replace its files, the site shows what it now holds.
  carrier.addEventListener('change', () => {
    const replaced = carrier.files?.[0];
    if (replaced) void showReceived(replaced);
  });
  window.dispatchEvent(new MouseEvent(RELAY_EVENT, { relatedTarget: carrier, detail: RelayKind.FilesPicked }));
  showPreview(file);
  void showReceived(file);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
  button.addEventListener('click', () => void pickSample(button));
}
const input = document.querySelector<HTMLInputElement>('input[type=file]');
input?.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) {
    showPreview(file);
    void showReceived(file);
  }
});

void loadSettings().then((settings) => {
  document.documentElement.lang = languageCode(settings.language);
  translate = translatorFor(settings.language);
  localiseDocument(document, translate);
});
