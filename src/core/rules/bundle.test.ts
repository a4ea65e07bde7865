import { describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../../scripts/rules/project-rules';
import { compareVersions, createBundle, readBundle } from './bundle';

const { data } = loadProjectRules();

describe('rules bundles', () => {
  it('round-trips the project rules through the same checks as rules:check', () => {
    const bundle = createBundle(data, new Date('2026-11-23T12:00:00Z'));
    const read = readBundle(JSON.stringify(bundle));
    expect(read.problems).toEqual([]);
    expect(read.data?.sites.length).toBe(data.sites.length);
    expect(read.data?.version).toBe(data.version);
    expect(read.data?.operators).toEqual(data.operators);
  });

  it('reads a bundle made before operators existed as one without operators', () => {
    const ownFacts = data.sites.filter((site) => !site.operator);
    const { operators: _operators, ...older } = createBundle({ ...data, sites: ownFacts }, new Date());
    const read = readBundle(JSON.stringify(older));
    expect(read.problems).toEqual([]);
    expect(read.data?.sites.length).toBe(ownFacts.length);
    expect(read.data?.operators).toEqual([]);
  });

  it('names what is wrong in a bundle', () => {
    const bundle = createBundle(data, new Date());
    const broken = { ...bundle, sites: [{ ...(bundle.sites[0] as object), domains: ['com'] }, ...bundle.sites.slice(1)] };
    const read = readBundle(JSON.stringify(broken), 'update');
    expect(read.data).toBeNull();
    expect(read.problems[0]?.file).toMatch(/^update:sites\//);
    expect(read.problems[0]?.field).toBe('domains[0]');
  });

  it('refuses other formats, bad versions and non-JSON', () => {
    const bundle = createBundle(data, new Date());
    expect(readBundle(JSON.stringify({ ...bundle, format: 2 })).problems[0]?.field).toBe('format');
    expect(readBundle(JSON.stringify({ ...bundle, version: 0 })).problems[0]?.field).toBe('version');
    expect(readBundle(JSON.stringify({ ...bundle, minExtensionVersion: 'soon' })).problems[0]?.field).toBe('minExtensionVersion');
    expect(readBundle('{"format":').problems[0]?.message).toMatch(/^is not valid JSON/);
  });
});

describe('compareVersions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2', '1.2.1')).toBe(-1);
  });
});
