import { textOf } from '../core/i18n';
import { dataMiningMessageKey, type DataMiningValue } from '../core/photo/data-mining';
import type { Assessment } from '../core/risk/types';
import type { Translate } from '../shared/i18n';
import { trainingMiningText } from '../shared/training-mining-text';
import type { TabRecord, WarningText } from '../shared/protocol';

/** Stands for a number only the content script knows (how many photos it cleaned). */
export const COUNT_MARKER = '\u2063count\u2063';

/** "Found in the photo: the exact place it was taken, the camera's serial number…", or why nothing could be said. */
export function foundText(record: Pick<TabRecord, 'photoFacts' | 'photoDetails' | 'unreadablePhotos' | 'photos'>, translate: Translate): string {
  const { photoFacts: facts, photoDetails: details } = record;
  const found: string[] = [];
  if (typeof facts.faces === 'number' && facts.faces > 0) found.push(facts.faces === 1 ? translate('found_faces_one') : translate('found_faces_many', [facts.faces]));
  if (facts.location === true) found.push(translate('found_location'));
  if (facts.cameraSerial === true) found.push(translate('found_serial'));
  if (facts.creatorName === true && details.creator) found.push(translate('found_creator', [details.creator]));
  if (details.licenceText) found.push(translate('found_licence', [details.licenceText]));
  if (details.dataMining) found.push(translate('found_reservation', [translate(dataMiningMessageKey(details.dataMining))]));
  if (details.trainingMining) found.push(trainingMiningText(details.trainingMining, translate));
  const sentences = found.length > 0 ? [translate('found_intro', [found.join(', ')])] : [];
  if (record.unreadablePhotos > 0) {
    sentences.push(record.photos.length === 1 ? translate('found_unreadable_one') : translate('found_unreadable_some', [record.unreadablePhotos]));
  }
  return sentences.join(' ');
}

/** What a reservation written into the photo can do on this site: whether its copies keep the file's metadata. */
export const reservationFateText = (assessment: Assessment, translate: Translate): string =>
  translate(`reservation_fate_${assessment.metadataOnSite.value}`, [assessment.site?.name ?? assessment.host]);

/** The in-page warning's words for an assessment, in the chosen language. `reservation` is the term the person's
 *  "Mark it not for AI training" writes. */
export function warningText(
  assessment: Assessment,
  record: Parameters<typeof foundText>[0] & Partial<Pick<TabRecord, 'path'>>,
  translate: Translate,
  lang: string,
  reservation: DataMiningValue,
): WarningText {
  const level = translate(`level_${assessment.level.replace('-', '_')}`);
  // Emphasise the level word wherever the translation puts it: fill its slot with a marker, then split on it.
  const marker = '\u2063level\u2063';
  const [before = '', after = ''] = translate('warning_title', [marker]).split(marker);
  const siteName = assessment.site?.name ?? assessment.host;
  const photos = assessment.photoCount > 1 ? ` · ${translate('warning_photos', [assessment.photoCount])}` : '';
  return {
    lang,
    label: translate('warning_label'),
    title: [before, level, after],
    site: translate('warning_site', [siteName]) + photos,
    reason: textOf(assessment.reason, (key, params) => translate(key, params)),
    why: translate('warning_why'),
    mute: translate('warning_mute'),
    close: translate('warning_close'),
    muted: translate('warning_muted'),
    found: foundText(record, translate),
    switched: translate('warning_switched'),
    clean: translate('warning_clean'),
    cleaned: translate('warning_cleaned', [COUNT_MARKER]),
    reserve: translate('warning_reserve'),
    see: translate('see_button'),
    sent: record.path === 'camera' ? translate('warning_sent_camera') : record.path === 'script' ? translate('warning_sent_script') : '',
    reserved: `${translate('warning_reserved', [COUNT_MARKER, translate(dataMiningMessageKey(reservation))])} ${reservationFateText(assessment, translate)}`,
  };
}
