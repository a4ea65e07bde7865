/**
 * How the maintainers' scripts (rules:signals, rules:watch, rules:links) reach the web: one request at a time, a user
 * agent that says who asks, a timeout, two retries for network and server errors, and robots.txt honoured where the
 * caller asks. Never used by the extension.
 */
import robotsParser from 'robots-parser';

export const USER_AGENT = 'AfterlifeRulesCheck/1.0 (a maintainer of the Afterlife browser extension reading robots.txt and AI meta tags, by hand, a few pages per site)';
const TIMEOUT_MS = 15_000;
const RETRIES = 2;

export interface Fetched {
  status: number;
  /** The address after redirects. */
  url: string;
  text: string;
}

/** How the scripts reach the web: injected, so tests serve their own pages and no test touches the internet. */
export type Fetcher = (url: string) => Promise<Fetched>;

/** Fetches one page at a time (never two requests at once), retrying network errors and server errors after a pause. */
export function politeFetcher({ retryDelayMs = 2000 }: { retryDelayMs?: number } = {}): Fetcher {
  let queue = Promise.resolve();
  const once = async (url: string): Promise<Fetched> => {
    const response = await fetch(url, { headers: { 'user-agent': USER_AGENT, accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    return { status: response.status, url: response.url || url, text: (await response.text()).slice(0, 1_000_000) };
  };
  return (url) => {
    const attempt = async () => {
      for (let tries = 0; ; tries++) {
        try {
          const result = await once(url);
          if (result.status < 500 || tries >= RETRIES) return result;
        } catch (error) {
          if (tries >= RETRIES) throw error;
        }
        await new Promise((wait) => setTimeout(wait, retryDelayMs * (tries + 1)));
      }
    };
    const result = queue.then(attempt);
    queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}

/** Whether a site's robots.txt lets the scripts fetch a page; asked once per site. A robots.txt that cannot be read
 *  (missing, or an error) allows, as crawlers treat it. */
export function robotsGate(fetcher: Fetcher, agent = 'AfterlifeRulesCheck'): (url: string) => Promise<boolean> {
  const byOrigin = new Map<string, Promise<ReturnType<typeof robotsParser> | null>>();
  return async (url) => {
    const origin = new URL(url).origin;
    let robots = byOrigin.get(origin);
    if (!robots) {
      robots = fetcher(`${origin}/robots.txt`)
        .then((answer) => (answer.status >= 200 && answer.status < 300 ? robotsParser(`${origin}/robots.txt`, answer.text) : null))
        .catch(() => null);
      byOrigin.set(origin, robots);
    }
    const parsed = await robots;
    return parsed?.isAllowed(url, agent) !== false;
  };
}
