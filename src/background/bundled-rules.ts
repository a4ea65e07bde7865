import type { DatasetRule, LicenceRule, RulesData, SiteRule } from '../core/rules/types';
import meta from '../../rules/meta.json' with { type: 'json' };

/** The rules shipped inside the extension, read from `rules/` at build time. */
const sites = import.meta.glob<SiteRule>('/rules/sites/*.json', { eager: true, import: 'default' });
const datasets = import.meta.glob<DatasetRule>('/rules/datasets/*.json', { eager: true, import: 'default' });
const licences = import.meta.glob<LicenceRule[]>('/rules/licences.json', { eager: true, import: 'default' });

export const bundledRules: RulesData = {
  version: String(meta.version),
  created: meta.reviewed,
  sites: Object.values(sites),
  datasets: Object.values(datasets),
  licences: Object.values(licences).flat(),
};
