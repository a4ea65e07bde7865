/** The actions the in-page warning offers besides "Why?": each only where it can do something for these photos. */
import { reservesAgainstTraining } from '../core/photo/data-mining';
import { WHOLE_FILE_LIMIT } from '../core/photo/metadata-range';
import type { Knowledge } from '../core/risk/types';
import type { SiteRule } from '../core/rules/types';
import type { LicenceSwitch, TabRecord, UploadReport } from '../shared/protocol';

/** The licence nudge: where the page's own picker offers "All rights reserved" and an open licence is chosen. */
export function licenceSwitchFor(site: SiteRule | null, pageLicence: string | null, knowledge: Knowledge, label: string): LicenceSwitch | null {
  const picker = site?.licencePicker;
  if (!picker || !pageLicence || !knowledge.licences.get(pageLicence)?.openLicence) return null;
  const value = Object.entries(picker.values).find(([, licence]) => licence === 'all-rights-reserved')?.[0];
  return value === undefined ? null : { selector: picker.selector, value, label };
}

/** "Remove location and camera data": when a photo carries any of them, in a format the cleaner handles. */
export const offerCleaning = (report: UploadReport, record: Pick<TabRecord, 'photoFacts'>): boolean => {
  const facts = record.photoFacts;
  return (
    (facts.location === true || facts.cameraSerial === true || facts.creatorName === true) &&
    report.photos.some((photo) => photo.format === 'jpeg' || photo.format === 'png' || photo.format === 'webp')
  );
};

/** "Mark it not for AI training": for JPEGs, and PNGs and WebPs of up to 8 MB (src/core/photo/reserve*.ts), and
 *  not again once the photos carry a reservation. */
export const offerReserve = (report: UploadReport, record: Pick<TabRecord, 'photoDetails'>): boolean =>
  report.photos.some((photo) => photo.format === 'jpeg' || ((photo.format === 'png' || photo.format === 'webp') && photo.size <= WHOLE_FILE_LIMIT)) &&
  !reservesAgainstTraining(record.photoDetails.dataMining);
