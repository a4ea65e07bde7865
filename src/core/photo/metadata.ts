import { DOMParser } from '@xmldom/xmldom';
import ExifReader from 'exifreader';
import { readTrainingMining, type TrainingMining } from './c2pa';
import { dataMiningValueOf, type DataMiningValue } from './data-mining';
import { licenceIdFromUrl } from './licence-url';
import { SNIFF_BYTES, sniffImageFormat } from './sniff';

/** What a photo's own metadata says about it, read on the device. Only what matters for the assessment is kept:
 *  whether a position is there (never the position itself), the camera, its serial, names and the licence. */
export interface PhotoMetadata {
  location: boolean;
  capturedAt: string | null;
  camera: string | null;
  cameraSerial: boolean;
  creator: string | null;
  copyright: string | null;
  /** Licence id from `licences.json` when the embedded licence is one we know. */
  licenceId: string | null;
  /** The embedded licence URL or usage terms, as written in the file. */
  licenceText: string | null;
  /** The IPTC Data Mining term the photo carries (`plus:DataMining`), when it is one of the standard's. */
  dataMining: DataMiningValue | null;
  /** The free text of `plus:OtherConstraints`, which DMI-PROHIBITED-SEECONSTRAINT points to. */
  otherConstraints: string | null;
  /** What the photo's C2PA manifest (content credentials) says about AI training and data mining; `unreadable` when a
   *  manifest is there but could not be read, null when there is none or it says nothing about training. */
  trainingMining: TrainingMining | 'unreadable' | null;
}

export type MetadataResult = { ok: true; metadata: PhotoMetadata } | { ok: false; error: string };

/** An XML parser that reports nothing to the console: a broken XMP packet is the photo's problem, not an error of
 *  ours, and a hostile file must not be able to flood the console. */
const quietParser = () => new DOMParser({ onError: () => undefined });

type Tag = { description?: unknown; value?: unknown } | undefined;
type Group = Record<string, Tag> | undefined;

function text(tag: Tag): string | null {
  const value = tag?.description ?? tag?.value;
  if (typeof value === 'string') return value.trim().slice(0, 200) || null;
  if (Array.isArray(value)) return value.map(String).join(', ').trim().slice(0, 200) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

const first = (...values: Array<string | null>) => values.find((value) => !!value) ?? null;

/**
 * Reads GPS, capture time, camera, serial number, creator, copyright and licence from a photo's bytes with
 * exifreader (Exif, XMP, IPTC; JPEG, PNG, WebP, HEIC, AVIF). XMP is parsed with xmldom because a service worker has no
 * DOMParser. Malformed or truncated files give what could be read, or an error — never a crash.
 */
export function readPhotoMetadata(bytes: Uint8Array): MetadataResult {
  return read(bytes).result;
}

/** What only the "what a scraper sees" panel shows: the position and the serial number themselves. The assessment
 *  and the records keep neither (only that they are there); these are shown once and dropped. */
export interface PhotoSpecifics {
  position: { latitude: number; longitude: number } | null;
  serial: string | null;
}

/** The metadata and, for the panel, the position and serial (see {@link PhotoSpecifics}). */
export function readPhotoMetadataWithSpecifics(bytes: Uint8Array): { result: MetadataResult; specifics: PhotoSpecifics } {
  return read(bytes);
}

const NONE: PhotoSpecifics = { position: null, serial: null };

function read(bytes: Uint8Array): { result: MetadataResult; specifics: PhotoSpecifics } {
  const failed = (error: string) => ({ result: { ok: false as const, error }, specifics: NONE });
  if (bytes.byteLength === 0) return failed('empty file');
  let tags: Record<string, Group> & { gps?: { Latitude?: number; Longitude?: number } };
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    tags = ExifReader.load(buffer, { expanded: true, domParser: quietParser() as unknown as globalThis.DOMParser }) as typeof tags;
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const { exif, xmp, iptc } = tags;
  const latitude = tags.gps?.Latitude;
  const longitude = tags.gps?.Longitude;
  const location = Number.isFinite(latitude) && Number.isFinite(longitude) && !(latitude === 0 && longitude === 0);
  const make = text(exif?.Make);
  const model = text(exif?.Model);
  const camera = make && model && !model.startsWith(make) ? `${make} ${model}` : first(model, make);
  const serial = first(text(exif?.BodySerialNumber), text(exif?.SerialNumber), text(xmp?.SerialNumber), text(xmp?.BodySerialNumber), text(exif?.LensSerialNumber));
  const licenceUrl = first(text(xmp?.license), text(xmp?.WebStatement));
  const licenceId = licenceUrl ? licenceIdFromUrl(licenceUrl) : null;
  const metadata: PhotoMetadata = {
    location,
    capturedAt: first(text(exif?.DateTimeOriginal), text(exif?.DateTime), text(xmp?.DateCreated)),
    camera,
    cameraSerial: !!serial,
    creator: first(text(exif?.Artist), text(xmp?.creator), text(iptc?.['By-line']), text(exif?.CameraOwnerName), text(exif?.OwnerName)),
    copyright: first(text(exif?.Copyright), text(xmp?.rights), text(iptc?.['Copyright Notice'])),
    licenceId,
    licenceText: first(licenceUrl, text(xmp?.UsageTerms)),
    dataMining: dataMiningValueOf(text(xmp?.DataMining)),
    otherConstraints: text(xmp?.OtherConstraints),
    trainingMining: trainingMiningOf(bytes),
  };
  const position = location ? { latitude: latitude as number, longitude: longitude as number } : null;
  return { result: { ok: true, metadata }, specifics: { position, serial } };
}

function trainingMiningOf(bytes: Uint8Array): PhotoMetadata['trainingMining'] {
  const result = readTrainingMining(bytes, sniffImageFormat(bytes.subarray(0, SNIFF_BYTES)));
  return 'found' in result ? result.found : 'unreadable' in result ? 'unreadable' : null;
}
