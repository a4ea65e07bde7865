import { fromBase64 } from '../rules/signature';
import type { PhotoFacts } from '../risk/types';
import { factsFromMetadata } from './facts';
import { readPhotoMetadata, type MetadataResult } from './metadata';
import type { TrainingMining } from './c2pa';
import type { DataMiningValue } from './data-mining';
import type { ImageFormat } from './sniff';

/** A photo as the content script reports it: its format and the bytes where its metadata lives (base64). */
export interface PhotoBytes {
  format: ImageFormat;
  metadataBytes: string;
}

/** What the photos of one upload say about themselves: the facts the model counts, and details for the popup. */
export interface PhotosRead {
  photoFacts: PhotoFacts;
  /** Details from the first photo that has them. */
  photoDetails: {
    camera: string | null;
    capturedAt: string | null;
    creator: string | null;
    licenceText: string | null;
    /** The IPTC Data Mining reservation of the first photo that carries one. */
    dataMining: DataMiningValue | null;
    /** What the first photo with content credentials (C2PA) says about AI training, or that they could not be read. */
    trainingMining: TrainingMining | 'unreadable' | null;
  };
  /** Photos whose details could not be read. */
  unreadablePhotos: number;
}

/** Reads each photo's metadata bytes; the bytes are dropped as soon as they are read. The service worker and
 *  `npm run assess` both read photos through here, so the command line finds what the extension finds. */
export function readReportedPhotos(photos: readonly PhotoBytes[]): PhotosRead {
  const results: MetadataResult[] = photos.map((photo) => {
    if (photo.format === 'svg') return { ok: false, error: 'SVG has no photo metadata' };
    if (!photo.metadataBytes) return { ok: false, error: 'nothing was read' };
    try {
      return readPhotoMetadata(fromBase64(photo.metadataBytes));
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const found = results.flatMap((result) => (result.ok ? [result.metadata] : []));
  const pick = <K extends 'camera' | 'capturedAt' | 'creator' | 'licenceText' | 'dataMining' | 'trainingMining'>(key: K) => found.find((metadata) => metadata[key])?.[key] ?? null;
  return {
    photoFacts: factsFromMetadata(results),
    photoDetails: { camera: pick('camera'), capturedAt: pick('capturedAt'), creator: pick('creator'), licenceText: pick('licenceText'), dataMining: pick('dataMining'),
      // What a manifest says outranks "could not read one".
      trainingMining: found.find((metadata) => metadata.trainingMining && metadata.trainingMining !== 'unreadable')?.trainingMining ?? pick('trainingMining'),
    },
    unreadablePhotos: results.filter((result) => !result.ok).length,
  };
}
