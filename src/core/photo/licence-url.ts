/**
 * The licence id for a licence URL written into a photo (XMP `cc:license`, `xmpRights:WebStatement`), or null when
 * it is not a licence we know. Creative Commons licences before 4.0 grant the same permissions in every version
 * (1.0–3.0), so they map to the 2.0 entry of their family, which is what Flickr and most dataset builders used.
 */
const CC_CODES = new Set(['by', 'by-sa', 'by-nd', 'by-nc', 'by-nc-sa', 'by-nc-nd']);

export function licenceIdFromUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (!/^(?:www\.)?creativecommons\.org$/i.test(url.hostname)) return null;
  const parts = url.pathname.toLowerCase().split('/').filter(Boolean);
  if (parts[0] === 'licenses' && parts[1] && CC_CODES.has(parts[1]) && parts[2]) {
    const version = Number(parts[2]);
    if (!Number.isFinite(version)) return null;
    return `cc-${parts[1]}-${version >= 4 ? '4.0' : '2.0'}`;
  }
  if (parts[0] === 'publicdomain' && parts[1] === 'zero') return 'cc0-1.0';
  if (parts[0] === 'publicdomain' && parts[1] === 'mark') return 'pdm-1.0';
  return null;
}
