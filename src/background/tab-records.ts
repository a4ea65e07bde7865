import browser from '../shared/ext';
import { recordKey, type TabRecord } from '../shared/protocol';

/** The latest assessment per tab lives in session storage: it outlives the service worker, which the browser
 *  stops whenever it is idle, and is gone when the browser closes. Content scripts cannot read it. */

export async function readRecord(tabId: number): Promise<TabRecord | null> {
  const key = recordKey(tabId);
  const stored = await browser.storage.session.get(key);
  const record = stored[key] as TabRecord | undefined;
  return record && typeof record === 'object' && record.assessment ? record : null;
}

export async function writeRecord(tabId: number, record: TabRecord): Promise<void> {
  await browser.storage.session.set({ [recordKey(tabId)]: record });
}

export async function removeRecord(tabId: number): Promise<void> {
  await browser.storage.session.remove(recordKey(tabId));
}
