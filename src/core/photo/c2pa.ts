/**
 * Reads the training-and-data-mining assertion of a photo's C2PA manifest: whether its author allows AI training,
 * generative-AI training, inference and data mining. Reading is all Afterlife does; it cannot check the signature
 * (that would need the C2PA trust lists and a certificate stack far larger than the rest of the extension), so
 * what it reports is "the photo's provenance data says", never "it is verified".
 *
 * Sources (checked 2026-11-30): the Creator Assertions Working Group's "Training and Data Mining Assertion" 1.1
 * (label `cawg.training-mining`, entries `cawg.ai_generative_training`, `cawg.ai_training`, `cawg.ai_inference`,
 * `cawg.data_mining`, each `use`: `allowed`, `notAllowed` or `constrained`, the last to be treated as `notAllowed`
 * without more information) https://github.com/decentralized-identity/cawg-training-and-data-mining-assertion ; its
 * C2PA 1.x predecessor used the `c2pa.` prefix for the same structure. Where the manifest store sits: C2PA technical
 * specification 2.x, "Embedding manifests into assets" — JPEG APP11 segments (JPEG XT box format), the PNG `caBX`
 * chunk, the WebP `C2PA` chunk; boxes as in JUMBF (ISO/IEC 19566-5).
 */
import { decode } from 'cborg';
import type { ImageFormat } from './sniff';

export const TRAINING_MINING_USES = ['allowed', 'notAllowed', 'constrained'] as const;
export type TrainingMiningUse = (typeof TRAINING_MINING_USES)[number];
/** The four uses the assertion defines, without their `cawg.` or `c2pa.` prefix. */
export const TRAINING_MINING_KINDS = ['ai_generative_training', 'ai_training', 'ai_inference', 'data_mining'] as const;
export type TrainingMiningKind = (typeof TRAINING_MINING_KINDS)[number];

export interface TrainingMining {
  /** Which assertion said it: the CAWG one, or the older C2PA 1.x one. */
  label: 'cawg.training-mining' | 'c2pa.training-mining';
  /** What the author says for each of the defined uses they mention; others are left out. */
  uses: Partial<Record<TrainingMiningKind, TrainingMiningUse>>;
}

/** What the photo's C2PA data says about training: `none` when it has no manifest (or none with the assertion),
 *  `unreadable` when a manifest is there but could not be read (cut off, malformed). */
export type TrainingMiningResult = { found: TrainingMining } | { none: true } | { unreadable: true };

/** Far more than any training-mining assertion needs; a larger one is not decoded. */
const MAX_ASSERTION_BYTES = 16 * 1024;
/** Boxes nest a few levels deep (store → manifest → assertion store → assertion); deeper is not a manifest. */
const MAX_DEPTH = 8;

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const u32 = (bytes: Uint8Array, at: number) => (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
const u16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

interface Box {
  type: string;
  /** Where the box's content starts and ends in the buffer. */
  start: number;
  end: number;
}

/** The boxes directly inside [from, to); null when one claims to reach past the end (a cut-off or broken store). */
function boxesIn(bytes: Uint8Array, from: number, to: number): Box[] | null {
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let length = u32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    let header = 8;
    if (length === 1) {
      // A 64-bit length: only its low 32 bits can be real in a photo this size.
      if (at + 16 > to || u32(bytes, at + 8) !== 0) return null;
      length = u32(bytes, at + 12);
      header = 16;
    } else if (length === 0) {
      length = to - at; // "to the end"
    }
    if (length < header || at + length > to) return null;
    boxes.push({ type, start: at + header, end: at + length });
    at += length;
  }
  return boxes;
}

/** A superbox's label, from its description box (`jumd`): a 16-byte type, a toggles byte, then the label if the
 *  toggles say one is there. */
function labelOf(bytes: Uint8Array, superbox: Box, children: Box[]): string | null {
  const description = children[0];
  if (!description || description.type !== 'jumd' || description.end - description.start < 17) return null;
  const toggles = bytes[description.start + 16] ?? 0;
  if ((toggles & 0x02) === 0) return null;
  const labelStart = description.start + 17;
  let labelEnd = labelStart;
  while (labelEnd < description.end && bytes[labelEnd] !== 0) labelEnd++;
  if (labelEnd >= description.end || labelEnd > superbox.end) return null;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(labelStart, labelEnd));
}

interface Superbox {
  label: string | null;
  children: Box[];
}

function superboxOf(bytes: Uint8Array, box: Box): Superbox | null {
  if (box.type !== 'jumb') return null;
  const children = boxesIn(bytes, box.start, box.end);
  return children ? { label: labelOf(bytes, box, children), children } : null;
}

/** The uses the assertion's CBOR names, from its `entries` map (CAWG 1.1; a CAWG 1.0 writer may have put the entries
 *  at the top level, which the 1.1 text says it omitted by mistake). */
function usesOf(payload: Uint8Array, label: TrainingMining['label']): TrainingMining['uses'] | null {
  if (payload.byteLength > MAX_ASSERTION_BYTES) return null;
  let decoded: unknown;
  try {
    // Maps, not objects: a key such as "__proto__" stays a key. No tags: the assertion defines none.
    decoded = decode(payload, { useMaps: true, rejectDuplicateMapKeys: true, tags: [] });
  } catch {
    return null;
  }
  if (!(decoded instanceof Map)) return null;
  const entries = decoded.get('entries') instanceof Map ? (decoded.get('entries') as Map<unknown, unknown>) : decoded;
  const prefix = label.startsWith('cawg') ? 'cawg.' : 'c2pa.';
  const uses: TrainingMining['uses'] = {};
  for (const kind of TRAINING_MINING_KINDS) {
    const entry = entries.get(`${prefix}${kind}`);
    const use = entry instanceof Map ? entry.get('use') : undefined;
    if ((TRAINING_MINING_USES as readonly unknown[]).includes(use)) uses[kind] = use as TrainingMiningUse;
  }
  return uses;
}

const isTrainingMining = (label: string | null): label is TrainingMining['label'] =>
  // An assertion that occurs more than once gets a `__n` suffix (C2PA, "Labels").
  !!label && /^(?:cawg|c2pa)\.training-mining(?:__\d+)?$/.test(label);

/** Reads a JUMBF manifest store: the active manifest is the last one in it (C2PA, "Manifest store"). */
export function trainingMiningInStore(bytes: Uint8Array): TrainingMiningResult {
  const [storeBox] = boxesIn(bytes, 0, bytes.byteLength) ?? [];
  const store = storeBox && superboxOf(bytes, storeBox);
  if (!store || store.label !== 'c2pa') return { unreadable: true };
  const manifests = store.children.slice(1).filter((box) => box.type === 'jumb');
  const active = manifests.at(-1);
  const manifest = active && superboxOf(bytes, active);
  if (!manifest) return { unreadable: true };
  for (const box of manifest.children.slice(1)) {
    const assertions = superboxOf(bytes, box);
    if (assertions?.label !== 'c2pa.assertions') continue;
    for (const assertionBox of assertions.children.slice(1)) {
      const assertion = superboxOf(bytes, assertionBox);
      if (!assertion || !isTrainingMining(assertion.label)) continue;
      const label = assertion.label.replace(/__\d+$/, '') as TrainingMining['label'];
      const content = assertion.children.find((child) => child.type === 'cbor');
      const uses = content ? usesOf(bytes.subarray(content.start, content.end), label) : null;
      return uses ? { found: { label, uses } } : { unreadable: true };
    }
    return { none: true };
  }
  return { unreadable: true };
}

/** The manifest store a JPEG carries in APP11 segments: each starts `JP`, a box instance number and a sequence
 *  number; the first holds the store's box header, the others repeat it before their part of the content. */
function storeInJpeg(bytes: Uint8Array): Uint8Array | 'none' | 'cut' {
  const parts: Uint8Array[] = [];
  let instance: number | null = null;
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return parts.length > 0 ? 'cut' : 'none';
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = u16(bytes, at + 2);
    const end = at + 2 + length;
    if (end > bytes.byteLength) return parts.length > 0 || marker === 0xeb ? 'cut' : 'none';
    if (marker === 0xeb && length >= 16 && ascii(bytes, at + 4, 2) === 'JP') {
      const box = u16(bytes, at + 6);
      const sequence = u32(bytes, at + 8);
      const content = bytes.subarray(at + 12, end);
      // Only the first store (its box instance number); other APP11 boxes are not C2PA's.
      if (instance === null && sequence === 1 && ascii(content, 4, 4) === 'jumb') instance = box;
      if (box === instance) {
        const header = u32(content, 0) === 1 ? 16 : 8;
        parts.push(sequence === 1 ? content : content.subarray(header));
      }
    }
    at = end;
  }
  if (parts.length === 0) return 'none';
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

/** The content of a PNG chunk or RIFF (WebP) chunk of the given type. */
function pngChunk(bytes: Uint8Array, type: string): Uint8Array | 'none' | 'cut' {
  let at = 8;
  while (at + 8 <= bytes.byteLength) {
    const length = u32(bytes, at);
    const chunk = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.byteLength) return 'cut';
    if (chunk === type) return bytes.subarray(at + 8, at + 8 + length);
    if (chunk === 'IEND') return 'none';
    at += 12 + length;
  }
  return 'cut';
}

function riffChunk(bytes: Uint8Array, type: string): Uint8Array | 'none' | 'cut' {
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const length = ((bytes[at + 4] ?? 0) | ((bytes[at + 5] ?? 0) << 8) | ((bytes[at + 6] ?? 0) << 16) | ((bytes[at + 7] ?? 0) << 24)) >>> 0;
    if (at + 8 + length > bytes.byteLength) return 'cut';
    if (ascii(bytes, at, 4) === type) return bytes.subarray(at + 8, at + 8 + length);
    at += 8 + length + (length % 2);
  }
  return at === bytes.byteLength ? 'none' : 'cut';
}

/**
 * What a photo's embedded C2PA manifest says about AI training and data mining. A file cut short before its image
 * data (the first bytes of a large JPEG) is read as far as it goes: a manifest that starts but does not end there is
 * `unreadable`, one not started by the image data is `none`.
 */
export function readTrainingMining(bytes: Uint8Array, format: ImageFormat | null): TrainingMiningResult {
  const store = format === 'jpeg' ? storeInJpeg(bytes) : format === 'png' ? pngChunk(bytes, 'caBX') : format === 'webp' ? riffChunk(bytes, 'C2PA') : 'none';
  if (store === 'none') return { none: true };
  // A PNG or WebP arrives whole when it is small, and as its first bytes otherwise: a cut-off chunk list says nothing.
  if (store === 'cut') return format === 'jpeg' ? { unreadable: true } : { none: true };
  return trainingMiningInStore(store);
}
