import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../../scripts/rules/rules-files';
import { formatProblem, validateRules, type RuleFiles } from './validate';

const REVIEWED = '2026-11-23';
const flickr = {
  id: 'flickr',
  name: 'Flickr',
  category: 'photo-sharing',
  domains: ['flickr.com'],
  uploadPages: ['https://www.flickr.com/photos/upload/'],
  terms: [
    { topic: 'default-visibility', value: 'public', summary: 'Public by default.', source: 'https://www.flickr.com/help/privacy', reviewed: REVIEWED },
    { topic: 'content-licence', value: 'all-rights-reserved', summary: 'All rights reserved.', source: 'https://www.flickrhelp.com/x', reviewed: REVIEWED },
  ],
  optOuts: [],
  datasets: ['yfcc100m'],
};
const yfcc = {
  id: 'yfcc100m',
  name: 'YFCC100M',
  year: 2014,
  creator: 'Yahoo Labs',
  collectedFrom: 'Flickr',
  size: '99.2 million photos',
  licenceBasis: 'Creative Commons',
  status: 'active',
  summary: 'A hundred million Flickr photos.',
  sources: [{ url: 'https://arxiv.org/abs/1503.01817', title: 'Thomee et al.' }],
  reviewed: REVIEWED,
};
const arr = {
  id: 'all-rights-reserved',
  name: 'All rights reserved',
  url: 'https://www.flickrhelp.com/x',
  commercial: false,
  derivatives: false,
  attribution: false,
  shareAlike: false,
  openLicence: false,
  datasetUse: 'Skipped by licence filters.',
  sources: [{ url: 'https://www.flickrhelp.com/x', title: 'Flickr Help' }],
  reviewed: REVIEWED,
};

type Json = Record<string, unknown>;
function folder(change: { sites?: Json[]; operators?: Json[]; datasets?: Json[]; licences?: unknown; expectations?: unknown; siteText?: string } = {}): RuleFiles {
  const sites = change.sites ?? [flickr];
  return {
    meta: { path: 'rules/meta.json', text: JSON.stringify({ version: 3, reviewed: REVIEWED, minExtensionVersion: '0.1.0' }) },
    sites: sites.map((site, index) => ({
      path: `rules/sites/${String(site.id)}.json`,
      text: index === 0 && change.siteText !== undefined ? change.siteText : JSON.stringify(site),
    })),
    operators: (change.operators ?? []).map((operator) => ({ path: `rules/operators/${String(operator.id)}.json`, text: JSON.stringify(operator) })),
    datasets: (change.datasets ?? [yfcc]).map((dataset) => ({ path: `rules/datasets/${String(dataset.id)}.json`, text: JSON.stringify(dataset) })),
    licences: { path: 'rules/licences.json', text: JSON.stringify(change.licences ?? [arr]) },
    expectations: {
      path: 'rules/expectations.json',
      text: JSON.stringify(change.expectations ?? sites.map((site) => ({ site: site.id, level: 'high' }))),
    },
  };
}
const messages = (files: RuleFiles) => validateRules(files).problems.map(formatProblem);
const withTerm = (term: Json) => ({ ...flickr, terms: [flickr.terms[0], { ...flickr.terms[1], ...term }] });

describe('validateRules', () => {
  it('accepts a well-formed folder and returns the data', () => {
    const result = validateRules(folder());
    expect(result.problems).toEqual([]);
    expect(result.data?.version).toBe('3');
    expect(result.data?.sites.map((site) => site.id)).toEqual(['flickr']);
  });

  it('accepts the project rules folder', () => {
    const result = validateRules(readRuleFiles());
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.data?.sites.length).toBeGreaterThanOrEqual(55);
    expect(result.data?.datasets.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every category at least one site, and every site at least one fact about its terms', () => {
    const { data } = validateRules(readRuleFiles());
    const categories = new Set(data?.sites.map((site) => site.category));
    expect([...categories].sort()).toEqual(['art', 'cloud-storage', 'dating', 'forum', 'image-host', 'messaging', 'photo-sharing', 'professional', 'social', 'stock']);
  });

  it('names the field of a region that is not on the closed list', () => {
    expect(messages(folder({ sites: [withTerm({ where: ['EU/EEA'] })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].where[0]: must be a region code: eu-eea, uk, ch, us, us-il, us-tx, us-wa, us-ca, ca, au, hk, br, kr, in, jp',
    ]);
    expect(messages(folder({ sites: [withTerm({ where: ['eu-eea'], outside: ['eu-eea'] })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].outside: names eu-eea, which "where" also names',
    ]);
  });

  it('checks operators: the name a site gives, and the services an operator fact names', () => {
    const acme = { id: 'acme', name: 'Acme', terms: [{ ...flickr.terms[0], services: ['flickr', 'flickrr'] }], optOuts: [] };
    expect(messages(folder({ sites: [{ ...flickr, operator: 'acme' }] }))).toEqual(['rules/sites/flickr.json: operator: "acme" is not an operator in rules/operators/']);
    expect(messages(folder({ sites: [{ ...flickr, operator: 'acme' }], operators: [acme] }))).toEqual([
      'rules/operators/acme.json: terms[0].services[1]: "flickrr" is not a site in rules/sites/ whose operator is "acme"',
    ]);
    expect(messages(folder({ sites: [withTerm({ services: ['flickr'] })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].services: belongs on an operator\'s facts only (a site\'s own facts are for that site)',
    ]);
  });

  it('requires a fact about the terms, the site\'s own or its operator\'s', () => {
    expect(messages(folder({ sites: [{ ...flickr, terms: [] }] }))).toEqual(['rules/sites/flickr.json: terms: must give at least one fact about the terms, or name an operator that does']);
    const acme = { id: 'acme', name: 'Acme', terms: [flickr.terms[0]], optOuts: [] };
    expect(messages(folder({ sites: [{ ...flickr, terms: [], operator: 'acme' }], operators: [acme] }))).toEqual([]);
  });

  it('accepts a deleted dataset with the date of its deletion', () => {
    expect(messages(folder({ datasets: [{ ...yfcc, status: 'deleted', statusDate: '2026-04-07' }] }))).toEqual([]);
    expect(messages(folder({ datasets: [{ ...yfcc, status: 'gone' }] }))).toEqual([
      'rules/datasets/yfcc100m.json: status: must be one of active, withdrawn-circulating, restricted, withdrawn, deleted',
    ]);
  });

  it('names the file, field and reason of a bad source', () => {
    expect(messages(folder({ sites: [withTerm({ source: 'http://example.org/terms' })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].source: must be an https URL',
    ]);
  });

  it('requires a source and a review date on every fact', () => {
    const { source: _source, reviewed: _reviewed, ...bare } = flickr.terms[1] as Json;
    expect(messages(folder({ sites: [{ ...flickr, terms: [flickr.terms[0], bare] }] }))).toEqual([
      'rules/sites/flickr.json: terms[1].source: is required',
      'rules/sites/flickr.json: terms[1].reviewed: is required',
    ]);
    expect(messages(folder({ sites: [withTerm({ reviewed: '2026-02-30' })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].reviewed: must be a real calendar date',
    ]);
  });

  it('rejects unknown fields', () => {
    expect(messages(folder({ sites: [{ ...flickr, sumary: 'typo' }] }))).toEqual([
      'rules/sites/flickr.json: sumary: is not a known field (check the spelling against rules/README.md)',
    ]);
  });

  it('rejects a value the topic does not allow', () => {
    expect(messages(folder({ sites: [withTerm({ topic: 'ai-training', value: 'maybe' })] }))).toEqual([
      'rules/sites/flickr.json: terms[1].value: is not a value this topic allows (see rules/README.md)',
    ]);
  });

  it('rejects duplicate ids, and ids that do not match the file name', () => {
    const files = folder({ sites: [flickr, flickr] });
    expect(messages(files)).toContain('rules/sites/flickr.json: id: "flickr" is already used by rules/sites/flickr.json');
    const renamed = folder();
    renamed.sites[0]!.path = 'rules/sites/flicker.json';
    expect(messages(renamed)).toContain('rules/sites/flicker.json: id: must match the file name ("flicker")');
  });

  it('rejects a domain claimed by two sites, and domains that are public suffixes', () => {
    const other = { ...flickr, id: 'copycat', name: 'Copycat', domains: ['flickr.com', 'github.io', 'co.uk'] };
    expect(messages(folder({ sites: [flickr, other] }))).toEqual([
      'rules/sites/copycat.json: domains[0]: "flickr.com" is already claimed by site "flickr"',
      'rules/sites/copycat.json: domains[1]: "github.io" is a public suffix shared by unrelated sites; name a domain under it',
      'rules/sites/copycat.json: domains[2]: "co.uk" is a public suffix shared by unrelated sites; name a domain under it',
    ]);
    expect(messages(folder({ sites: [{ ...flickr, domains: ['com', 'bücher.de', 'https://flickr.com/'] }] }))).toEqual(
      [0, 1, 2].map(
        (index) =>
          `rules/sites/flickr.json: domains[${index}]: must be a lowercase host name such as "flickr.com" (no scheme, path, port or wildcard; punycode for non-ASCII)`,
      ),
    );
  });

  it('rejects dangling references to datasets and licences', () => {
    expect(messages(folder({ sites: [{ ...withTerm({ value: 'cc-by-9.0' }), datasets: ['megaface'] }] }))).toEqual([
      'rules/sites/flickr.json: datasets[0]: "megaface" is not a dataset in rules/datasets/',
      'rules/sites/flickr.json: terms[1].value: "cc-by-9.0" is not a licence in rules/licences.json',
    ]);
  });

  it('requires an expected assessment for every site', () => {
    expect(messages(folder({ expectations: [] }))).toEqual(['rules/sites/flickr.json: has no expected assessment in rules/expectations.json']);
    expect(messages(folder({ expectations: [{ site: 'flickr', level: 'high' }, { site: 'nowhere', level: 'extreme' }] }))).toEqual([
      'rules/expectations.json: [1].level: must be one of low, medium, high, very-high',
    ]);
  });

  it('reports malformed JSON with the file and returns no data', () => {
    const result = validateRules(folder({ siteText: '{ "id": "flickr", ' }));
    expect(result.data).toBeNull();
    expect(result.problems.map(formatProblem)[0]).toMatch(/^rules\/sites\/flickr\.json: is not valid JSON \(/);
  });

  it('reports every problem at once, not just the first', () => {
    const bad = { ...flickr, category: 'bakery', domains: ['Flickr.com'], uploadPages: ['ftp://x'] };
    expect(messages(folder({ sites: [bad] }))).toHaveLength(3);
  });
});
