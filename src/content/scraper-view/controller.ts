/**
 * Opens, updates and closes the "what a scraper sees" panel of the warning on screen. The panel follows the upload:
 * when cleaning or marking replaces the photos, or the face count arrives, it is drawn again from the upload as it
 * now is, on the same photo, with focus where the person left it.
 */
import type { ReportedPhoto, ScraperView } from '../../shared/protocol';
import type { PhotoSeen } from '../faces';
import type { Send } from '../send';
import { renderPanel } from './panel';

/** What the panel needs of an upload (src/content/upload.ts). */
export interface PanelUpload {
  photos: ReadonlyArray<Pick<ReportedPhoto, 'format' | 'metadataBytes'>>;
  seen: readonly PhotoSeen[];
  facesPending: boolean;
  /** The warning the panel opens in. */
  warning?: HTMLElement | undefined;
  actions: { clean?: (() => void) | undefined; reserve?: (() => void) | undefined };
}

const isView = (value: unknown): value is ScraperView =>
  !!value && typeof value === 'object' && Array.isArray((value as ScraperView).rows) && typeof (value as ScraperView).text === 'object';

const slotOf = (upload: PanelUpload) => upload.warning?.shadowRoot?.querySelector<HTMLElement>('[data-slot="panel"]') ?? null;

export interface ScraperPanel {
  /** Opens the panel on a photo of the upload and moves focus to it. */
  open(upload: PanelUpload, index: number): Promise<void>;
  /** Draws the panel again if it is open for this upload (after the warning was redrawn, or faces were counted). */
  refresh(upload: PanelUpload): Promise<void>;
}

export function createScraperPanel(send: Send): ScraperPanel {
  let shown: { upload: PanelUpload; index: number } | null = null;
  /** Which of the panel's controls has focus ('title' for the panel itself), followed with focus events: when the
   *  warning is redrawn (an action, the face count) its old panel leaves the page and takes the focus with it, and
   *  the new one gives it back. */
  let focused: string | null = null;

  const close = (upload: PanelUpload) => {
    shown = null;
    focused = null;
    slotOf(upload)?.replaceChildren();
    upload.warning?.shadowRoot?.querySelector<HTMLElement>('[data-action="see"]')?.focus();
  };

  async function draw(upload: PanelUpload, index: number, focus: string | null): Promise<void> {
    const photo = upload.photos[index];
    const slot = slotOf(upload);
    if (!photo || !slot) return;
    const view = await send({ type: 'scraper-view', photo: { format: photo.format, metadataBytes: photo.metadataBytes } }).catch(() => null);
    // Closed, or moved to another photo or upload, while the worker answered.
    if (!isView(view) || shown?.upload !== upload || shown.index !== index) return;
    const seen = upload.seen.find((entry) => entry.index === index);
    const panel = await renderPanel(slot, {
      view,
      index,
      count: upload.photos.length,
      copy: seen?.copy,
      boxes: seen?.boxes ?? null,
      facesPending: upload.facesPending,
      onClean: upload.actions.clean,
      onReserve: upload.actions.reserve,
      onPhoto: (next) => void show(upload, next, 'title'),
      onClose: () => close(upload),
    });
    panel.addEventListener('focusin', (event) => {
      focused = (event.target as Element | null)?.getAttribute('data-action') ?? 'title';
    });
    panel.addEventListener('focusout', (event) => {
      // Only a move elsewhere in the page counts: a panel taken out of the page with the focus in it keeps its claim.
      if (event.relatedTarget instanceof Node && !panel.contains(event.relatedTarget)) focused = null;
    });
    if (focus) (panel.querySelector<HTMLElement>(`[data-action="${focus}"]:not(:disabled)`) ?? panel.querySelector<HTMLElement>('h2'))?.focus();
  }

  function show(upload: PanelUpload, index: number, focus: string | null): Promise<void> {
    focused = focus;
    shown = { upload, index: Math.max(0, Math.min(upload.photos.length - 1, index)) };
    return draw(upload, shown.index, focus);
  }

  return {
    open: (upload, index) => show(upload, index, 'title'),
    refresh(upload) {
      if (shown?.upload !== upload) return Promise.resolve();
      // Focus goes back where it was, if it was in the panel; an action's button that is gone leaves it on the title.
      return draw(upload, shown.index, focused);
    },
  };
}
