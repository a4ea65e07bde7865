import { describe, expect, it } from 'vitest';
import { compileMatcher, hostOf, siteKeyOf } from './match';
import type { SiteRule } from './types';

const site = (id: string, domains: string[]): SiteRule => ({
  id,
  name: id,
  category: 'photo-sharing',
  domains,
  uploadPages: [],
  terms: [],
  optOuts: [],
  datasets: [],
});

const match = compileMatcher([
  site('flickr', ['flickr.com']),
  site('okcupid', ['okcupid.com']),
  site('google-photos', ['photos.google.com']),
  site('someone-on-github', ['alice.github.io']),
]);
const idFor = (url: string) => match(url)?.id ?? null;

describe('compileMatcher', () => {
  it('matches a site on its domain and every subdomain', () => {
    expect(idFor('https://flickr.com/')).toBe('flickr');
    expect(idFor('https://www.flickr.com/photos/upload/')).toBe('flickr');
    expect(idFor('https://upload.flickr.com/')).toBe('flickr');
    expect(idFor('http://WWW.FLICKR.COM:8080/x')).toBe('flickr');
    expect(idFor('https://www.flickr.com./')).toBe('flickr');
  });

  it('does not match look-alike hosts', () => {
    expect(idFor('https://flickr.com.evil.test/')).toBeNull();
    expect(idFor('https://notflickr.com/')).toBeNull();
    expect(idFor('https://flickr.co/')).toBeNull();
    expect(idFor('https://evil.test/?u=https://www.flickr.com/')).toBeNull();
    expect(idFor('https://www.flickr.com@evil.test/')).toBeNull();
    expect(idFor('https://evil.test#www.flickr.com')).toBeNull();
    expect(idFor('https://user:pw@www.flickr.com/')).toBe('flickr');
  });

  it('matches a rule for a subdomain only under that subdomain', () => {
    expect(idFor('https://photos.google.com/')).toBe('google-photos');
    expect(idFor('https://www.google.com/')).toBeNull();
  });

  it('treats private public suffixes as boundaries', () => {
    expect(idFor('https://alice.github.io/')).toBe('someone-on-github');
    expect(idFor('https://bob.github.io/')).toBeNull();
  });

  it('ignores what is not a web page', () => {
    expect(idFor('chrome://extensions/')).toBeNull();
    expect(idFor('file:///home/me/flickr.com.html')).toBeNull();
    expect(idFor('not a url')).toBeNull();
  });
});

describe('siteKeyOf', () => {
  it('gives the registrable domain by the Public Suffix List', () => {
    expect(siteKeyOf('https://a.b.example.co.uk/')).toEqual({ host: 'a.b.example.co.uk', domain: 'example.co.uk' });
    expect(siteKeyOf('https://bob.github.io/')).toEqual({ host: 'bob.github.io', domain: 'bob.github.io' });
    expect(siteKeyOf('http://127.0.0.1:8080/')).toEqual({ host: '127.0.0.1', domain: '127.0.0.1' });
  });
});

describe('hostOf', () => {
  it.each([
    ['https://www.flickr.com/photos/upload/', 'www.flickr.com'],
    ['HTTP://WWW.Flickr.COM:8080/x', 'www.flickr.com'],
    ['https://user:pw@www.flickr.com/', 'www.flickr.com'],
    ['https://www.flickr.com@evil.test/', 'evil.test'],
    ['https://evil.test\\@www.flickr.com/', 'evil.test'],
    ['https://evil.test#www.flickr.com', 'evil.test'],
    ['https://evil.test?x=https://www.flickr.com/', 'evil.test'],
    ['https://www.flickr.com./', 'www.flickr.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['chrome://extensions', null],
    ['javascript:alert(1)', null],
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host));

  it('agrees with the URL parser on ordinary addresses', () => {
    for (const url of ['https://a.b.example.co.uk/p?q#f', 'http://127.0.0.1:5173/', 'https://xn--bcher-kva.example/']) {
      expect(hostOf(url)).toBe(new URL(url).hostname);
    }
  });
});
