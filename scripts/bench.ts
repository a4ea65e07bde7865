/**
 * `npm run bench`: figures that matter to people using the extension, printed with their goals. Numbers are
 * reported, never asserted in tests. Rules figures run in Node with the same code the service worker runs.
 */
import { performance } from 'node:perf_hooks';
import { photo } from '../e2e/support/bench';
import { launchWithExtension, openPopupFor, tabIdOf, warningIn } from '../e2e/support/browser';
import { startFixtureServers } from '../e2e/support/server';
import { compileRules } from '../src/core/rules/compile';
import { validateRules } from '../src/core/rules/validate';
import { readRuleFiles } from './rules-files';

interface Row {
  figure: string;
  median: string;
  spread: string;
  goal: string;
  met: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function benchRules(rows: Row[]): void {
  const files = readRuleFiles();
  const loadTimes: number[] = [];
  let rules = null as ReturnType<typeof compileRules> | null;
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    const { data } = validateRules(files);
    if (!data) throw new Error('rules/ has problems: run npm run rules:check');
    rules = compileRules(data);
    loadTimes.push(performance.now() - start);
  }
  if (!rules) return;
  // A realistic mix: known sites on their various hosts, look-alikes and unknown sites, with paths and queries.
  const urls: string[] = [];
  for (const site of rules.sites) {
    for (const domain of site.domains) {
      urls.push(`https://${domain}/`, `https://www.${domain}/upload?step=2`, `https://media.cdn.${domain}/a/b/c.jpg`);
      urls.push(`https://${domain}.evil.test/`, `https://not${domain}/`);
    }
  }
  for (let index = 0; index < 200; index++) urls.push(`https://blog${index}.example-${index % 7}.org/posts/${index}`);

  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    const lookups = 200_000;
    const start = performance.now();
    for (let index = 0; index < lookups; index++) if (rules.match(urls[index % urls.length] as string)) sink++;
    rates.push(lookups / ((performance.now() - start) / 1000));
  }
  if (sink < 0) console.log(sink);
  const rate = median(rates);
  rows.push({
    figure: `rules: lookups per second (${rules.sites.length} sites, ${urls.length} URLs)`,
    median: format(rate),
    spread: `${format(Math.min(...rates))}–${format(Math.max(...rates))}`,
    goal: '≥ 1,000,000/s',
    met: rate >= 1_000_000 ? 'yes' : 'NO',
  });
  rows.push({
    figure: 'rules: validate and compile the whole folder (ms)',
    median: format(median(loadTimes), 2),
    spread: `${format(Math.min(...loadTimes), 2)}–${format(Math.max(...loadTimes), 2)}`,
    goal: 'reported',
    met: '—',
  });
}

const spreadOf = (values: number[], digits = 0) => `${format(Math.min(...values), digits)}–${format(Math.max(...values), digits)}`;

/** Time from opening the popup to its first render with full content (the `afterlife:popup-rendered` mark, set once
 *  the tab's assessment is on screen), after an upload on the photo-sharing fixture. */
async function benchPopup(rows: Row[]): Promise<void> {
  const servers = await startFixtureServers();
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.flickr.com', '/photo-share.html'));
    const chooser = page.waitForEvent('filechooser');
    await page.click('#choose');
    await (await chooser).setFiles([photo('beach.jpg')]);
    await warningIn(page).waitFor();
    const tabId = await tabIdOf(browser, page);
    const times: number[] = [];
    for (let run = 0; run < 25; run++) {
      const popup = await openPopupFor(browser, tabId);
      await popup.getByTestId('level').waitFor();
      const at = await popup.evaluate(() => performance.getEntriesByName('afterlife:popup-rendered')[0]?.startTime ?? Number.NaN);
      if (run > 0) times.push(at); // the first open also compiles the popup's code
      await popup.close();
    }
    const value = median(times);
    rows.push({ figure: 'popup: open to first render with full content (ms)', median: format(value, 1), spread: spreadOf(times, 1), goal: 'reported', met: '—' });
  } finally {
    await browser.close();
    await servers.close();
  }
}

function printTable(rows: Row[]): void {
  const header: Row = { figure: 'figure', median: 'median', spread: 'spread (min–max)', goal: 'goal', met: 'met' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const line = (row: Row) =>
    (['figure', 'median', 'spread', 'goal', 'met'] as const).map((key) => row[key].padEnd(width(key))).join('  ');
  console.log(line(header));
  console.log((['figure', 'median', 'spread', 'goal', 'met'] as const).map((key) => '-'.repeat(width(key))).join('  '));
  for (const row of rows) console.log(line(row));
}

const rows: Row[] = [];
benchRules(rows);
await benchPopup(rows);
printTable(rows);
