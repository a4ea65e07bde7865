/**
 * Writes a rights reservation into a JPEG, in the form the IPTC Photo Metadata Standard 2023.1 gives it: XMP
 * `plus:DataMining` with a term of the PLUS vocabulary, and, if the person wishes, their name as `dc:creator` and a
 * copyright line as `dc:rights`. Lossless: only the XMP segment (APP1) is written or rewritten; every other segment
 * and the image data are copied byte for byte. An XMP packet the photo already has is merged into, never
 * duplicated; one that cannot be read safely is left alone and the photo is not changed.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { DATA_MINING_VOCABULARY, PLUS_NAMESPACE, type DataMiningValue } from './data-mining';

export interface Reservation {
  dataMining: DataMiningValue;
  /** The person's name, written as the photo's creator. */
  creator?: string;
  /** A copyright line, written as the photo's rights statement. */
  copyright?: string;
}

export type ReserveResult =
  | { ok: true; bytes: Uint8Array; added: number }
  | { ok: false; reason: 'not-jpeg' | 'not-png' | 'not-webp' | 'malformed' | 'unreadable-xmp' | 'too-large' };

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DC = 'http://purl.org/dc/elements/1.1/';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';
/** The identifier of a standard XMP segment in a JPEG's APP1 (XMP specification part 3, 1.1.3). */
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
/** A JPEG segment holds at most 65,535 bytes after its marker, its length field included. */
const MAX_SEGMENT_DATA = 65_533;
/** Far more than any real packet's text; a larger one is not parsed (extended XMP lives in other segments). */
const MAX_PACKET = 65_502;

const encoder = new TextEncoder();
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, Math.min(bytes.byteLength, at + length)));

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/** The segments before the image data, or null when the structure is broken. */
function segmentsOf(bytes: Uint8Array): { segments: Segment[]; imageStart: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const segments: Segment[] = [];
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return { segments, imageStart: at };
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.byteLength) return null;
    segments.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return null;
}

const isXmp = (bytes: Uint8Array, segment: Segment) => segment.marker === 0xe1 && ascii(bytes, segment.start + 4, XMP_HEADER.length) === XMP_HEADER;

/** A new, empty XMP document with one rdf:Description to write into. */
function emptyXmp(): XmlDocument {
  const text = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="${RDF}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`;
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as XmlDocument;
}

/** Parses an existing packet, refusing anything that is not plain RDF/XML: errors, a document type (XMP allows none),
 *  or no rdf:RDF to write into. */
function parseXmp(packet: string): XmlDocument | null {
  if (packet.length > MAX_PACKET || /<!DOCTYPE|<!ENTITY/i.test(packet)) return null;
  let failed = false;
  let document: XmlDocument;
  try {
    document = new DOMParser({ onError: () => (failed = true) }).parseFromString(packet, 'text/xml') as unknown as XmlDocument;
  } catch {
    return null; // xmldom throws on fatal errors (a prefix with no namespace, say)
  }
  if (failed || !document?.documentElement) return null;
  return document.getElementsByTagNameNS(RDF, 'RDF').length === 1 ? document : null;
}

const elementsOf = (parent: XmlElement, namespace: string, name: string): XmlElement[] => {
  const found: XmlElement[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as XmlElement).namespaceURI === namespace && (child as XmlElement).localName === name) found.push(child as XmlElement);
  }
  return found;
};

/** Removes a property from every rdf:Description, written as an attribute or as an element, so it is set once. */
function removeProperty(descriptions: XmlElement[], namespace: string, name: string): void {
  for (const description of descriptions) {
    if (description.hasAttributeNS(namespace, name)) description.removeAttributeNS(namespace, name);
    for (const element of elementsOf(description, namespace, name)) description.removeChild(element);
  }
}

/** `<dc:creator><rdf:Seq><rdf:li>…` or `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">…`, as XMP writes them. */
function appendList(document: XmlDocument, description: XmlElement, name: 'creator' | 'rights', value: string): void {
  const property = document.createElementNS(DC, `dc:${name}`);
  const list = document.createElementNS(RDF, name === 'creator' ? 'rdf:Seq' : 'rdf:Alt');
  const item = document.createElementNS(RDF, 'rdf:li');
  if (name === 'rights') item.setAttributeNS(XML, 'xml:lang', 'x-default');
  item.appendChild(document.createTextNode(value));
  list.appendChild(item);
  property.appendChild(list);
  description.appendChild(property);
}

function writeInto(document: XmlDocument, reservation: Reservation): string {
  const rdf = document.getElementsByTagNameNS(RDF, 'RDF')[0] as XmlElement;
  let descriptions = elementsOf(rdf, RDF, 'Description');
  if (descriptions.length === 0) {
    const created = document.createElementNS(RDF, 'rdf:Description');
    created.setAttributeNS(RDF, 'rdf:about', '');
    rdf.appendChild(created);
    descriptions = [created];
  }
  const [target] = descriptions as [XmlElement];
  removeProperty(descriptions, PLUS_NAMESPACE, 'DataMining');
  target.setAttributeNS(XMLNS, 'xmlns:plus', PLUS_NAMESPACE);
  target.setAttributeNS(PLUS_NAMESPACE, 'plus:DataMining', `${DATA_MINING_VOCABULARY}${reservation.dataMining}`);
  const creator = reservation.creator?.trim();
  const copyright = reservation.copyright?.trim();
  if (creator || copyright) target.setAttributeNS(XMLNS, 'xmlns:dc', DC);
  if (creator) {
    removeProperty(descriptions, DC, 'creator');
    appendList(document, target, 'creator', creator);
  }
  if (copyright) {
    removeProperty(descriptions, DC, 'rights');
    appendList(document, target, 'rights', copyright);
  }
  const xml = new XMLSerializer().serializeToString(document.documentElement as never);
  // The packet wrapper lets tools that scan for XMP find it and edit it in place (XMP specification part 1, 7.3).
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>${xml}<?xpacket end="w"?>`;
}

/** Where a new XMP segment goes: after the JFIF and Exif segments that readers expect first. */
function insertionPoint(bytes: Uint8Array, segments: Segment[]): number {
  let at = 2;
  for (const segment of segments) {
    if (segment.marker === 0xe0 || (segment.marker === 0xe1 && ascii(bytes, segment.start + 4, 6) === 'Exif\0\0')) at = segment.end;
    else break;
  }
  return at;
}

/**
 * The XMP packet to write: the photo's own packet (or a new one) with the reservation merged in; null when the
 * existing packet cannot be read safely, in which case the photo must be left as it is.
 */
export function reservedPacket(existing: string | null, reservation: Reservation): string | null {
  const document = existing === null ? emptyXmp() : parseXmp(existing.replace(/\0+$/, ''));
  return document ? writeInto(document, reservation) : null;
}

export function reserveJpeg(bytes: Uint8Array, reservation: Reservation): ReserveResult {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return { ok: false, reason: 'not-jpeg' };
  const structure = segmentsOf(bytes);
  if (!structure) return { ok: false, reason: 'malformed' };
  const existing = structure.segments.find((segment) => isXmp(bytes, segment));
  const packet = reservedPacket(
    existing ? new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(existing.start + 4 + XMP_HEADER.length, existing.end)) : null,
    reservation,
  );
  if (packet === null) return { ok: false, reason: 'unreadable-xmp' };
  const payload = encoder.encode(XMP_HEADER + packet);
  if (payload.byteLength > MAX_SEGMENT_DATA) return { ok: false, reason: 'too-large' };
  const length = payload.byteLength + 2;
  const segment = new Uint8Array(4 + payload.byteLength);
  segment.set([0xff, 0xe1, length >> 8, length & 0xff]);
  segment.set(payload, 4);
  const [cutStart, cutEnd] = existing ? [existing.start, existing.end] : [insertionPoint(bytes, structure.segments), insertionPoint(bytes, structure.segments)];
  const out = new Uint8Array(bytes.byteLength - (cutEnd - cutStart) + segment.byteLength);
  out.set(bytes.subarray(0, cutStart), 0);
  out.set(segment, cutStart);
  out.set(bytes.subarray(cutEnd), cutStart + segment.byteLength);
  return { ok: true, bytes: out, added: out.byteLength - bytes.byteLength };
}
