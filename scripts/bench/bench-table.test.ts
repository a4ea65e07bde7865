import { describe, expect, it } from 'vitest';
import { renderTable } from './bench-table';

describe('renderTable', () => {
  it('pads every column but the last, and shows — for a row without an A/A', () => {
    const lines = renderTable([
      { figure: 'a ratio', median: '1.004', aa: '0.998', spread: '+0.1 ms', goal: '≤ 1.01', met: 'met' },
      { figure: 'a size', median: '2.5', spread: '—', goal: 'reported', met: '—' },
    ]);
    expect(lines).toEqual([
      'figure   result  A/A    goal      met  beside it',
      '-------  ------  -----  --------  ---  ---------',
      'a ratio  1.004   0.998  ≤ 1.01    met  +0.1 ms',
      'a size   2.5     —      reported  —    —',
    ]);
  });
});
