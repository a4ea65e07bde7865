import { describe, expect, it } from 'vitest';
import { formatMessage } from '../core/i18n';
import type { TrainingMining } from '../core/photo/c2pa';
import type { DataMiningValue } from '../core/photo/data-mining';
import type { PhotoFacts } from '../core/risk/types';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import { foundText } from './warning-text';

const record = (facts: Partial<PhotoFacts>, dataMining: DataMiningValue | null = null, trainingMining: TrainingMining | 'unreadable' | null = null) => ({
  photoFacts: { faces: 'unknown', location: false, cameraSerial: false, creatorName: false, embeddedLicence: null, ...facts } as PhotoFacts,
  photoDetails: { camera: null, capturedAt: null, creator: null, licenceText: null, dataMining, trainingMining },
  unreadablePhotos: 0,
  photos: [],
});
const english = (key: string, params: readonly (string | number)[] = []) => formatMessage(en, key, params.map(String));
const german = (key: string, params: readonly (string | number)[] = []) => formatMessage(de, key, params.map(String));

describe('what the warning says it found in the photo', () => {
  it('names one face, or how many', () => {
    expect(foundText(record({ faces: 1 }), english)).toBe('Found in the photo: a face.');
    expect(foundText(record({ faces: 3, location: true }), english)).toBe('Found in the photo: 3 faces, the exact place it was taken.');
    expect(foundText(record({ faces: 2 }), german)).toBe('Im Foto gefunden: 2 Gesichter.');
  });

  it('says nothing of faces when none were found or they could not be counted', () => {
    expect(foundText(record({ faces: 0 }), english)).toBe('');
    expect(foundText(record({ faces: 'unknown' }), english)).toBe('');
  });
});

describe('a reservation the photo already carries', () => {
  it('names the IPTC Data Mining term in plain words, in both languages', () => {
    expect(foundText(record({}, 'DMI-PROHIBITED-AIMLTRAINING'), english)).toBe(
      'Found in the photo: a reservation written into the file: no AI or machine-learning training (IPTC Data Mining).',
    );
    expect(foundText(record({}, 'DMI-PROHIBITED-GENAIMLTRAINING'), german)).toBe(
      'Im Foto gefunden: ein in die Datei geschriebener Vorbehalt: kein Training generativer KI (IPTC Data Mining).',
    );
  });
});

describe('content credentials (C2PA) the photo carries', () => {
  it('lists what they allow, in the order the assertion defines, and says Afterlife did not check them', () => {
    const said: TrainingMining = { label: 'cawg.training-mining', uses: { data_mining: 'allowed', ai_generative_training: 'notAllowed', ai_inference: 'constrained' } };
    expect(foundText(record({}, null, said), english)).toBe(
      'Found in the photo: content credentials (C2PA) saying generative-AI training: not allowed, use as AI input: only with permission, data mining: allowed — written by whoever made the file, not checked by Afterlife.',
    );
    expect(foundText(record({}, null, 'unreadable'), german)).toBe('Im Foto gefunden: Inhaltsnachweise (C2PA), die sich nicht lesen ließen.');
  });
});
