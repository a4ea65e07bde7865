/**
 * What a collector that copies a photo gets from the photo's own file, as rows for the "what a scraper sees" panel
 * (src/content/scraper-view/). Pure: the service worker turns the rows into words in the person's language.
 */
import type { TrainingMining } from './photo/c2pa';
import type { DataMiningValue } from './photo/data-mining';
import type { PhotoMetadata, PhotoSpecifics } from './photo/metadata';

export type ScraperRowKind = 'place' | 'time' | 'camera' | 'creator' | 'copyright' | 'licence' | 'reservation' | 'credentials';

/** One thing in the file, in the order the panel shows them. */
export type ScraperRow =
  | { kind: 'place'; latitude: number; longitude: number }
  | { kind: 'time' | 'creator' | 'copyright' | 'licence'; text: string }
  | { kind: 'camera'; camera: string | null; serial: string | null }
  | { kind: 'reservation'; value: DataMiningValue | null }
  | { kind: 'credentials'; value: TrainingMining | 'unreadable' };

/** Rows that "Remove location and camera data" takes out of the file: cleaning drops all metadata but the
 *  reservation, which Afterlife writes again when it was the one that wrote it (src/content/upload.ts). */
export const CLEANED_KINDS: ReadonlySet<ScraperRowKind> = new Set<ScraperRowKind>(['place', 'time', 'camera', 'creator', 'copyright', 'licence', 'credentials']);

/** Decimal places the panel shows a position to: one place is about 11 km of latitude, a town rather than a street.
 *  The exact position stays in the file, and the panel says so. */
export const PLACE_DECIMALS = 1;

/** A position rounded to {@link PLACE_DECIMALS}, with longitude kept in −180…180. */
export function approximatePosition(position: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  const factor = 10 ** PLACE_DECIMALS;
  const round = (value: number) => Math.round(value * factor) / factor;
  const latitude = Math.max(-90, Math.min(90, round(position.latitude)));
  let longitude = round(position.longitude);
  if (longitude > 180) longitude -= 360;
  if (longitude < -180) longitude += 360;
  // Normalise −0 so the text never says "-0.0".
  return { latitude: latitude + 0, longitude: longitude + 0 };
}

/** Where a position falls on the panel's world map (plate carrée, view box 360 × 180). */
export function mapPoint(position: { latitude: number; longitude: number }): { x: number; y: number } {
  return { x: position.longitude + 180, y: 90 - position.latitude };
}

/**
 * The rows for one photo: what its file holds that a dataset builder could use. The reservation row is always there
 * (saying there is none is the point of the action beside it); the others only when the file has them.
 */
export function scraperRows(metadata: PhotoMetadata, specifics: PhotoSpecifics): ScraperRow[] {
  const rows: ScraperRow[] = [];
  if (specifics.position) rows.push({ kind: 'place', ...approximatePosition(specifics.position) });
  if (metadata.capturedAt) rows.push({ kind: 'time', text: metadata.capturedAt });
  if (metadata.camera || specifics.serial) rows.push({ kind: 'camera', camera: metadata.camera, serial: specifics.serial });
  if (metadata.creator) rows.push({ kind: 'creator', text: metadata.creator });
  if (metadata.copyright) rows.push({ kind: 'copyright', text: metadata.copyright });
  if (metadata.licenceText) rows.push({ kind: 'licence', text: metadata.licenceText });
  rows.push({ kind: 'reservation', value: metadata.dataMining });
  if (metadata.trainingMining) rows.push({ kind: 'credentials', value: metadata.trainingMining });
  return rows;
}
