import { dataMiningMessageKey } from '../../core/photo/data-mining';
import { trainingMiningText } from '../../shared/training-mining-text';
import type { PhotoFacts } from '../../core/risk/types';
import type { TabRecord } from '../../shared/protocol';
import { useT } from '../../ui/i18n-context';

function factText(t: ReturnType<typeof useT>, fact: keyof PhotoFacts, value: PhotoFacts[keyof PhotoFacts], record: TabRecord): string {
  // Faces are counted after the rest is read: still counting, or the detector could not look at the photos.
  if (fact === 'faces' && value === 'unknown') return record.facesCheck === 'pending' ? t('popup_fact_faces_pending') : t('popup_fact_faces_unknown');
  if (value === 'unknown') return t('popup_fact_unknown');
  if (fact === 'faces') return String(value);
  if (fact === 'embeddedLicence') return value === null ? t('popup_fact_none') : String(value);
  if (fact === 'creatorName' || fact === 'cameraSerial') return value ? t('popup_fact_yes') : t('popup_fact_no');
  return value ? t('popup_fact_yes') : t('popup_fact_no');
}

/** The last upload in this tab: how many photos, when, and what was found in them on this device. */
export function LastUpload({ record }: { record: TabRecord }) {
  const t = useT();
  const facts: Array<[keyof PhotoFacts, string]> = [
    ['faces', t('popup_fact_faces')],
    ['location', t('popup_fact_location')],
    ['cameraSerial', t('popup_fact_serial')],
    ['creatorName', t('popup_fact_creator')],
    ['embeddedLicence', t('popup_fact_licence')],
  ];
  const details = record.photoDetails;
  return (
    <section aria-labelledby="upload-heading" data-testid="last-upload">
      <h2 id="upload-heading">{t('popup_last_upload')}</h2>
      <p>{t('popup_photos_count', [record.photos.length, new Date(record.at).toLocaleTimeString()])}</p>
      <dl class="facts">
        {facts.map(([fact, label]) => (
          <div key={fact}>
            <dt>{label}</dt>
            <dd data-fact={fact}>{factText(t, fact, record.photoFacts[fact], record)}</dd>
          </div>
        ))}
        {details?.camera && (
          <div>
            <dt>{t('popup_fact_camera')}</dt>
            <dd data-fact="camera">{details.camera}</dd>
          </div>
        )}
        {details?.capturedAt && (
          <div>
            <dt>{t('popup_fact_taken')}</dt>
            <dd data-fact="taken">{details.capturedAt}</dd>
          </div>
        )}
        {details?.dataMining && (
          <div>
            <dt>{t('popup_fact_data_mining')}</dt>
            <dd data-fact="dataMining" data-value={details.dataMining}>
              {t(dataMiningMessageKey(details.dataMining))}
            </dd>
          </div>
        )}
        {details?.trainingMining && (
          <div>
            <dt>{t('popup_fact_c2pa')}</dt>
            <dd data-fact="c2pa">{trainingMiningText(details.trainingMining, t)}</dd>
          </div>
        )}
      </dl>
      {record.unreadablePhotos > 0 && (
        <p class="muted" data-testid="unreadable">
          {record.photos.length === 1 ? t('found_unreadable_one') : t('found_unreadable_some', [record.unreadablePhotos])}
        </p>
      )}
    </section>
  );
}
