import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../../scripts/rules/rules-files';
import { factsFromMetadata } from './facts';
import { licenceIdFromUrl } from './licence-url';
import { dataMiningValueOf, reservesAgainstTraining } from './data-mining';
import { readPhotoMetadata } from './metadata';
import { metadataBytesFor } from './metadata-range';

const sample = (name: string) => new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/meta', name)));

describe('readPhotoMetadata on the project sample photos', () => {
  it('reads GPS, camera, serial, creator, copyright and capture time from a JPEG', () => {
    expect(readPhotoMetadata(sample('gps-camera.jpg'))).toEqual({
      ok: true,
      metadata: {
        location: true,
        capturedAt: '2026:06:01 12:34:56',
        camera: 'Canon EOS 5D Mark IV',
        cameraSerial: true,
        creator: 'Alex Example',
        copyright: '(c) 2026 Alex Example',
        licenceId: null,
        licenceText: null,
        dataMining: null,
        otherConstraints: null,
        trainingMining: null,
      },
    });
  });

  it('reads what content credentials (C2PA) say about AI training (a JPEG made by e2e/support/make-c2pa-photo.ts)', () => {
    expect(readPhotoMetadata(sample('c2pa-training.jpg'))).toMatchObject({
      ok: true,
      metadata: { trainingMining: { label: 'cawg.training-mining', uses: { ai_generative_training: 'notAllowed', ai_training: 'constrained', data_mining: 'allowed' } } },
    });
  });

  it('reads an IPTC Data Mining reservation and its free-text constraint (a JPEG written with exiftool)', () => {
    const result = readPhotoMetadata(sample('reserved.jpg'));
    expect(result).toMatchObject({ ok: true, metadata: { dataMining: 'DMI-PROHIBITED-AIMLTRAINING', otherConstraints: 'Not for AI training.', creator: 'Sam Example' } });
  });

  it('reads the same from WebP', () => {
    const result = readPhotoMetadata(sample('gps-camera.webp'));
    expect(result.ok && result.metadata).toMatchObject({ location: true, cameraSerial: true, creator: 'Alex Example' });
  });

  it('reads an embedded Creative Commons licence from XMP in JPEG and PNG', () => {
    const jpeg = readPhotoMetadata(sample('cc-by.jpg'));
    expect(jpeg.ok && jpeg.metadata).toMatchObject({ licenceId: 'cc-by-4.0', creator: 'Alex Example', location: false });
    const png = readPhotoMetadata(sample('cc-by-nc.png'));
    expect(png.ok && png.metadata).toMatchObject({ licenceId: 'cc-by-nc-4.0' });
  });

  it('finds nothing in a photo without metadata', () => {
    expect(readPhotoMetadata(sample('plain.jpg'))).toMatchObject({ ok: true, metadata: { location: false, cameraSerial: false, creator: null, licenceId: null } });
  });

  it('survives truncated and empty files', () => {
    expect(readPhotoMetadata(sample('truncated.jpg')).ok).toBe(true);
    expect(readPhotoMetadata(new Uint8Array())).toEqual({ ok: false, error: 'empty file' });
    expect(readPhotoMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78])).ok).toBeDefined();
  });
});

describe('metadataBytesFor', () => {
  it('reads only the head of a large JPEG, and whole small PNG/WebP files', () => {
    expect(metadataBytesFor('jpeg', 25 * 1024 * 1024)).toEqual({ length: 256 * 1024, complete: true });
    expect(metadataBytesFor('webp', 300_000)).toEqual({ length: 300_000, complete: true });
    expect(metadataBytesFor('png', 30 * 1024 * 1024)).toEqual({ length: 512 * 1024, complete: false });
  });
});

describe('licenceIdFromUrl', () => {
  it.each([
    ['https://creativecommons.org/licenses/by/4.0/', 'cc-by-4.0'],
    ['http://creativecommons.org/licenses/by-nc-sa/2.0/', 'cc-by-nc-sa-2.0'],
    ['https://creativecommons.org/licenses/by-sa/3.0/deed.en', 'cc-by-sa-2.0'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'cc0-1.0'],
    ['https://creativecommons.org/publicdomain/mark/1.0/', 'pdm-1.0'],
    ['https://creativecommons.org.evil.test/licenses/by/4.0/', null],
    ['https://example.org/licence', null],
    ['not a url', null],
  ])('%s → %s', (url, id) => expect(licenceIdFromUrl(url)).toBe(id));
});

describe('factsFromMetadata', () => {
  const read = (name: string) => readPhotoMetadata(sample(name));
  it('counts a fact when any photo shows it', () => {
    expect(factsFromMetadata([read('plain.jpg'), read('gps-camera.jpg')])).toEqual({
      faces: 'unknown',
      location: true,
      cameraSerial: true,
      creatorName: true,
      embeddedLicence: null,
    });
  });
  it('says false only when every photo was read, unknown otherwise', () => {
    expect(factsFromMetadata([read('plain.jpg')]).location).toBe(false);
    expect(factsFromMetadata([read('plain.jpg'), { ok: false, error: 'x' }]).location).toBe('unknown');
    expect(factsFromMetadata([read('cc-by.jpg')]).embeddedLicence).toBe('cc-by-4.0');
  });
});

describe('dataMiningValueOf: only the standard\'s terms count as a reservation', () => {
  it.each([
    ['http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING', 'DMI-PROHIBITED-AIMLTRAINING'],
    ['  http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED  ', 'DMI-PROHIBITED'],
    ['DMI-PROHIBITED-GENAIMLTRAINING', 'DMI-PROHIBITED-GENAIMLTRAINING'],
    ['http://ns.useplus.org/ldf/vocab/DMI-ALLOWED', 'DMI-ALLOWED'],
    ['http://ns.useplus.org/ldf/vocab/DMI-MADE-UP', null],
    ['https://evil.example/DMI-PROHIBITED', null],
    ['', null],
    [null, null],
  ])('%j → %j', (raw, value) => {
    expect(dataMiningValueOf(raw)).toBe(value);
  });

  it('treats every PROHIBITED term, and no other, as reserving against training', () => {
    expect(reservesAgainstTraining('DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING')).toBe(true);
    expect(reservesAgainstTraining('DMI-ALLOWED')).toBe(false);
    expect(reservesAgainstTraining('DMI-UNSPECIFIED')).toBe(false);
    expect(reservesAgainstTraining(null)).toBe(false);
  });
});
