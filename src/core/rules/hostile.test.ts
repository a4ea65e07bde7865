import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../../scripts/rules/rules-files';
import { formatProblem, validateRules, type RuleFiles } from './validate';

const RUNS = Math.min(Number(process.env.AFTERLIFE_FUZZ_RUNS) || 300, 5000);
const project = readRuleFiles();

/** The project folder with one site file's text replaced. */
function withSiteText(text: string): RuleFiles {
  return { ...project, sites: project.sites.map((file, index) => (index === 0 ? { ...file, text } : file)) };
}
const firstSite = JSON.parse(project.sites[0]!.text) as Record<string, unknown>;

describe('the rules validator on hostile data', () => {
  it('reports __proto__ and constructor keys as unknown fields, and pollutes nothing', () => {
    for (const key of ['__proto__', 'constructor']) {
      const text = JSON.stringify(firstSite).replace(/^\{/, `{"${key}":{"polluted":true,"prototype":{"polluted":true}},`);
      const result = validateRules(withSiteText(text));
      expect(result.data).toBeNull();
      expect(result.problems.map(formatProblem)).toContain(`${project.sites[0]!.path}: ${key}: is not a known field (check the spelling against rules/README.md)`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses huge strings with a clear limit', () => {
    const messages = validateRules(withSiteText(JSON.stringify({ ...firstSite, name: 'x'.repeat(1_000_000) }))).problems.map(formatProblem);
    expect(messages).toEqual([`${project.sites[0]!.path}: name: must be at most 100 characters`]);
  });

  it('accepts punycode domains and rejects raw internationalised ones with a hint', () => {
    const ok = validateRules(withSiteText(JSON.stringify({ ...firstSite, domains: ['xn--bcher-kva.example'] })));
    expect(ok.problems.map(formatProblem)).toEqual([]);
    const raw = validateRules(withSiteText(JSON.stringify({ ...firstSite, domains: ['bücher.example'] }))).problems.map(formatProblem);
    expect(raw[0]).toMatch(/punycode for non-ASCII/);
  });

  it('refuses domains that claim public suffixes', () => {
    for (const suffix of ['github.io', 'co.uk', 'blogspot.com']) {
      const messages = validateRules(withSiteText(JSON.stringify({ ...firstSite, domains: [suffix] }))).problems.map(formatProblem);
      expect(messages).toEqual([`${project.sites[0]!.path}: domains[0]: "${suffix}" is a public suffix shared by unrelated sites; name a domain under it`]);
    }
  });

  it(`never crashes on ${RUNS} random JSON values or broken texts in place of a site file`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'), fc.string({ maxLength: 300 })), (text) => {
        const result = validateRules(withSiteText(text));
        return result.data === null && result.problems.length > 0 && result.problems.every((problem) => typeof problem.message === 'string');
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
