/**
 * The Firefox manifest, derived from the one manifest.json so the two stores never drift apart: everything is
 * copied, and only what Firefox reads differently is changed. Pure, so a unit test pins every change.
 */

/** The add-on's id on addons.mozilla.org. It must never change once published: Firefox keys settings, storage
 *  and updates to it. */
export const GECKO_ID = 'afterlife@afterlife-extension.org';

/**
 * Firefox 140 (an ESR) is the first to read `data_collection_permissions`, which AMO requires of new add-ons.
 * It also covers everything else the manifest relies on: `world: "MAIN"` and `match_origin_as_fallback` content
 * scripts (128), `storage.session` (115), module background scripts (112), MV3 `action` (109).
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142; below that it would be ignored. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** The fields of manifest.json this transform reads or writes; everything else passes through untouched. */
export interface ChromiumManifest {
  manifest_version: number;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  [key: string]: unknown;
}

/** Permissions only Chromium has: Firefox has no offscreen documents, and its background page counts faces itself. */
export const CHROMIUM_ONLY_PERMISSIONS = ['offscreen'];

export interface FirefoxManifest
  extends Omit<ChromiumManifest, 'background' | 'minimum_chrome_version' | 'browser_specific_settings' | 'web_accessible_resources' | 'storage'> {
  background: { scripts: string[]; type?: string };
  browser_specific_settings: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: ['none'] };
    };
    gecko_android: { strict_min_version: string };
  };
}

export function firefoxManifest(chromium: ChromiumManifest): FirefoxManifest {
  const {
    background,
    minimum_chrome_version: _chromeOnly,
    browser_specific_settings: _replaced,
    // The one web-accessible resource is the upload path's module, which Chromium imports at a per-session address;
    // Firefox has no such address (no use_dynamic_url), so its content script bundles the upload path instead.
    web_accessible_resources: _chromiumModule,
    // Firefox reads administrator policies from policies.json (3rdparty → Extensions) without a schema, and warns
    // about this key; the same policies arrive in storage.managed there.
    storage: _managedSchema,
    ...shared
  } = chromium;
  if (chromium.manifest_version !== 3) throw new Error('manifest.json: the Firefox build expects manifest_version 3');
  const worker = background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is missing; the Firefox build turns it into background.scripts');
  return {
    ...shared,
    ...(chromium.permissions ? { permissions: chromium.permissions.filter((name) => !CHROMIUM_ONLY_PERMISSIONS.includes(name)) } : {}),
    // Firefox runs MV3 backgrounds as event pages, not service workers; the same module runs there unchanged (it
    // keeps its state in storage.session and registers its listeners at the top level, as an event page needs).
    // @crxjs/vite-plugin with `browser: 'firefox'` reads the entry from scripts[0] and writes its loader there.
    background: { scripts: [worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Afterlife collects nothing: no telemetry, and the photo never leaves the device.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
