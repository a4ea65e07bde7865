import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import chromiumConfig from '../../vite.config';
import firefoxConfig from '../../vite.firefox.config';
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION, firefoxManifest, GECKO_ID, type ChromiumManifest } from './firefox-manifest';
import { PROJECT_DIR } from '../rules/rules-files';

const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'manifest.json'), 'utf8')) as ChromiumManifest;
const firefox = firefoxManifest(manifest);

describe('the Firefox manifest, derived from manifest.json', () => {
  it('names the add-on for AMO with a fixed id and the Firefox versions it needs', () => {
    expect(firefox.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(GECKO_ID).toBe('afterlife@afterlife-extension.org');
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(firefox.browser_specific_settings.gecko_android.strict_min_version).toBe(FIREFOX_ANDROID_MIN_VERSION);
  });

  it('declares that nothing is collected', () => {
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('runs the same background module as event page scripts instead of a service worker', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background?.service_worker], type: manifest.background?.type });
    expect(firefox.background).not.toHaveProperty('service_worker');
  });

  it('drops what only Chromium reads, and keeps everything else as it is', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('web_accessible_resources');
    // Firefox takes administrator policies from policies.json, and warns about a managed_schema.
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(firefox).not.toHaveProperty('storage');
    const { background: _b, minimum_chrome_version: _m, permissions: _p, web_accessible_resources: _w, storage: _st, ...shared } = manifest;
    const { background: _fb, browser_specific_settings: _s, permissions: _fp, ...firefoxShared } = firefox;
    expect(firefoxShared).toEqual(shared);
  });

  it('has no offscreen permission (Firefox has no offscreen documents) but keeps the WebAssembly CSP its background page needs to count faces', () => {
    expect(manifest.permissions).toContain('offscreen');
    expect(firefox.permissions).toEqual(manifest.permissions?.filter((name) => name !== 'offscreen'));
    expect(firefox.content_security_policy).toEqual(manifest.content_security_policy);
  });

  it('keeps the main-world hook and the fallback-origin matching that Firefox 128+ supports', () => {
    expect(firefox.content_scripts).toEqual(manifest.content_scripts);
    expect(Number(FIREFOX_MIN_VERSION.split('.')[0])).toBeGreaterThanOrEqual(128);
  });

  it('does not change manifest.json itself', () => {
    const copy = structuredClone(manifest);
    firefoxManifest(copy);
    expect(copy).toEqual(manifest);
  });

  it('refuses a manifest it cannot turn into a Firefox one', () => {
    expect(() => firefoxManifest({ ...manifest, background: {} })).toThrow(/service_worker is missing/);
    expect(() => firefoxManifest({ ...manifest, manifest_version: 2 })).toThrow(/manifest_version 3/);
  });
});

describe('the Firefox build configuration', () => {
  const chromium = (chromiumConfig as UserConfig).build ?? {};
  const build = (firefoxConfig as UserConfig).build ?? {};

  it('builds the same pages as the Chromium build except the offscreen face counter, into its own folder, for the minimum Firefox', () => {
    const { 'offscreen-faces': offscreen, ...pages } = chromium.rollupOptions?.input as Record<string, string>;
    expect(offscreen).toBe('src/offscreen/faces.html');
    expect(build.rollupOptions?.input).toEqual(pages);
    expect(build.outDir).toBe('extension-firefox');
    expect(build.target).toBe(`firefox${FIREFOX_MIN_VERSION.split('.')[0]}`);
  });

  it('bundles the rules and the face detector with the same plugins', () => {
    const names = ((firefoxConfig as UserConfig).plugins ?? []).flat().map((plugin) => (plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : ''));
    expect(names).toContain('afterlife-rules');
    expect(names).toContain('afterlife-face-models');
  });
});
