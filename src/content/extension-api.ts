/**
 * The extension API for content scripts, without webextension-polyfill: Firefox provides a promise-based `browser`,
 * and Chromium's MV3 `chrome` returns promises for the few calls made here (runtime messages, sync storage). Leaving
 * the polyfill out keeps the script injected into every page about 10 KB smaller.
 */
type Api = typeof chrome;

const api: Api = (globalThis as { browser?: Api }).browser ?? chrome;

export default api;
