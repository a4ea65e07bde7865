import { describe, expect, it } from 'vitest';
import { lazyAutoActions, type SettingsStorage } from './auto-actions';

/** A storage area holding `settings`, counting how often it is asked, with a way to announce a change. */
function fakeStorage(settings: unknown, { fails = false, policy = undefined as unknown } = {}) {
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>, area: string) => void> = [];
  let answer: (() => void) | undefined;
  const storage = {
    reads: 0,
    looked: 0,
    /** Holds the next read's answer until `answerRead` is called. */
    holdReads: false,
    api: {
      sync: {
        get: () => {
          storage.reads++;
          if (fails) return Promise.reject(new Error('Extension context invalidated.'));
          const reply = () => Promise.resolve({ settings });
          if (!storage.holdReads) return reply();
          return new Promise<Record<string, unknown>>((resolve) => (answer = () => resolve(reply())));
        },
      },
      local: { get: () => (fails ? Promise.reject(new Error('Extension context invalidated.')) : Promise.resolve({ policy })) },
      onChanged: { addListener: (listener: (typeof listeners)[number]) => void listeners.push(listener) },
    } satisfies SettingsStorage,
    change: (newValue: unknown, area = 'sync') => listeners.forEach((listener) => listener(area === 'local' ? { policy: { newValue } } : { settings: { newValue } }, area)),
    answerRead: () => answer?.(),
  };
  const lookUp = () => {
    storage.looked++;
    return storage.api;
  };
  return { storage, lookUp };
}

const CLEAN = { clean: true, reserve: false };
const NOTHING = { clean: false, reserve: false };

describe('the automatic actions ("always clean", "always mark not for AI training"), read when first needed', () => {
  it('does not touch the storage API until asked', () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: true });
    const setting = lazyAutoActions(lookUp);
    expect(setting.known()).toBeUndefined();
    expect(storage.looked).toBe(0);
  });

  it('reads the stored choice once, however often it is asked', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: true });
    const setting = lazyAutoActions(lookUp);
    const [first, second] = await Promise.all([setting.read(), setting.read()]);
    expect([first, second, await setting.read(), setting.known()]).toEqual([CLEAN, CLEAN, CLEAN, CLEAN]);
    expect(storage.reads).toBe(1);
  });

  it('is off when nothing was ever stored, or what is stored is malformed', async () => {
    expect(await lazyAutoActions(fakeStorage(undefined).lookUp).read()).toEqual(NOTHING);
    expect(await lazyAutoActions(fakeStorage({ alwaysClean: 'yes', alwaysReserve: 1 }).lookUp).read()).toEqual(NOTHING);
  });

  it("lets the organisation's policy decide, unless it lets people choose", async () => {
    const locked = { policy: { alwaysClean: true, alwaysReserve: false }, problems: [] };
    expect(await lazyAutoActions(fakeStorage({ alwaysReserve: true }, { policy: locked }).lookUp).read()).toEqual(CLEAN);
    const open = { policy: { alwaysClean: true, allowChanges: true }, problems: [] };
    expect(await lazyAutoActions(fakeStorage({}, { policy: open }).lookUp).read()).toEqual(NOTHING);
    const { storage, lookUp } = fakeStorage({});
    const setting = lazyAutoActions(lookUp);
    await setting.read();
    storage.change(locked, 'local');
    expect(setting.known()).toEqual(CLEAN);
  });

  it('reads both choices', async () => {
    expect(await lazyAutoActions(fakeStorage({ alwaysClean: true, alwaysReserve: true }).lookUp).read()).toEqual({ clean: true, reserve: true });
    expect(await lazyAutoActions(fakeStorage({ alwaysReserve: true }).lookUp).read()).toEqual({ clean: false, reserve: true });
  });

  it('follows changes made in the options after the first read', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: false });
    const setting = lazyAutoActions(lookUp);
    await setting.read();
    storage.change({ alwaysClean: true });
    expect(setting.known()).toEqual(CLEAN);
    storage.change({ alwaysClean: true }, 'local');
    storage.change({ alwaysClean: false });
    expect(setting.known()).toEqual(NOTHING);
  });

  it('keeps a change that arrives while the first read is on its way, rather than the older stored value', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: false });
    storage.holdReads = true;
    const setting = lazyAutoActions(lookUp);
    const reading = setting.read();
    storage.change({ alwaysClean: true });
    storage.answerRead();
    expect(await reading).toEqual(CLEAN);
    expect(setting.known()).toEqual(CLEAN);
  });

  it('answers "off" when the extension is gone from under the page, so held files still reach it', async () => {
    expect(await lazyAutoActions(fakeStorage({}, { fails: true }).lookUp).read()).toEqual(NOTHING);
    const gone = lazyAutoActions(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'sync')");
    });
    expect(await gone.read()).toEqual(NOTHING);
  });
});
