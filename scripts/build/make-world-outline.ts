/**
 * Writes `src/content/scraper-view/world-land.ts`: the world's land as one SVG path, for the map in the "what a
 * scraper sees" panel. Drawn from Natural Earth's 1:110m land (public domain), as packaged in `world-atlas` (ISC),
 * in a plate carrée projection (x = longitude + 180, y = 90 − latitude, so the view box is 360 × 180), rounded to
 * whole degrees (drawn as relative steps), with islands smaller than about two square degrees left out: at the panel's size (about 300 px wide)
 * a finer outline changes nothing one can see, and the path ships in the upload path's module.
 *
 *   npx tsx scripts/build/make-world-outline.ts           writes the file
 *   npx tsx scripts/build/make-world-outline.ts --check   exits 1 if the file is not what this script would write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const OUTPUT = fileURLToPath(new URL('../../src/content/scraper-view/world-land.ts', import.meta.url));
const STEP = 1;
const MIN_AREA = 2;

type Ring = Array<[number, number]>;

const snap = (value: number) => Math.round(value / STEP) * STEP;
const format = (value: number) => String(Number(value.toFixed(1)));

/** The ring's area in square degrees (shoelace), to leave out specks. */
function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

/**
 * A ring's longitudes made continuous: Natural Earth cuts shapes at the date line, so a ring crossing it (Fiji,
 * Chukotka, Wrangel Island) jumps from +180 to −180. Unwrapped, it stays one shape; the copies shifted by 360° in
 * {@link ringPaths} then draw both sides, and the view box clips the rest. A ring that goes all the way round
 * (Antarctica) is closed along the pole instead.
 */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  for (const [longitude, latitude] of ring) {
    const last = out[out.length - 1];
    let x = longitude;
    if (last) while (x - last[0] > 180) x -= 360;
    if (last) while (last[0] - x > 180) x += 360;
    out.push([x, latitude]);
  }
  const xs = out.map(([x]) => x);
  if (Math.max(...xs) - Math.min(...xs) >= 359) {
    const pole = out.reduce((sum, [, y]) => sum + y, 0) < 0 ? -90 : 90;
    out.push([out[out.length - 1]![0], pole], [out[0]![0], pole]);
  }
  return out;
}

/** One ring as path commands, in view-box units, with repeated points (after rounding) dropped; null for a speck. */
function ringPath(points: Array<[number, number]>): string | null {
  if (points.length < 3 || area(points) < MIN_AREA) return null;
  // Relative steps after the first point: whole degrees, mostly one digit each.
  const [[startX, startY]] = points as [[number, number]];
  // Equal steps in a row (a straight stretch) become one.
  const steps: Array<[number, number, number]> = [];
  for (let i = 1; i < points.length; i++) {
    const dx = points[i]![0] - points[i - 1]![0];
    const dy = points[i]![1] - points[i - 1]![1];
    const last = steps[steps.length - 1];
    if (last && last[0] === dx && last[1] === dy) last[2]++;
    else steps.push([dx, dy, 1]);
  }
  const text = steps.map(([dx, dy, times]) => `${format(dx * times)} ${format(dy * times)}`).join(' ');
  return `M${format(startX)} ${format(startY)}l${text.replace(/ -/g, '-')}z`;
}

/** A ring in view-box units, and its copy on the other side of the map where it crosses the date line. */
function ringPaths(ring: Ring): string[] {
  const points: Array<[number, number]> = [];
  for (const [longitude, latitude] of unwrap(ring)) {
    const point: [number, number] = [snap(longitude + 180), snap(90 - latitude)];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const xs = points.map(([x]) => x);
  const shifts = [0, ...(Math.min(...xs) < 0 ? [360] : []), ...(Math.max(...xs) > 360 ? [-360] : [])];
  return shifts.flatMap((shift) => ringPath(points.map(([x, y]) => [x + shift, y])) ?? []);
}

export function worldLandPath(): string {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const rings: Ring[] = [];
  for (const item of land.features) {
    const geometry = item.geometry;
    if (geometry.type === 'Polygon') rings.push(...(geometry.coordinates as Ring[]));
    else if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates as Ring[][]) rings.push(...polygon);
  }
  return rings.flatMap(ringPaths).join('');
}

export function worldLandModule(): string {
  return [
    '// Generated by scripts/build/make-world-outline.ts from Natural Earth 1:110m land (public domain), packaged in',
    '// world-atlas 2.0.2 (ISC). Do not edit: run the script. Plate carrée: x = longitude + 180, y = 90 − latitude.',
    '',
    '/** The view box the path is drawn in: the whole world, 360 × 180 units of one degree. */',
    "export const WORLD_VIEW_BOX = '0 0 360 180';",
    '',
    '/** Land, as one SVG path in the view box. */',
    `export const WORLD_LAND_PATH =\n  '${worldLandPath()}';`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wanted = worldLandModule();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== wanted) {
      console.error(`${OUTPUT} is out of date: run npx tsx scripts/build/make-world-outline.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, wanted);
    console.log(`wrote ${OUTPUT} (${wanted.length} characters)`);
  }
}
