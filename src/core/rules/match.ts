import { parse } from 'tldts';
import type { SiteRule } from './types';

/** The part of a URL that decides which site it belongs to. */
export interface SiteKey {
  /** Host name in lower case, without a trailing dot (`upload.flickr.com`). */
  host: string;
  /** Registrable domain by the Public Suffix List, private suffixes included (`flickr.com`, `alice.github.io`);
   *  the host itself for IP addresses and single-label hosts. */
  domain: string;
}

const WEB_PAGE = /^https?:\/\//i;
const PARSE_OPTIONS = { allowPrivateDomains: true, validateHostname: true } as const;

/** Parses with tldts alone — one pass over the URL, no URL object — because the matcher runs on every upload and
 *  the bench holds it to a million lookups a second. */
export function siteKeyOf(url: string): SiteKey | null {
  if (!WEB_PAGE.test(url)) return null;
  const parsed = parse(url, PARSE_OPTIONS);
  const host = parsed.hostname?.replace(/\.$/, '');
  if (!host) return null;
  return { host, domain: (parsed.isIp ? null : parsed.domain) ?? host };
}

export type SiteMatcher = (url: string) => SiteRule | null;

/**
 * The host of an http(s) URL, lower case and without a trailing dot, read in one pass without a URL object: the
 * authority ends at the first `/`, `?`, `#` or `\` (as browsers parse http URLs), user info ends at its last `@`,
 * and a port follows the last `:` outside IPv6 brackets. Null for anything that is not an http(s) URL.
 */
export function hostOf(url: string): string | null {
  if (!WEB_PAGE.test(url)) return null;
  const start = url.indexOf('//') + 2;
  let end = start;
  while (end < url.length) {
    const char = url.charCodeAt(end);
    if (char === 47 || char === 63 || char === 35 || char === 92) break; // / ? # \
    end++;
  }
  let authority = url.slice(url.lastIndexOf('@', end - 1) >= start ? url.lastIndexOf('@', end - 1) + 1 : start, end);
  if (authority.startsWith('[')) authority = authority.slice(0, authority.indexOf(']') + 1);
  else if (authority.includes(':')) authority = authority.slice(0, authority.indexOf(':'));
  const host = authority.toLowerCase().replace(/\.$/, '');
  return host || null;
}

/**
 * Compiles the sites into a lookup keyed by domain. A rule's domain covers itself and its subdomains, so a lookup
 * walks from the host through its parent domains. Walking past the registrable domain is safe because no rule may
 * name a public suffix (the validator refuses `com`, `co.uk`, `github.io`…): `flickr.com.evil.test` can only ever
 * meet `evil.test`. The cost depends on the number of labels in the host, not on the number of sites, and no
 * Public Suffix List lookup is needed on this hot path.
 */
export function compileMatcher(sites: readonly SiteRule[]): SiteMatcher {
  const byDomain = new Map<string, SiteRule>();
  for (const site of sites) {
    for (const domain of site.domains) byDomain.set(domain.toLowerCase(), site);
  }
  return (url) => {
    let candidate = hostOf(url);
    while (candidate) {
      const site = byDomain.get(candidate);
      if (site) return site;
      const dot = candidate.indexOf('.');
      if (dot < 0) return null;
      candidate = candidate.slice(dot + 1);
    }
    return null;
  };
}
