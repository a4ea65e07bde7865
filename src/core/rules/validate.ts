import { getPublicSuffix } from 'tldts';
import * as v from 'valibot';
import { isLevel } from '../levels';
import { DatasetSchema, LicencesFileSchema, MetaSchema, OperatorSchema, SiteSchema } from './schema';
import type { DatasetRule, LicenceRule, OperatorRule, RulesData, SiteRule, TermFact } from './types';
import { ExpectationsFileSchema, type SiteExpectation } from './expectations';

/** One file of the rules folder, as read from disk (or from an update). */
export interface RuleFile {
  /** Path shown in messages, e.g. `rules/sites/flickr.json`. */
  path: string;
  text: string;
}

export interface RuleProblem {
  file: string;
  /** Field path inside the file, e.g. `terms[1].source`; empty for the whole file. */
  field: string;
  message: string;
}

export interface RuleFiles {
  meta: RuleFile | null;
  sites: RuleFile[];
  /** Optional for bundles made before operators existed. */
  operators?: RuleFile[];
  datasets: RuleFile[];
  licences: RuleFile | null;
  expectations: RuleFile | null;
}

export interface ValidationResult {
  data: RulesData | null;
  expectations: SiteExpectation[];
  problems: RuleProblem[];
}

export function formatProblem(problem: RuleProblem): string {
  return problem.field ? `${problem.file}: ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

function fieldPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never' && issue.kind === 'schema') return 'is not a known field (check the spelling against rules/README.md)';
  if (issue.received === 'undefined' && issue.kind === 'schema') return 'is required';
  return issue.message;
}

function parseJson(file: RuleFile, problems: RuleProblem[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ file: file.path, field: '', message: `is not valid JSON (${reason})` });
    return undefined;
  }
}

function check<T extends v.GenericSchema>(schema: T, file: RuleFile, problems: RuleProblem[]): v.InferOutput<T> | null {
  const raw = parseJson(file, problems);
  if (raw === undefined) return null;
  const result = v.safeParse(schema, raw, { abortEarly: false });
  if (result.success) return result.output;
  for (const issue of result.issues) problems.push({ file: file.path, field: fieldPath(issue), message: messageOf(issue) });
  return null;
}

const baseName = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

/**
 * Checks the whole rules folder and reports every problem, each with its file, field and a reason a maintainer can
 * act on. Returns the data only when there are no problems at all: half-valid rules never ship.
 */
export function validateRules(files: RuleFiles, options: { requireExpectations?: boolean } = {}): ValidationResult {
  const requireExpectations = options.requireExpectations ?? true;
  const problems: RuleProblem[] = [];
  const problem = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const meta = files.meta ? check(MetaSchema, files.meta, problems) : (problem('rules/meta.json', '', 'is missing'), null);

  const sites: Array<{ file: string; site: SiteRule }> = [];
  for (const file of files.sites) {
    const site = check(SiteSchema, file, problems) as SiteRule | null;
    if (!site) continue;
    if (site.id !== baseName(file.path)) problem(file.path, 'id', `must match the file name ("${baseName(file.path)}")`);
    sites.push({ file: file.path, site });
  }
  const operators: Array<{ file: string; operator: OperatorRule }> = [];
  for (const file of files.operators ?? []) {
    const operator = check(OperatorSchema, file, problems) as OperatorRule | null;
    if (!operator) continue;
    if (operator.id !== baseName(file.path)) problem(file.path, 'id', `must match the file name ("${baseName(file.path)}")`);
    operators.push({ file: file.path, operator });
  }
  const datasets: Array<{ file: string; dataset: DatasetRule }> = [];
  for (const file of files.datasets) {
    const dataset = check(DatasetSchema, file, problems) as DatasetRule | null;
    if (!dataset) continue;
    if (dataset.id !== baseName(file.path)) problem(file.path, 'id', `must match the file name ("${baseName(file.path)}")`);
    datasets.push({ file: file.path, dataset });
  }
  const licencesPath = files.licences?.path ?? 'rules/licences.json';
  const licences = files.licences ? ((check(LicencesFileSchema, files.licences, problems) ?? []) as LicenceRule[]) : (problem(licencesPath, '', 'is missing'), []);

  // Ids are unique within their kind.
  const seen = new Map<string, string>();
  for (const { file, site } of sites) {
    const earlier = seen.get(`site:${site.id}`);
    if (earlier) problem(file, 'id', `"${site.id}" is already used by ${earlier}`);
    seen.set(`site:${site.id}`, file);
  }
  const licenceIds = new Set<string>();
  licences.forEach((licence, index) => {
    if (licenceIds.has(licence.id)) problem(licencesPath, `[${index}].id`, `"${licence.id}" is listed twice`);
    licenceIds.add(licence.id);
  });
  // References are checked against every file present, valid or not, so one broken file is reported once, where
  // it is, rather than again at everything that points to it.
  const datasetIds = new Set(files.datasets.map((file) => baseName(file.path)));
  const siteIds = new Set(files.sites.map((file) => baseName(file.path)));
  const operatorIds = new Set((files.operators ?? []).map((file) => baseName(file.path)));

  const checkTerms = (file: string, field: string, terms: TermFact[]) =>
    terms.forEach((term, index) => {
      if (term.topic === 'content-licence' && !licenceIds.has(term.value)) {
        problem(file, `${field}[${index}].value`, `"${term.value}" is not a licence in rules/licences.json`);
      }
      const overlap = term.where?.filter((region) => term.outside?.includes(region)) ?? [];
      if (overlap.length > 0) problem(file, `${field}[${index}].outside`, `names ${overlap.join(', ')}, which "where" also names`);
    });
  for (const { file, operator } of operators) {
    checkTerms(file, 'terms', operator.terms);
    // `services` names sites that run under this operator, so a typo cannot silently drop a fact.
    const runs = new Set(sites.filter(({ site }) => site.operator === operator.id).map(({ site }) => site.id));
    const checkServices = (field: string, services: string[] | undefined) =>
      services?.forEach((id, index) => {
        if (!runs.has(id)) problem(file, `${field}.services[${index}]`, `"${id}" is not a site in rules/sites/ whose operator is "${operator.id}"`);
      });
    operator.terms.forEach((term, index) => checkServices(`terms[${index}]`, term.services));
    operator.optOuts.forEach((optOut, index) => checkServices(`optOuts[${index}]`, optOut.services));
  }

  // Each domain belongs to one site, and never to a public suffix (com, co.uk, github.io…).
  const owners = new Map<string, string>();
  for (const { file, site } of sites) {
    site.domains.forEach((domain, index) => {
      const field = `domains[${index}]`;
      const suffix = getPublicSuffix(domain, { allowPrivateDomains: true });
      if (suffix === domain) problem(file, field, `"${domain}" is a public suffix shared by unrelated sites; name a domain under it`);
      const owner = owners.get(domain);
      if (owner) problem(file, field, `"${domain}" is already claimed by ${owner}`);
      owners.set(domain, `site "${site.id}"`);
    });
    site.datasets.forEach((id, index) => {
      if (!datasetIds.has(id)) problem(file, `datasets[${index}]`, `"${id}" is not a dataset in rules/datasets/`);
    });
    checkTerms(file, 'terms', site.terms);
    site.terms.forEach((term, index) => {
      if (term.services) problem(file, `terms[${index}].services`, 'belongs on an operator\'s facts only (a site\'s own facts are for that site)');
    });
    site.optOuts.forEach((optOut, index) => {
      if (optOut.services) problem(file, `optOuts[${index}].services`, 'belongs on an operator\'s opt-outs only');
    });
    if (site.operator && !operatorIds.has(site.operator)) problem(file, 'operator', `"${site.operator}" is not an operator in rules/operators/`);
    // A person must be told at least one fact about the site's terms, its own or its operator's.
    const inherited =
      operators.find(({ operator }) => operator.id === site.operator)?.operator.terms.filter((term) => !term.services || term.services.includes(site.id)).length ?? 0;
    if (site.terms.length === 0 && inherited === 0) problem(file, 'terms', 'must give at least one fact about the terms, or name an operator that does');
    for (const [value, licence] of Object.entries(site.licencePicker?.values ?? {})) {
      if (!licenceIds.has(licence)) problem(file, `licencePicker.values.${value}`, `"${licence}" is not a licence in rules/licences.json`);
    }
  }

  // Every site has at least one expected assessment, and every expectation names a real site.
  let expectations: SiteExpectation[] = [];
  if (!files.expectations) {
    if (requireExpectations) problem('rules/expectations.json', '', 'is missing');
  } else {
    const parsed = check(ExpectationsFileSchema, files.expectations, problems);
    expectations = (parsed ?? []) as SiteExpectation[];
    expectations.forEach((expectation, index) => {
      if (!siteIds.has(expectation.site)) problem(files.expectations!.path, `[${index}].site`, `"${expectation.site}" is not a site in rules/sites/`);
      if (expectation.licence && !licenceIds.has(expectation.licence)) {
        problem(files.expectations!.path, `[${index}].licence`, `"${expectation.licence}" is not a licence in rules/licences.json`);
      }
      if (!isLevel(expectation.level)) problem(files.expectations!.path, `[${index}].level`, 'must be a level');
    });
    if (parsed) {
      const covered = new Set(expectations.map((expectation) => expectation.site));
      for (const { file, site } of sites) {
        if (!covered.has(site.id)) problem(file, '', `has no expected assessment in ${files.expectations.path}`);
      }
    }
  }

  if (problems.length > 0 || !meta) return { data: null, expectations, problems };
  return {
    data: {
      version: String(meta.version),
      created: meta.reviewed,
      minExtensionVersion: meta.minExtensionVersion,
      sites: sites.map(({ site }) => site),
      operators: operators.map(({ operator }) => operator),
      datasets: datasets.map(({ dataset }) => dataset),
      licences,
    },
    expectations,
    problems,
  };
}
