import type { ImageFormat } from '../core/photo/sniff';
import type { FacesReport, PagePickers, ReportedPhoto, Request, UploadPath, UploadReport, UploadResponse } from '../shared/protocol';
import { replaceInputFiles } from './before-page';
import { readPageSignals } from './page-signals';
import { prepareFiles } from './prepare-files';
import { reserveFiles } from './reserve-files';
import { countFacesIn, type PhotoSeen } from './faces';
import { createScraperPanel } from './scraper-view/controller';
import { createRepeatFilter, photosAmong, withMetadataBytes } from './photos';
import { choosePickerValue, readPicker } from './pickers';
import { showWarning } from './warning/warning';
import type { Send } from './send';


export type { Send };

/** How long after a person's choice an image the page sends counts as that choice (see isCopyOfLatest). */
const SAME_UPLOAD_MS = 10 * 60 * 1000;
interface Upload {
  path: UploadPath;
  files: readonly File[];
  photos: ReportedPhoto[];
  input: HTMLInputElement | undefined;
  pickers: PagePickers | null;
  /** Counted after the first warning, which is then updated. */
  faces: FacesReport;
  /** Each counted photo's small copy and where its faces are, for the "what a scraper sees" panel. Held in memory
   *  with the upload only; never stored. */
  seen: PhotoSeen[];
  readonly facesPending: boolean;
  /** The warning's actions, which the panel offers beside the rows they change. */
  actions: { clean?: (() => void) | undefined; reserve?: (() => void) | undefined };
  /** What the warning says besides the assessment: a licence switch or a cleaning just happened. */
  note: { switched?: boolean; cleanedCount?: number; reservedCount?: number };
  /** Afterlife wrote a reservation into these files: cleaning them later must not silently take it away. */
  reserved: boolean;
  /** Assessments of this upload run one after another, each from the upload as it is when its turn comes: a face
   *  count that answers late must not bring back the warning of photos since cleaned or marked. */
  queue: Promise<void>;
  /** The warning shown for this upload, if any. Once it leaves the page (closed, or replaced by a later upload's),
   *  the face count updates only the record and the badge, never brings it back. */
  warning?: HTMLElement;
  /** What that warning shows, to tell whether an update changes anything. */
  shown?: string;
}

type Note = Upload['note'];

/** The warning names only the actions that changed something. */
const noteOf = (done: DoneBefore | undefined): Note => ({
  ...(done?.cleanedCount ? { cleanedCount: done.cleanedCount } : {}),
  ...(done?.reservedCount ? { reservedCount: done.reservedCount } : {}),
});

/** What the person's automatic actions ("always clean", "always mark not for AI training") did before the page saw
 *  the files; absent for files handed on as chosen. */
export interface DoneBefore {
  cleanedCount: number;
  reservedCount: number;
}

/** Takes what the page's watchers hand over: files a person chose (or, after their automatic actions, the copy). */
export type OnFiles = (files: readonly File[], path: UploadPath, input?: HTMLInputElement, doneBefore?: DoneBefore) => Promise<void>;

/**
 * Everything after detection: the photos' first bytes and metadata, the assessment from the background, the in-page
 * warning with its actions, and the face count. Made on the first file a page sees: a page that never gets one
 * runs none of it, and V8 compiles a function in full only when it first runs.
 */
export function createUploadPath(send: Send): OnFiles {
  const isRepeat = createRepeatFilter();
  const panel = createScraperPanel(send);
  /** The browser may stop the service worker while it is assessing; the message then fails, and a second one
   *  starts a fresh worker. Assessments are idempotent, so asking twice is safe. */
  const sendWithRetry = (request: Request) => send(request).catch(() => new Promise((wait) => setTimeout(wait, 150)).then(() => send(request)));

  /** The upload this frame reported last: only its face count may still update the record and the warning. */
  let latest: Upload | null = null;
  let latestAt = 0;

  /** An image the page sends by script soon after the person chose a photo is, nearly always, that photo: as chosen,
   *  or cropped, scaled or re-encoded by the page's editor. One choice gets one warning, so it is not warned again. */
  const isCopyOfLatest = (path: UploadPath) =>
    (path === 'script' || path === 'camera') && latest !== null && latest.path !== 'script' && latest.path !== 'camera' && Date.now() - latestAt < SAME_UPLOAD_MS;

  /** Assesses the photos with what the page's own pickers say when its turn comes, and warns. */
  function assessAndWarn(upload: Upload, options: { note?: Note; facesUpdate?: boolean } = {}): Promise<void> {
    const turn = upload.queue.then(() => assessNow(upload, options));
    upload.queue = turn.catch(() => undefined);
    return turn;
  }

  async function assessNow(upload: Upload, { note = upload.note, facesUpdate = false }: { note?: Note; facesUpdate?: boolean }): Promise<void> {
    upload.note = note;
    const report: UploadReport = {
      path: upload.path,
      photos: upload.photos,
      pageLicence: readPicker(upload.pickers?.licence ?? null),
      visibility: readPicker(upload.pickers?.visibility ?? null) ?? 'unknown',
      faces: upload.faces,
      pageSignals: readPageSignals(),
    };
    const response = (await sendWithRetry({ type: 'upload', report })) as UploadResponse | undefined;
    if (!response?.interrupt) return;
    // The person closed this upload's warning, or a later upload replaced it: the count does not bring it back.
    if (facesUpdate && upload.warning && !upload.warning.isConnected) return;
    // No face found (the usual case) changes nothing on screen: the warning is left alone rather than rebuilt.
    const shown = JSON.stringify([response.assessment.level, response.text, !!response.licenceSwitch, response.offerCleaning, response.offerReserve, note]);
    if (facesUpdate && upload.warning?.isConnected && shown === upload.shown) return;
    upload.shown = shown;
    const licenceSwitch = response.licenceSwitch;
    const input = upload.input;
    upload.actions = {
      clean: response.offerCleaning && input ? () => void cleanUpload(upload, input) : undefined,
      reserve: response.offerReserve && input ? () => void reserveUpload(upload, input) : undefined,
    };
    upload.warning = showWarning(response.assessment, response.text, {
      onWhy: () => void send({ type: 'open-explanation' }),
      onSuppressed: () => void send({ type: 'open-explanation' }),
      onMute: () => void send({ type: 'mute-site' }),
      onSwitchLicence: licenceSwitch
        ? {
            label: licenceSwitch.label,
            act: () => {
              if (choosePickerValue(licenceSwitch.selector, licenceSwitch.value)) void assessAndWarn(upload, { note: { switched: true } });
            },
          }
        : undefined,
      onClean: upload.actions.clean,
      onReserve: upload.actions.reserve,
      onSee: () => void panel.open(upload, 0),
      ...note,
    });
    // A redrawn warning brings its open panel back (the face count's update does so once the boxes are in).
    if (!facesUpdate) await panel.refresh(upload);
  }

  /** "Remove location and camera data": the page's input gets cleaned copies, and the upload is assessed again.
   *  The pixels are unchanged, so the face count stays. Cleaning removes all metadata; a reservation Afterlife wrote
   *  is written again into the cleaned copy, since the person asked for it and did not ask to lose it. */
  async function cleanUpload(upload: Upload, input: HTMLInputElement): Promise<void> {
    const prepared = await prepareFiles(upload.files, { clean: true, reserve: upload.reserved }, send);
    replaceInputFiles(input, prepared.files);
    upload.files = prepared.files;
    upload.photos = await withMetadataBytes(await photosAmong(prepared.files));
    await assessAndWarn(upload, { note: noteOf(prepared) });
  }

  /** "Mark it not for AI training": the page's input gets copies carrying an IPTC Data Mining reservation, and the
   *  upload is assessed again (the warning then names the reservation it finds). The pixels are unchanged. */
  async function reserveUpload(upload: Upload, input: HTMLInputElement): Promise<void> {
    const result = await reserveFiles(upload.files, send);
    if (result.reserved === 0) return;
    replaceInputFiles(input, result.files);
    upload.files = result.files;
    upload.reserved = true;
    upload.photos = await withMetadataBytes(await photosAmong(result.files));
    await assessAndWarn(upload, { note: { reservedCount: result.reserved } });
  }

  async function onFiles(files: readonly File[], path: UploadPath, input?: HTMLInputElement, doneBefore?: DoneBefore): Promise<void> {
    if (files.length === 0 || (doneBefore === undefined && isRepeat(files))) return;
    if (isCopyOfLatest(path)) return;
    const photos = await photosAmong(files);
    if (photos.length === 0) return;
    const [reported, pickers] = await Promise.all([
      withMetadataBytes(photos),
      send({ type: 'page-pickers' }).then((value) => value as PagePickers | null).catch(() => null),
    ]);
    const upload: Upload = {
      path,
      files,
      photos: reported,
      input,
      pickers,
      faces: 'pending',
      seen: [],
      get facesPending() {
        return this.faces === 'pending';
      },
      actions: {},
      note: noteOf(doneBefore),
      reserved: !!doneBefore?.reservedCount,
      queue: Promise.resolve(),
    };
    latest = upload;
    latestAt = Date.now();
    // The warning first, from what is known at once. Faces are counted only then: decoding a large photo competes
    // for the same two cores and would delay the warning (measured: p95 upload to warning for a 25 MB JPEG went from
    // 33 to 86 ms when both ran together). A build without a detector would say so at once.
    await assessAndWarn(upload);
    // Resolves here, once the warning is up: a page's `fetch` waits for this much (src/main-world/), never for faces.
    void countFacesAndUpdate(upload, photos);
  }

  async function countFacesAndUpdate(upload: Upload, photos: ReadonlyArray<{ file: File; summary: { format: ImageFormat } }>): Promise<void> {
    const counted = __AFTERLIFE_FACE_DETECTOR__ !== 'none' ? await countFacesIn(photos.map(({ file, summary }) => ({ file, format: summary.format })), send) : null;
    if (latest !== upload) return;
    upload.faces = counted?.total ?? 'unknown';
    upload.seen = counted?.seen ?? [];
    await assessAndWarn(upload, { facesUpdate: true });
    await panel.refresh(upload);
  }

  return onFiles;
}
