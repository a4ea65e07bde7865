/**
 * The IPTC Photo Metadata Standard 2023.1 "Data Mining" property: XMP `plus:DataMining` in the PLUS namespace,
 * whose value is a URI from the PLUS Data Mining vocabulary. Source: IPTC, "Exclude images from generative AI
 * training with IPTC Photo Metadata Standard 2023.1" (approved 2023-10-04),
 * https://iptc.org/news/exclude-images-from-generative-ai-iptc-photo-metadata-standard-2023-1/ (checked 2026-11-29).
 */
export const PLUS_NAMESPACE = 'http://ns.useplus.org/ldf/xmp/1.0/';
export const DATA_MINING_VOCABULARY = 'http://ns.useplus.org/ldf/vocab/';

export const DATA_MINING_VALUES = [
  'DMI-UNSPECIFIED',
  'DMI-ALLOWED',
  'DMI-PROHIBITED-AIMLTRAINING',
  'DMI-PROHIBITED-GENAIMLTRAINING',
  'DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING',
  'DMI-PROHIBITED',
  'DMI-PROHIBITED-SEECONSTRAINT',
  'DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR',
  'DMI-PROHIBITED-SEELINKEDRIGHTSEXPR',
] as const;
export type DataMiningValue = (typeof DATA_MINING_VALUES)[number];

/**
 * The vocabulary term a photo's `plus:DataMining` names: written as the full URI (as the standard asks) or, as some
 * tools do, as the bare term; null for anything else, so a made-up value is never shown as a reservation.
 */
export function dataMiningValueOf(raw: string | null | undefined): DataMiningValue | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  const term = trimmed.startsWith(DATA_MINING_VOCABULARY) ? trimmed.slice(DATA_MINING_VOCABULARY.length) : trimmed;
  return (DATA_MINING_VALUES as readonly string[]).includes(term) ? (term as DataMiningValue) : null;
}

/** Whether the term reserves the photo against AI training of some kind (every PROHIBITED term does). */
export const reservesAgainstTraining = (value: DataMiningValue | null): boolean => !!value && value.startsWith('DMI-PROHIBITED');

/** The interface message that says what a term means ("no generative-AI training"). */
export const dataMiningMessageKey = (value: DataMiningValue): string => `data_mining_${value.toLowerCase().replace(/-/g, '_')}`;
