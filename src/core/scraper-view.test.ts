import { describe, expect, it } from 'vitest';
import type { PhotoMetadata } from './photo/metadata';
import { approximatePosition, CLEANED_KINDS, mapPoint, scraperRows } from './scraper-view';

const metadata = (facts: Partial<PhotoMetadata> = {}): PhotoMetadata => ({
  location: false,
  capturedAt: null,
  camera: null,
  cameraSerial: false,
  creator: null,
  copyright: null,
  licenceId: null,
  licenceText: null,
  dataMining: null,
  otherConstraints: null,
  trainingMining: null,
  ...facts,
});

describe('what a scraper gets from the file', () => {
  it('lists what the file holds, in order, and always the reservation', () => {
    const rows = scraperRows(metadata({ location: true, capturedAt: '2024:05:01 10:00:00', camera: 'Canon EOS R6', cameraSerial: true, creator: 'Sam', copyright: '© Sam', licenceText: 'https://creativecommons.org/licenses/by/4.0/' }), {
      position: { latitude: 52.52, longitude: 13.405 },
      serial: '123',
    });
    expect(rows.map((row) => row.kind)).toEqual(['place', 'time', 'camera', 'creator', 'copyright', 'licence', 'reservation']);
    expect(rows[0]).toEqual({ kind: 'place', latitude: 52.5, longitude: 13.4 });
    expect(rows[2]).toEqual({ kind: 'camera', camera: 'Canon EOS R6', serial: '123' });
    expect(scraperRows(metadata(), { position: null, serial: null })).toEqual([{ kind: 'reservation', value: null }]);
  });

  it('shows a serial number even without a camera name, and content credentials when there are some', () => {
    const rows = scraperRows(metadata({ dataMining: 'DMI-PROHIBITED', trainingMining: 'unreadable' }), { position: null, serial: 'X1' });
    expect(rows).toEqual([
      { kind: 'camera', camera: null, serial: 'X1' },
      { kind: 'reservation', value: 'DMI-PROHIBITED' },
      { kind: 'credentials', value: 'unreadable' },
    ]);
  });

  it('cleaning removes everything but the reservation', () => {
    expect(CLEANED_KINDS.has('reservation')).toBe(false);
    expect([...CLEANED_KINDS]).toEqual(expect.arrayContaining(['place', 'time', 'camera', 'creator', 'copyright', 'licence', 'credentials']));
  });
});

describe('the place at the panel\'s precision', () => {
  it('rounds to a tenth of a degree, about 11 km, and never says minus zero', () => {
    expect(approximatePosition({ latitude: 52.5219, longitude: 13.4132 })).toEqual({ latitude: 52.5, longitude: 13.4 });
    expect(approximatePosition({ latitude: -33.8688, longitude: 151.2093 })).toEqual({ latitude: -33.9, longitude: 151.2 });
    expect(Object.is(approximatePosition({ latitude: -0.01, longitude: -0.04 }).latitude, -0)).toBe(false);
    expect(Object.is(approximatePosition({ latitude: -0.01, longitude: -0.04 }).longitude, -0)).toBe(false);
  });

  it('keeps the poles and the date line on the map', () => {
    expect(approximatePosition({ latitude: 90, longitude: 179.98 })).toEqual({ latitude: 90, longitude: 180 });
    expect(approximatePosition({ latitude: -90, longitude: -180 })).toEqual({ latitude: -90, longitude: -180 });
  });

  it('places a position on the plate carrée map', () => {
    expect(mapPoint({ latitude: 52.5, longitude: 13.4 })).toEqual({ x: 193.4, y: 37.5 });
    expect(mapPoint({ latitude: -90, longitude: -180 })).toEqual({ x: 0, y: 180 });
    expect(mapPoint({ latitude: 90, longitude: 180 })).toEqual({ x: 360, y: 0 });
  });
});
