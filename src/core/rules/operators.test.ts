import { describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../../scripts/rules/project-rules';
import { appliesIn } from '../region';
import { assess } from '../risk/assess';
import { resolveOperators, withOperator } from './operators';
import type { OperatorRule, SiteRule, TermFact } from './types';

const fact = (topic: TermFact['topic'], value: string, extra: Partial<TermFact> = {}): TermFact => ({
  topic,
  value,
  summary: `${topic} ${value}`,
  source: 'https://example.org/terms',
  reviewed: '2026-11-29',
  ...extra,
});

const site = (id: string, extra: Partial<SiteRule> = {}): SiteRule => ({
  id,
  name: id,
  category: 'social',
  operator: 'acme',
  domains: [`${id}.example`],
  uploadPages: [],
  terms: [],
  optOuts: [],
  datasets: [],
  ...extra,
});

const acme: OperatorRule = {
  id: 'acme',
  name: 'Acme',
  officialDomains: ['acme.example'],
  terms: [fact('ai-training', 'yes'), fact('ai-training', 'yes', { where: ['eu-eea'], summary: 'EU' }), fact('biometrics', 'yes', { services: ['photos'] })],
  optOuts: [{ name: 'Object', path: 'Settings → Object', summary: 'object', source: 'https://acme.example/object', reviewed: '2026-11-29', where: ['eu-eea'] }],
};

describe('operators: a company\'s terms live once and every service inherits them', () => {
  it('gives a service its operator\'s facts and opt-outs, naming the operator', () => {
    const resolved = withOperator(site('chat'), acme);
    expect(resolved.terms.map((term) => [term.topic, term.where ?? null, term.operator])).toEqual([
      ['ai-training', null, 'Acme'],
      ['ai-training', ['eu-eea'], 'Acme'],
    ]);
    expect(resolved.optOuts.map((optOut) => optOut.operator)).toEqual(['Acme']);
    expect(resolved.officialDomains).toEqual(['acme.example']);
  });

  it('lets a service override a fact on the same topic for the same regions, and only that one', () => {
    const resolved = withOperator(site('chat', { terms: [fact('ai-training', 'no', { summary: 'not here' })] }), acme);
    const training = resolved.terms.filter((term) => term.topic === 'ai-training');
    expect(training.map((term) => [term.value, term.where ?? null, term.operator ?? null])).toEqual([
      ['no', null, null],
      ['yes', ['eu-eea'], 'Acme'],
    ]);
  });

  it('gives a fact limited to some services to those services only', () => {
    const [photos, chat] = resolveOperators([site('photos'), site('chat')], [acme]);
    expect(photos?.terms.some((term) => term.topic === 'biometrics')).toBe(true);
    expect(chat?.terms.some((term) => term.topic === 'biometrics')).toBe(false);
    expect(photos?.terms.find((term) => term.topic === 'biometrics')).not.toHaveProperty('services');
  });

  it('leaves a site without an operator as it is', () => {
    const alone = site('alone', { operator: undefined, terms: [fact('scraping-ban', 'yes')] });
    expect(resolveOperators([alone], [acme])[0]).toBe(alone);
  });
});

describe('operators in the project\'s rules', () => {
  const { data, rules } = loadProjectRules();
  const asOf = rules.created;

  it('gives every service of an operator the operator\'s counted facts, so the same facts give the same factors', () => {
    for (const operator of data.operators) {
      const services = rules.sites.filter((candidate) => candidate.operator === operator.id);
      expect(services.length, `${operator.id} runs no site`).toBeGreaterThan(0);
      for (const service of services) {
        const own = data.sites.find((candidate) => candidate.id === service.id)!;
        for (const term of operator.terms) {
          if (term.services && !term.services.includes(service.id)) continue;
          const overridden = own.terms.some((mine) => mine.topic === term.topic && JSON.stringify(mine.where ?? []) === JSON.stringify(term.where ?? []) && JSON.stringify(mine.outside ?? []) === JSON.stringify(term.outside ?? []));
          if (overridden) continue;
          expect(service.terms, `${service.id} inherits ${operator.id}'s ${term.topic}`).toContainEqual({ ...term, services: undefined, operator: operator.name } as TermFact);
        }
      }
    }
  });

  it('gives two services with the same facts the same level', () => {
    for (const operator of data.operators) {
      // Services that add nothing of their own, in the same kind of service, must be assessed alike.
      const bare = data.sites.filter((candidate) => candidate.operator === operator.id && candidate.terms.length === 0 && candidate.datasets.length === 0);
      const byCategory = new Map<string, SiteRule[]>();
      for (const candidate of bare) byCategory.set(candidate.category, [...(byCategory.get(candidate.category) ?? []), candidate]);
      for (const group of byCategory.values()) {
        const levels = new Set(
          group.map((candidate) => {
            const resolved = rules.sites.find((s) => s.id === candidate.id)!;
            return assess({ site: resolved, host: resolved.domains[0]!, pageLicence: null, visibility: 'unknown', photoCount: 1, photo: { faces: 'unknown', location: 'unknown', cameraSerial: 'unknown', creatorName: 'unknown', embeddedLicence: 'unknown' }, regions: [], asOf }, rules.knowledge).level;
          }),
        );
        expect(levels.size, `${operator.id}: ${group.map((s) => s.id).join(', ')}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('counts a regional operator fact for the people it holds for, on every service', () => {
    for (const operator of data.operators) {
      for (const term of operator.terms.filter((candidate) => candidate.where)) {
        const region = term.where![0]!;
        expect(appliesIn(term, [region])).toBe(true);
        expect(appliesIn(term, [])).toBe(false);
      }
    }
  });
});
