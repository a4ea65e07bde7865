import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The sourced list of ad networks' domains whose frames the content scripts skip, and the manifest that applies it. */
const list = JSON.parse(readFileSync(new URL('./ad-frame-hosts.json', import.meta.url), 'utf8')) as {
  hosts: Array<{ pattern: string; operator: string; source: string; reviewed: string; note: string }>;
};
const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  content_scripts: Array<{ matches: string[]; exclude_matches?: string[] }>;
};

describe('frames the content scripts skip (src/manifest/ad-frame-hosts.json)', () => {
  it('is what every content script in manifest.json excludes, no more and no less', () => {
    const patterns = list.hosts.map((host) => host.pattern);
    manifest.content_scripts.forEach((script, index) => {
      expect(script.exclude_matches, `manifest.json content_scripts[${index}].exclude_matches`).toEqual(patterns);
    });
  });

  it('names whole domains of an operator, each with its own source and a review date', () => {
    const today = new Date().toISOString().slice(0, 10);
    list.hosts.forEach((host, index) => {
      const where = `src/manifest/ad-frame-hosts.json hosts[${index}]`;
      // "*://*.domain/*" covers the domain and every host under it, over http and https, and nothing else.
      expect(host.pattern, `${where}.pattern`).toMatch(/^\*:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      expect(new URL(host.source).protocol, `${where}.source`).toBe('https:');
      expect(host.reviewed, `${where}.reviewed`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(host.reviewed <= today, `${where}.reviewed is in the future`).toBe(true);
      expect(host.operator.length > 0 && host.note.length > 0, `${where}: operator and note`).toBe(true);
    });
    expect(new Set(list.hosts.map((host) => host.pattern)).size).toBe(list.hosts.length);
  });
});
