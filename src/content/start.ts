import type { PagePickers, ReportedPhoto, Request, UploadPath, UploadReport, UploadResponse } from '../shared/protocol';
import { watchDrops } from './detect/drops';
import { watchFileInputs } from './detect/file-inputs';
import { watchPaste } from './detect/paste';
import { watchRelay } from './detect/relay';
import { createRepeatFilter, photosAmong, withMetadataBytes } from './photos';
import { choosePickerValue, readPicker } from './pickers';
import { showWarning } from './warning/warning';

type Send = (request: Request) => Promise<unknown>;

/**
 * The whole upload path of a page: detection on every path, then the photos' first bytes and metadata, the
 * assessment from the background, and the in-page warning. Content scripts run it on web pages; the trainer demo
 * runs the very same function on its simulated sites.
 */
export function startUploadWatch(send: Send): void {
  const isRepeat = createRepeatFilter();

  /** Assesses the photos with what the page's own licence and visibility pickers say right now, and warns. */
  async function assessAndWarn(path: UploadPath, photos: ReportedPhoto[], pickers: PagePickers | null, switched = false): Promise<void> {
    const report: UploadReport = {
      path,
      photos,
      pageLicence: readPicker(pickers?.licence ?? null),
      visibility: readPicker(pickers?.visibility ?? null) ?? 'unknown',
    };
    const response = (await send({ type: 'upload', report })) as UploadResponse | undefined;
    if (!response?.interrupt) return;
    const licenceSwitch = response.licenceSwitch;
    showWarning(response.assessment, response.text, {
      onWhy: () => void send({ type: 'open-explanation' }),
      onMute: () => void send({ type: 'mute-site' }),
      onSwitchLicence: licenceSwitch
        ? { label: licenceSwitch.label, act: () => {
            if (choosePickerValue(licenceSwitch.selector, licenceSwitch.value)) void assessAndWarn(path, photos, pickers, true);
          } }
        : undefined,
      switched,
    });
  }

  async function onFiles(files: readonly File[], path: UploadPath): Promise<void> {
    if (files.length === 0 || isRepeat(files)) return;
    const photos = await photosAmong(files);
    if (photos.length === 0) return;
    const [reported, pickers] = await Promise.all([
      withMetadataBytes(photos),
      send({ type: 'page-pickers' }).then((value) => value as PagePickers | null).catch(() => null),
    ]);
    await assessAndWarn(path, reported, pickers);
  }

  const found = (files: readonly File[], path: UploadPath) => {
    onFiles(files, path).catch(() => {
      // The extension may have been updated or reloaded under this page; the page's upload is unaffected.
    });
  };

  watchFileInputs(found);
  watchRelay(found);
  watchDrops(found);
  watchPaste(found);
}
