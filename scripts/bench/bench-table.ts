/** The bench's table: one row per figure, with the A/A beside every ratio, its goal and whether the goal was met. */
export interface Row {
  figure: string;
  median: string;
  /** The noise floor of a ratio (or difference): the same figure between two identical sides. */
  aa?: string;
  spread: string;
  goal: string;
  met: string;
}

export const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const spreadOf = (values: number[], digits = 0) => `${format(Math.min(...values), digits)}–${format(Math.max(...values), digits)}`;

const COLUMNS = ['figure', 'median', 'aa', 'goal', 'met', 'spread'] as const;
const HEADER: Required<Row> = { figure: 'figure', median: 'result', aa: 'A/A', goal: 'goal', met: 'met', spread: 'beside it' };

/** The table as lines of text, columns padded to their widest cell; a row without an A/A shows "—". The free-text
 *  column comes last so that long notes do not push the verdicts out of sight. */
export function renderTable(rows: readonly Row[]): string[] {
  const cells = [HEADER, ...rows].map((row) => COLUMNS.map((key) => row[key] ?? '—'));
  const widths = COLUMNS.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => (column === COLUMNS.length - 1 ? value : value.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(cells[0]!), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)];
}

export function printTable(rows: readonly Row[]): void {
  for (const text of renderTable(rows)) console.log(text);
}
