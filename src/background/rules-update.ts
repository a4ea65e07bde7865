import { updateConfig } from 'virtual:afterlife-rules';
import browser from '../shared/ext';
import type { UpdateStatus } from '../shared/protocol';
import { applyUpdate, currentRules } from './rules-store';
import { readSettings } from './settings-store';

export const UPDATE_ALARM = 'rules-update';
const STATUS_KEY = 'rulesUpdateStatus';
const DAY_MINUTES = 24 * 60;

/** Schedules the daily check. Each install starts at a random moment in its first six hours, so millions of
 *  installs spread their requests over the day instead of arriving together. */
export async function scheduleUpdates(): Promise<void> {
  if (await browser.alarms.get(UPDATE_ALARM)) return;
  await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1 + Math.random() * 6 * 60, periodInMinutes: DAY_MINUTES });
}

export async function lastStatus(): Promise<UpdateStatus | null> {
  const stored = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as UpdateStatus | undefined;
  return stored && typeof stored === 'object' ? stored : null;
}

class Rejected extends Error {
  constructor(
    readonly reason: UpdateStatus['reason'],
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Reads a response body, giving up as soon as it exceeds the cap, so a huge or endless body costs little. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new Rejected('too-large', `${declared} bytes is over the ${maxBytes}-byte limit`);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Rejected('too-large', `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}

async function fetchUpdate(url: string): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), updateConfig.timeoutMs);
  try {
    // `no-cache` revalidates with the server using the ETag of the last response (If-None-Match), so an unchanged
    // bundle costs a 304. No cookies or referrer go with the request.
    const response = await fetch(url, { cache: 'no-cache', credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    if (!response.ok) throw new Rejected('http-error', `the server answered ${response.status}`);
    return await readCapped(response, updateConfig.maxBytes);
  } catch (error) {
    if (error instanceof Rejected) throw error;
    if (controller.signal.aborted) throw new Rejected('timeout', `no complete answer within ${updateConfig.timeoutMs / 1000} s`);
    throw new Rejected('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** One update check: fetch, verify, apply or keep the last good rules, and record what happened and why. */
export async function checkForUpdates(): Promise<UpdateStatus> {
  const settings = await readSettings();
  const url = settings.rulesUrl || updateConfig.defaultUrl;
  let status: UpdateStatus;
  if (!url) {
    status = { checkedAt: Date.now(), outcome: 'off', reason: 'no-url', detail: '' };
  } else {
    try {
      const result = await applyUpdate(await fetchUpdate(url));
      status = result.ok
        ? { checkedAt: Date.now(), outcome: 'updated', reason: 'updated', detail: `version ${result.version}` }
        : { checkedAt: Date.now(), outcome: result.reason === 'same-version' ? 'current' : 'rejected', reason: result.reason, detail: result.detail };
    } catch (error) {
      const rejected = error instanceof Rejected ? error : new Rejected('network', String(error));
      status = { checkedAt: Date.now(), outcome: 'failed', reason: rejected.reason, detail: rejected.detail };
    }
  }
  status.version = (await currentRules()).version;
  await browser.storage.local.set({ [STATUS_KEY]: status });
  return status;
}
