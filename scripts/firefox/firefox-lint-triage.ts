/**
 * Which addons-linter warnings the Firefox build may carry, and why. Each is matched narrowly — by code and by the
 * code it points at — so the same warning anywhere else, or any new warning, still fails `npm run lint:firefox`.
 */

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface AcceptedWarning {
  code: string;
  /** Shown in the lint summary: why this warning does not matter. */
  why: string;
  /** Whether this message is that warning, given the source text of the file it names. */
  matches(message: LintMessage, source: string): boolean;
}

/** The source around a message's position (minified files are one long line, so the column matters). */
export function excerptAt(source: string, line = 1, column = 0, radius = 120): string {
  const text = source.split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - radius), column + radius);
}

export const ACCEPTED_WARNINGS: readonly AcceptedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "Preact's renderer assigns innerHTML only to apply a `dangerouslySetInnerHTML` prop; Afterlife never uses that prop " +
      '(scripts/firefox/firefox-lint.test.ts checks src/), so no page or rule text ever reaches innerHTML.',
    matches: (message, source) =>
      /\.innerHTML\s*=\s*[\w$]+\.__html/.test(excerptAt(source, message.line, message.column)) &&
      source.includes('dangerouslySetInnerHTML'),
  },
];

export interface Triage {
  accepted: Array<{ message: LintMessage; why: string }>;
  unexpected: LintMessage[];
}

/** Splits warnings into accepted ones (with their reason) and the ones that must be fixed. */
export function triageWarnings(
  warnings: readonly LintMessage[],
  readSource: (file: string) => string,
  accepted: readonly AcceptedWarning[] = ACCEPTED_WARNINGS,
): Triage {
  const result: Triage = { accepted: [], unexpected: [] };
  for (const message of warnings) {
    const source = message.file ? readSource(message.file) : '';
    const rule = accepted.find((candidate) => candidate.code === message.code && candidate.matches(message, source));
    if (rule) result.accepted.push({ message, why: rule.why });
    else result.unexpected.push(message);
  }
  return result;
}

export const formatMessage = (message: LintMessage) =>
  `${message.code}: ${message.message}${message.file ? ` (${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''})` : ''}`;
