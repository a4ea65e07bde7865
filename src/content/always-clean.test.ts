import { describe, expect, it } from 'vitest';
import { lazyAlwaysClean, readOnFirstStep, type SettingsStorage } from './always-clean';

/** A storage area holding `settings`, counting how often it is asked, with a way to announce a change. */
function fakeStorage(settings: unknown, { fails = false } = {}) {
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
      onChanged: { addListener: (listener: (typeof listeners)[number]) => void listeners.push(listener) },
    } satisfies SettingsStorage,
    change: (newValue: unknown, area = 'sync') => listeners.forEach((listener) => listener({ settings: { newValue } }, area)),
    answerRead: () => answer?.(),
  };
  const lookUp = () => {
    storage.looked++;
    return storage.api;
  };
  return { storage, lookUp };
}

describe('the "always clean" setting, read when first needed', () => {
  it('does not touch the storage API until asked', () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: true });
    const setting = lazyAlwaysClean(lookUp);
    expect(setting.known()).toBeUndefined();
    expect(storage.looked).toBe(0);
  });

  it('reads the stored choice once, however often it is asked', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: true });
    const setting = lazyAlwaysClean(lookUp);
    const [first, second] = await Promise.all([setting.read(), setting.read()]);
    expect([first, second, await setting.read(), setting.known()]).toEqual([true, true, true, true]);
    expect(storage.reads).toBe(1);
  });

  it('is off when nothing was ever stored, or what is stored is malformed', async () => {
    expect(await lazyAlwaysClean(fakeStorage(undefined).lookUp).read()).toBe(false);
    expect(await lazyAlwaysClean(fakeStorage({ alwaysClean: 'yes' }).lookUp).read()).toBe(false);
  });

  it('follows changes made in the options after the first read', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: false });
    const setting = lazyAlwaysClean(lookUp);
    await setting.read();
    storage.change({ alwaysClean: true });
    expect(setting.known()).toBe(true);
    storage.change({ alwaysClean: true }, 'local');
    storage.change({ alwaysClean: false });
    expect(setting.known()).toBe(false);
  });

  it('keeps a change that arrives while the first read is on its way, rather than the older stored value', async () => {
    const { storage, lookUp } = fakeStorage({ alwaysClean: false });
    storage.holdReads = true;
    const setting = lazyAlwaysClean(lookUp);
    const reading = setting.read();
    storage.change({ alwaysClean: true });
    storage.answerRead();
    expect(await reading).toBe(true);
    expect(setting.known()).toBe(true);
  });

  it('answers "off" when the extension is gone from under the page, so held files still reach it', async () => {
    expect(await lazyAlwaysClean(fakeStorage({}, { fails: true }).lookUp).read()).toBe(false);
    const gone = lazyAlwaysClean(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'sync')");
    });
    expect(await gone.read()).toBe(false);
  });
});

describe('reading the setting at the first step on the page', () => {
  for (const step of ['pointerdown', 'keydown', 'dragenter']) {
    it(`starts on the first ${step}, and only once`, async () => {
      const { storage, lookUp } = fakeStorage({ alwaysClean: true });
      const setting = lazyAlwaysClean(lookUp);
      const page = new EventTarget();
      readOnFirstStep(setting, page);
      page.dispatchEvent(new Event('scroll'));
      expect(storage.looked).toBe(0);
      page.dispatchEvent(new Event(step));
      expect(storage.reads).toBe(1);
      for (const later of ['pointerdown', 'keydown', 'dragenter']) page.dispatchEvent(new Event(later));
      await new Promise((settled) => setTimeout(settled, 0));
      expect(setting.known()).toBe(true);
      expect(storage.reads).toBe(1);
    });
  }
});
