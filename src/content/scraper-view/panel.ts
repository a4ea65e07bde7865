/**
 * "What a scraper sees": one panel, opened from the warning, that shows a photo the way a collector gets it — the
 * faces a detector outlines, the place on a map, and what the file says, row by row, each with what it lets a
 * dataset builder do — with the actions beside the rows they change. It lives in the warning's shadow root, in the
 * page's process: the photo's pixels go nowhere the page does not already have them, and nothing is stored.
 */
import type { FaceBox } from '../../offscreen/protocol';
import type { ScraperView, ScraperViewRow } from '../../shared/protocol';
import { element } from '../dom';
import { photoWithFaces } from './photo-view';
import { worldMap } from './world-map';

const COUNT = '\u2063count\u2063';
const TOTAL = '\u2063total\u2063';

export interface PanelContent {
  view: ScraperView;
  /** Which photo of the upload, from 0, and how many there are. */
  index: number;
  count: number;
  /** The copy the detector saw and its faces: absent when the photo could not be decoded here (or not yet). */
  copy: Blob | undefined;
  boxes: readonly FaceBox[] | null;
  facesPending: boolean;
  onClean?: (() => void) | undefined;
  onReserve?: (() => void) | undefined;
  onPhoto(index: number): void;
  onClose(): void;
}

function facesSentence(view: ScraperView, content: PanelContent): string {
  const { text } = view;
  if (content.boxes) return content.boxes.length === 0 ? text.facesNone : content.boxes.length === 1 ? text.facesOne : text.facesMany.replace(COUNT, String(content.boxes.length));
  return content.facesPending ? text.facesPending : text.facesUnknown;
}

function rowElement(row: ScraperViewRow): HTMLElement {
  return element('div', { className: 'see-row', attrs: { 'data-row': row.kind } }, [
    element('dt', { text: row.label }),
    element('dd', {}, [element('span', { className: 'value', text: row.value }), element('span', { className: 'use', text: row.use })]),
  ]);
}

/** Only a person's own clicks count: page scripts can reach into an open shadow root and click. */
function trustedButton(label: string, action: () => void, attrs: Record<string, string> = {}, className = ''): HTMLButtonElement {
  const button = element('button', { className, text: label, attrs: { type: 'button', ...attrs } });
  button.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
  return button;
}

/** Fills `slot` with the panel for one photo. Resolves once the photo is drawn. */
export async function renderPanel(slot: HTMLElement, content: PanelContent): Promise<HTMLElement> {
  const { view } = content;
  const { text } = view;
  const title = element('h2', { text: text.title, attrs: { id: 'see-title', tabindex: '-1' } });
  const close = trustedButton('\u00d7', content.onClose, { 'aria-label': text.close, title: text.close, 'data-action': 'close-panel' }, 'close');

  const nav: HTMLElement[] = [];
  if (content.count > 1) {
    const position = text.photoOf.replace(COUNT, String(content.index + 1)).replace(TOTAL, String(content.count));
    const previous = trustedButton(text.previous, () => content.onPhoto(content.index - 1), { 'data-action': 'previous-photo' });
    const next = trustedButton(text.next, () => content.onPhoto(content.index + 1), { 'data-action': 'next-photo' });
    previous.disabled = content.index === 0;
    next.disabled = content.index === content.count - 1;
    nav.push(element('div', { className: 'see-nav' }, [previous, element('span', { text: position, attrs: { 'aria-live': 'polite' } }), next]));
  }

  const picture = content.copy ? await photoWithFaces(content.copy, content.boxes, `${text.photoLabel} ${facesSentence(view, content)}`) : null;
  const faces = element('figure', { className: 'see-faces' }, [
    ...(picture ? [picture] : []),
    element('figcaption', {}, [
      element('strong', { text: text.facesHeading }),
      ' ',
      element('span', { text: facesSentence(view, content), attrs: { 'data-testid': 'see-faces-count' } }),
      ' ',
      element('span', { className: 'use', text: text.facesUse }),
    ]),
  ]);

  const place = element('figure', { className: 'see-place' }, [
    element('h3', { text: text.mapHeading }),
    ...(view.place ? [worldMap(view.place, text.mapLabel)] : []),
    element('figcaption', { text: view.place ? text.mapNote : text.mapNone }),
  ]);

  const cleanable = view.rows.filter((row) => row.cleanable);
  const kept = view.rows.filter((row) => !row.cleanable);
  const groups: HTMLElement[] = [];
  if (cleanable.length > 0) {
    groups.push(
      element('div', { className: 'see-group' }, [
        element('dl', {}, cleanable.map(rowElement)),
        ...(content.onClean ? [trustedButton(text.clean, content.onClean, { 'data-action': 'clean' }, 'primary')] : []),
      ]),
    );
  }
  if (kept.length > 0) {
    groups.push(
      element('div', { className: 'see-group' }, [
        element('dl', {}, kept.map(rowElement)),
        ...(content.onReserve ? [trustedButton(text.reserve, content.onReserve, { 'data-action': 'reserve' }, 'primary')] : []),
      ]),
    );
  }

  const panel = element('section', { className: 'see', attrs: { 'aria-labelledby': 'see-title', lang: text.lang, 'data-afterlife-panel': 'open', 'data-photo': String(content.index) } }, [
    element('div', { className: 'see-head' }, [title, close]),
    element('p', { className: 'intro', text: text.intro }),
    ...nav,
    element('div', { className: 'see-pictures' }, [faces, place]),
    element('h3', { text: text.fileHeading }),
    ...groups,
  ]);
  // Escape closes the panel, not the whole warning behind it.
  panel.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape') {
      event.stopPropagation();
      content.onClose();
    }
  });
  slot.replaceChildren(panel);
  return panel;
}
