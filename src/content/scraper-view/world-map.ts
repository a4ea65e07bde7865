/**
 * The place a photo says it was taken, as a dot on a world map drawn from the bundled outline (nothing is fetched:
 * no map tiles, no place names). The dot sits at the panel's precision (src/core/scraper-view.ts).
 */
import { mapPoint } from '../../core/scraper-view';
import { svgElement } from '../dom';
import { WORLD_LAND_PATH, WORLD_VIEW_BOX } from './world-land';

export function worldMap(place: { latitude: number; longitude: number }, label: string): SVGSVGElement {
  const { x, y } = mapPoint(place);
  return svgElement('svg', { class: 'map', viewBox: WORLD_VIEW_BOX, role: 'img', 'aria-label': label, 'data-testid': 'see-map' }, [
    svgElement('title', {}, [document.createTextNode(label)]),
    svgElement('rect', { class: 'sea', x: 0, y: 0, width: 360, height: 180 }),
    svgElement('path', { class: 'land', d: WORLD_LAND_PATH }),
    // A ring around the dot, so it shows on land and sea, in light and dark.
    svgElement('circle', { class: 'ring', cx: x, cy: y, r: 7 }),
    svgElement('circle', {
      class: 'dot',
      cx: x,
      cy: y,
      r: 3.5,
      'data-latitude': place.latitude,
      'data-longitude': place.longitude,
    }),
  ]);
}
