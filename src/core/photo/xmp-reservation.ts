/**
 * The XMP side of a rights reservation, shared by the JPEG, PNG and WebP writers: the IPTC Photo Metadata Standard
 * 2023.1 `plus:DataMining` term and, if the person wishes, their name as `dc:creator` and a copyright line as
 * `dc:rights`, merged into the photo's own packet. A packet that cannot be read safely is refused, never repaired.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { DATA_MINING_VOCABULARY, PLUS_NAMESPACE, type DataMiningValue } from './data-mining';

export type { XmlDocument };

export interface Reservation {
  dataMining: DataMiningValue;
  /** The person's name, written as the photo's creator. */
  creator?: string;
  /** A copyright line, written as the photo's rights statement. */
  copyright?: string;
}

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DC = 'http://purl.org/dc/elements/1.1/';
export const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';
/** Far more than any real packet's text; a larger one is not parsed (extended XMP lives in other segments). */
const MAX_PACKET = 65_502;

/** A new, empty XMP document with one rdf:Description to write into. */
export function emptyXmp(): XmlDocument {
  const text = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="${RDF}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`;
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as XmlDocument;
}

/** Parses an existing packet, refusing anything that is not plain RDF/XML: errors, a document type (XMP allows none),
 *  or no rdf:RDF to write into. */
export function parseXmp(packet: string): XmlDocument | null {
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

/** Writes the reservation into the document: set once, replacing any earlier value of the same properties. */
export function applyReservation(document: XmlDocument, reservation: Reservation): void {
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
}

export const serializeXmp = (document: XmlDocument): string => new XMLSerializer().serializeToString(document.documentElement as never);

/** The packet wrapper lets tools that scan for XMP find it and edit it in place (XMP specification part 1, 7.3). */
export const wrapPacket = (xml: string): string => `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>${xml}<?xpacket end="w"?>`;


/** The rdf:Description elements of a document, in order. */
export function descriptionsOf(document: XmlDocument): XmlElement[] {
  const rdf = document.getElementsByTagNameNS(RDF, 'RDF')[0] as XmlElement | undefined;
  return rdf ? elementsOf(rdf, RDF, 'Description') : [];
}

/** Takes the reservation's own properties out of a document (for the part of a split packet that must not repeat
 *  them), and any property given. */
export function removeReservation(document: XmlDocument, reservation: Reservation, also: Array<[string, string]> = []): void {
  const descriptions = descriptionsOf(document);
  removeProperty(descriptions, PLUS_NAMESPACE, 'DataMining');
  if (reservation.creator?.trim()) removeProperty(descriptions, DC, 'creator');
  if (reservation.copyright?.trim()) removeProperty(descriptions, DC, 'rights');
  for (const [namespace, name] of also) removeProperty(descriptions, namespace, name);
}

/**
 * The XMP packet to write: the photo's own packet (or a new one) with the reservation merged in; null when the
 * existing packet cannot be read safely, in which case the photo must be left as it is.
 */
export function reservedPacket(existing: string | null, reservation: Reservation): string | null {
  const document = existing === null ? emptyXmp() : parseXmp(existing.replace(/\0+$/, ''));
  if (!document) return null;
  applyReservation(document, reservation);
  return wrapPacket(serializeXmp(document));
}

