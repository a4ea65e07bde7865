import type { PhotoFacts } from '../risk/types';
import type { MetadataResult } from './metadata';

/**
 * The photo facts of an upload of one or more photos, for the assessment: a fact counts when any photo shows it,
 * is `false`/`null` when every photo was read and none shows it, and stays 'unknown' when nothing could be read.
 * Faces come from a separate detector; until it has run they are unknown.
 */
export function factsFromMetadata(results: readonly MetadataResult[]): PhotoFacts {
  const read = results.flatMap((result) => (result.ok ? [result.metadata] : []));
  const allRead = read.length > 0 && read.length === results.length;
  const any = (has: (metadata: (typeof read)[number]) => boolean): boolean | 'unknown' =>
    read.some(has) ? true : allRead ? false : 'unknown';
  const licence = read.find((metadata) => metadata.licenceId)?.licenceId ?? null;
  return {
    faces: 'unknown',
    location: any((metadata) => metadata.location),
    cameraSerial: any((metadata) => metadata.cameraSerial),
    creatorName: any((metadata) => !!metadata.creator),
    embeddedLicence: licence ?? (allRead ? null : 'unknown'),
  };
}
