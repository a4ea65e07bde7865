import { factsFromMetadata } from '../core/photo/facts';
import { readPhotoMetadata, type MetadataResult } from '../core/photo/metadata';
import { fromBase64 } from '../core/rules/signature';
import type { ReportedPhoto, TabRecord } from '../shared/protocol';

/** Reads each reported photo's metadata bytes; the bytes are dropped as soon as they are read. */
export function readReportedPhotos(photos: readonly ReportedPhoto[]): Pick<TabRecord, 'photoFacts' | 'photoDetails' | 'unreadablePhotos'> {
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
  const pick = <K extends 'camera' | 'capturedAt' | 'creator' | 'licenceText'>(key: K) => found.find((metadata) => metadata[key])?.[key] ?? null;
  return {
    photoFacts: factsFromMetadata(results),
    photoDetails: { camera: pick('camera'), capturedAt: pick('capturedAt'), creator: pick('creator'), licenceText: pick('licenceText') },
    unreadablePhotos: results.filter((result) => !result.ok).length,
  };
}
