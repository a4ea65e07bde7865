/** The bench's table: one row per figure, with its goal and whether the goal was met. */
export interface Row {
  figure: string;
  median: string;
  spread: string;
  goal: string;
  met: string;
}

export const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const spreadOf = (values: number[], digits = 0) => `${format(Math.min(...values), digits)}–${format(Math.max(...values), digits)}`;

export function printTable(rows: Row[]): void {
  const header: Row = { figure: 'figure', median: 'median', spread: 'spread (min–max)', goal: 'goal', met: 'met' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const line = (row: Row) =>
    (['figure', 'median', 'spread', 'goal', 'met'] as const).map((key) => row[key].padEnd(width(key))).join('  ');
  console.log(line(header));
  console.log((['figure', 'median', 'spread', 'goal', 'met'] as const).map((key) => '-'.repeat(width(key))).join('  '));
  for (const row of rows) console.log(line(row));
}
