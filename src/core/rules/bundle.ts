import * as v from 'valibot';
import { IsoDate, RulesVersion, SemVer } from './schema';
import type { RulesData } from './types';
import { formatProblem, validateRules, type RuleProblem } from './validate';

/**
 * A rules bundle: the whole validated rules folder as one JSON document, with the version that only goes up, when
 * it was made and the oldest extension that understands it. The extension ships one; signed updates carry one.
 * It is data only — nothing in it is ever executed.
 */
export const BUNDLE_FORMAT = 1;

export interface RulesBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  created: string;
  reviewed: string;
  minExtensionVersion: string;
  sites: unknown[];
  operators?: unknown[];
  datasets: unknown[];
  licences: unknown[];
}

export function createBundle(data: RulesData, created: Date): RulesBundle {
  return {
    format: BUNDLE_FORMAT,
    version: Number(data.version),
    created: created.toISOString(),
    reviewed: data.created,
    minExtensionVersion: data.minExtensionVersion,
    sites: data.sites,
    operators: data.operators,
    datasets: data.datasets,
    licences: data.licences,
  };
}

const EnvelopeSchema = v.object({
  format: v.literal(BUNDLE_FORMAT, `must be ${BUNDLE_FORMAT}: this extension does not understand other bundle formats`),
  version: RulesVersion,
  created: v.pipe(v.string(), v.isoTimestamp('must be a timestamp such as 2026-11-23T12:00:00.000Z')),
  reviewed: IsoDate,
  minExtensionVersion: SemVer,
  sites: v.array(v.unknown(), 'must be a list'),
  operators: v.optional(v.array(v.unknown(), 'must be a list')),
  datasets: v.array(v.unknown(), 'must be a list'),
  licences: v.array(v.unknown(), 'must be a list'),
});

export type BundleResult = { data: RulesData; bundle: RulesBundle; problems: [] } | { data: null; problems: RuleProblem[] };

/** Parses and validates a bundle with exactly the checks `npm run rules:check` applies to the folder. */
export function readBundle(text: string, label = 'bundle'): BundleResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { data: null, problems: [{ file: label, field: '', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  const envelope = v.safeParse(EnvelopeSchema, raw);
  if (!envelope.success) {
    return {
      data: null,
      problems: envelope.issues.map((issue) => ({
        file: label,
        field: (issue.path ?? []).map((item) => String(item.key)).join('.'),
        message: issue.message,
      })),
    };
  }
  const bundle = envelope.output as RulesBundle;
  const asFile = (kind: string, item: unknown, index: number) => {
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${index}`;
    return { path: `${label}:${kind}/${id}.json`, text: JSON.stringify(item) };
  };
  const result = validateRules(
    {
      meta: {
        path: `${label}:meta`,
        text: JSON.stringify({ version: bundle.version, reviewed: bundle.reviewed, minExtensionVersion: bundle.minExtensionVersion }),
      },
      sites: bundle.sites.map((site, index) => asFile('sites', site, index)),
      operators: (bundle.operators ?? []).map((operator, index) => asFile('operators', operator, index)),
      datasets: bundle.datasets.map((dataset, index) => asFile('datasets', dataset, index)),
      licences: { path: `${label}:licences.json`, text: JSON.stringify(bundle.licences) },
      expectations: null,
    },
    { requireExpectations: false },
  );
  if (!result.data) return { data: null, problems: result.problems };
  return { data: result.data, bundle, problems: [] };
}

export function describeProblems(problems: RuleProblem[], limit = 3): string {
  const shown = problems.slice(0, limit).map(formatProblem);
  return problems.length > limit ? `${shown.join('; ')} (and ${problems.length - limit} more)` : shown.join('; ');
}

/** Compares dotted versions such as "0.10.2" and "0.9.9" numerically. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
