import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../core/i18n';
import { toBase64 } from '../core/rules/signature';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import { positionText, scraperView } from './scraper-view';

const english = (key: string, params: readonly (string | number)[] = []) => formatMessage(en, key, params.map(String));
const german = (key: string, params: readonly (string | number)[] = []) => formatMessage(de, key, params.map(String));
const META = join(import.meta.dirname, '../../e2e/fixtures/photos/meta');
const photo = (file: string) => ({ format: 'jpeg', metadataBytes: toBase64(readFileSync(join(META, file))) });

describe('the panel of what a scraper sees, in words', () => {
  it('names each thing in the file, what it lets a dataset builder do, and whether cleaning removes it', () => {
    const view = scraperView(photo('all-facts.jpg'), english, 'en');
    expect(view?.place).toEqual({ latitude: 52.5, longitude: 13.4 });
    expect(view?.text.mapLabel).toBe('World map with a dot near 52.5° N, 13.4° E');
    const place = view?.rows.find((row) => row.kind === 'place');
    expect(place).toMatchObject({ label: 'Place', value: '52.5° N, 13.4° E', cleanable: true });
    expect(place?.use).toMatch(/place/);
    expect(view?.rows.find((row) => row.kind === 'camera')).toMatchObject({ value: 'Canon EOS R6 · serial number 123456789012', use: expect.stringContaining('serial number') });
    expect(view?.rows.find((row) => row.kind === 'reservation')).toMatchObject({ value: 'Nothing in the file says so.', cleanable: false });
  });

  it('reads a reservation the photo carries', () => {
    const view = scraperView(photo('reserved.jpg'), english, 'en');
    expect(view?.rows.find((row) => row.kind === 'reservation')?.value).toBe('no AI or machine-learning training');
    expect(view?.place).toBeNull();
  });

  it('speaks German, with its compass letters', () => {
    expect(positionText({ latitude: -33.9, longitude: -70.6 }, german)).toBe('33.9° S, 70.6° W');
    expect(positionText({ latitude: 52.5, longitude: 13.4 }, german)).toBe('52.5° N, 13.4° O');
    expect(scraperView(photo('all-facts.jpg'), german, 'de')?.text.title).toBe('Was ein Scraper sieht');
  });

  it('refuses what is not a photo, and says only "no reservation" of bytes it cannot read', () => {
    expect(scraperView(null, english, 'en')).toBeNull();
    expect(scraperView({ format: 'exe', metadataBytes: '' }, english, 'en')).toBeNull();
    const unreadable = scraperView({ format: 'jpeg', metadataBytes: toBase64(new Uint8Array([1, 2, 3])) }, english, 'en');
    expect(unreadable?.rows.map((row) => row.kind)).toEqual(['reservation']);
    // Not base64: treated as nothing read.
    expect(scraperView({ format: 'jpeg', metadataBytes: '<script>' }, english, 'en')?.rows.map((row) => row.kind)).toEqual(['reservation']);
  });
});
