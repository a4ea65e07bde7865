import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectRules } from './project-rules';
import { RULES_DIR } from './rules-files';
import { addSite } from './rules-new-site';
import { rulesReport } from './rules-report';

describe('npm run rules:report', () => {
  const { data, rules } = loadProjectRules();

  it('prints one Markdown row per site: facts, primary share, oldest review, datasets, level and what makes it', () => {
    const report = rulesReport(data, rules).split('\n');
    expect(report[2]).toBe('| site | facts | primary | oldest review | datasets | level | made by |');
    expect(report.filter((line) => line.startsWith('| ') && line.includes('(`'))).toHaveLength(data.sites.length);
    const flickr = report.find((line) => line.includes('(`flickr`)')) ?? '';
    expect(flickr).toMatch(/^\| Flickr \(`flickr`\) \| \d+ \| \d+\/\d+ \| \d{4}-\d{2}-\d{2} \| \d+ \| very-high \| public-web \+\d.*site-datasets \+\d/);
  });

  it("counts an operator's facts in a site's oldest review, as it does in its facts", () => {
    const wordpress = rulesReport(data, rules).split('\n').find((line) => line.includes('(`wordpress-com`)')) ?? '';
    expect(wordpress).toMatch(/\| \d{4}-\d{2}-\d{2} \|/);
  });

  it('levels for a region when asked', () => {
    const us = rulesReport(data, rules, 'US').split('\n').find((line) => line.includes('(`tiktok`)')) ?? '';
    expect(us).toContain('| very-high |');
  });
});

describe('npm run rules:new-site', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'afterlife-new-site-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    return dir;
  };
  const input = {
    id: 'example-photos',
    name: 'Example Photos',
    domain: 'example-photos.org',
    category: 'photo-sharing',
    uploadPage: 'https://example-photos.org/upload',
    topic: 'default-visibility',
    value: 'public',
    summary: 'New uploads on Example Photos are public unless you choose otherwise.',
    source: 'https://example-photos.org/help/privacy',
  };

  it('writes a site that passes the checks, with its first fact and the level the model gives it now', () => {
    const dir = copy();
    const written = addSite(input, dir, '2026-11-30');
    expect(written[0]).toBe('rules/sites/example-photos.json');
    const site = JSON.parse(readFileSync(join(dir, 'sites/example-photos.json'), 'utf8'));
    expect(site).toMatchObject({ id: 'example-photos', domains: ['example-photos.org'], terms: [{ topic: 'default-visibility', reviewed: '2026-11-30' }] });
    const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Array<{ site: string; level: string }>;
    expect(expectations.find((entry) => entry.site === 'example-photos')).toEqual({ site: 'example-photos', level: 'medium', factors: ['public-web'] });
    expect(expectations.map((entry) => entry.site)).toEqual([...expectations.map((entry) => entry.site)].sort((a, b) => a.localeCompare(b)));
    expect(() => loadProjectRules(dir)).not.toThrow();
  });

  it('refuses an id or domain the rules already have, or a fact that would not pass, and writes nothing', () => {
    const dir = copy();
    const before = readFileSync(join(dir, 'expectations.json'), 'utf8');
    expect(() => addSite({ ...input, id: 'flickr' }, dir)).toThrow('rules/sites/flickr.json already exists');
    expect(() => addSite({ ...input, domain: 'flickr.com' }, dir)).toThrow(/would not pass rules:check/);
    expect(() => addSite({ ...input, source: 'http://example-photos.org/help' }, dir)).toThrow(/would not pass rules:check/);
    expect(readFileSync(join(dir, 'expectations.json'), 'utf8')).toBe(before);
  });
});
