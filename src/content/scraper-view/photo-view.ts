/**
 * The photo as the detector saw it, with the faces it found outlined: the small upright copy made for the face
 * check (src/content/face-thumbnail.ts), drawn on a canvas (a page's Content Security Policy may forbid `blob:`
 * images, never a canvas), and a box per face over it.
 */
import type { FaceBox } from '../../offscreen/protocol';
import { element, svgElement } from '../dom';

export async function photoWithFaces(copy: Blob, boxes: readonly FaceBox[] | null, label: string): Promise<HTMLElement | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(copy);
  } catch {
    return null;
  }
  const canvas = element('canvas', { attrs: { role: 'img', 'aria-label': label, 'data-testid': 'see-photo' } });
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  // Fractions of the photo, drawn in a unit view box stretched over it: the boxes follow the photo at any size.
  const overlay = svgElement(
    'svg',
    { class: 'faces', viewBox: '0 0 1 1', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    (boxes ?? []).map((box, index) =>
      svgElement('rect', { class: 'face', x: box.x, y: box.y, width: box.width, height: box.height, 'data-face': index + 1 }),
    ),
  );
  const frame = element('div', { className: 'frame' }, [canvas, overlay]);
  frame.style.aspectRatio = `${canvas.width} / ${canvas.height}`;
  return frame;
}
