/**
 * `npm run bench`: figures that matter to people using the extension, printed with their goals. Numbers are
 * reported, never asserted in tests. Rules figures run in Node with the same code the service worker runs.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServers } from '../../e2e/support/server';
import { benchPhotoFacts, benchReservation, benchRules } from './bench-node';
import { printTable, type Row } from './bench-table';
import { benchBrowser } from './bench-upload';
import { benchPageCost } from './bench-page-cost';

const rows: Row[] = [];
const scratch = await mkdtemp(join(tmpdir(), 'afterlife-bench-'));
benchRules(rows);
await benchPhotoFacts(rows, scratch);
await benchReservation(rows, scratch);
// AFTERLIFE_BENCH_ONLY=node skips the browser figures, for a quick look at the core's numbers;
// AFTERLIFE_BENCH_ONLY=page-cost runs only the side-by-side page cost, to repeat it when the noise floor was high.
if (process.env.AFTERLIFE_BENCH_ONLY === 'page-cost') {
  const servers = await startFixtureServers();
  try {
    await benchPageCost(rows, servers);
  } finally {
    await servers.close();
  }
} else if (process.env.AFTERLIFE_BENCH_ONLY !== 'node') {
  await benchBrowser(rows, scratch);
}
printTable(rows);
