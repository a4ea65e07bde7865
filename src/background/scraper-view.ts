/**
 * The "what a scraper sees" panel's contents for one photo, in the person's language (the content script holds no
 * translations). The metadata bytes come from the page's content script, so they are checked like an upload
 * report's, read, and dropped: neither the position nor the serial number is kept anywhere.
 */
import { dataMiningMessageKey } from '../core/photo/data-mining';
import { readPhotoMetadataWithSpecifics } from '../core/photo/metadata';
import { fromBase64 } from '../core/rules/signature';
import { CLEANED_KINDS, scraperRows, type ScraperRow } from '../core/scraper-view';
import type { Translate } from '../shared/i18n';
import type { ScraperView, ScraperViewRow } from '../shared/protocol';
import { trainingMiningText } from '../shared/training-mining-text';
import { validateReport } from '../shared/validate-report';
import { COUNT_MARKER } from './warning-text';

/** Stands for the number of photos in the upload, which only the content script knows. */
export const TOTAL_MARKER = '\u2063total\u2063';

/** "52.5° N, 13.4° E", with the compass letters of the language. */
export function positionText(position: { latitude: number; longitude: number }, translate: Translate): string {
  const degrees = (value: number) => Math.abs(value).toFixed(1);
  return translate('see_coordinates', [
    degrees(position.latitude),
    translate(position.latitude < 0 ? 'see_south' : 'see_north'),
    degrees(position.longitude),
    translate(position.longitude < 0 ? 'see_west' : 'see_east'),
  ]);
}

function rowText(row: ScraperRow, translate: Translate): ScraperViewRow {
  const cleanable = CLEANED_KINDS.has(row.kind);
  const words = (value: string, use: string) => ({ kind: row.kind, label: translate(`see_row_${row.kind}`), value, use: translate(use), cleanable });
  switch (row.kind) {
    case 'place':
      return words(positionText(row, translate), 'see_use_place');
    case 'camera': {
      const serial = row.serial ? translate('see_serial', [row.serial]) : '';
      return words([row.camera ?? '', serial].filter(Boolean).join(' · '), row.serial ? 'see_use_camera_serial' : 'see_use_camera');
    }
    case 'reservation':
      return row.value
        ? words(translate(dataMiningMessageKey(row.value)), 'see_use_reservation')
        : words(translate('see_reservation_none'), 'see_use_reservation_none');
    case 'credentials':
      return words(trainingMiningText(row.value, translate), 'see_use_credentials');
    default:
      return words(row.text, `see_use_${row.kind}`);
  }
}

/** The panel for one photo, or null when the message does not carry one. */
export function scraperView(photo: unknown, translate: Translate, lang: string): ScraperView | null {
  // The same checks an upload report's photos get: a known format and bounded base64.
  const valid = validateReport({ path: 'file-input', photos: [{ ...(photo && typeof photo === 'object' ? photo : {}), name: '', type: '', size: 0 }] })?.photos[0];
  if (!valid) return null;
  const { result, specifics } = valid.metadataBytes && valid.format !== 'svg' ? readPhotoMetadataWithSpecifics(fromBase64(valid.metadataBytes)) : { result: null, specifics: null };
  const rows = result?.ok && specifics ? scraperRows(result.metadata, specifics) : [{ kind: 'reservation' as const, value: null }];
  const place = rows.find((row) => row.kind === 'place');
  return {
    text: {
      lang,
      title: translate('see_title'),
      intro: translate('see_intro'),
      close: translate('see_close'),
      photoOf: translate('see_photo_of', [COUNT_MARKER, TOTAL_MARKER]),
      previous: translate('see_previous'),
      next: translate('see_next'),
      facesHeading: translate('see_faces_heading'),
      facesOne: translate('see_faces_one'),
      facesMany: translate('see_faces_many', [COUNT_MARKER]),
      facesNone: translate('see_faces_none'),
      facesUnknown: translate('see_faces_unknown'),
      facesPending: translate('see_faces_pending'),
      facesUse: translate('see_faces_use'),
      photoLabel: translate('see_photo_label'),
      fileHeading: translate('see_file_heading'),
      mapHeading: translate('see_map_heading'),
      mapLabel: place ? translate('see_map_label', [positionText(place, translate)]) : '',
      mapNote: translate('see_map_note'),
      mapNone: translate('see_map_none'),
      clean: translate('warning_clean'),
      reserve: translate('warning_reserve'),
    },
    rows: rows.map((row) => rowText(row, translate)),
    place: place ? { latitude: place.latitude, longitude: place.longitude } : null,
  };
}
