import { describe, expect, it } from 'vitest';
import { findPeer, peerOfFolder, peersDir, PRIVACY_BADGER } from './peers';

describe('peersDir', () => {
  it('defaults to shared/peers beside the repository', () => {
    expect(peersDir({}, '/work/wt21')).toBe('/work/shared/peers');
    expect(peersDir({}, '/work/main')).toBe('/work/shared/peers');
  });

  it('takes AFTERLIFE_PEERS_DIR, relative to the working directory', () => {
    expect(peersDir({ AFTERLIFE_PEERS_DIR: '/elsewhere/peers' }, '/work/wt21')).toBe('/elsewhere/peers');
    expect(peersDir({ AFTERLIFE_PEERS_DIR: 'p' }, '/work/wt21', '/tmp/run')).toBe('/tmp/run/p');
    expect(peersDir({ AFTERLIFE_PEERS_DIR: '  ' }, '/work/wt21')).toBe('/work/shared/peers');
  });
});

describe('findPeer', () => {
  it('finds an unpacked build with a manifest', () => {
    const lookup = findPeer(PRIVACY_BADGER, '/peers', (path) => path === '/peers/privacybadger-mv3/manifest.json');
    expect(lookup).toEqual({ found: true, spec: PRIVACY_BADGER, dir: '/peers/privacybadger-mv3' });
  });

  it('says why the column is skipped when the build is missing', () => {
    const lookup = findPeer(PRIVACY_BADGER, '/peers', () => false);
    expect(lookup.found).toBe(false);
    if (!lookup.found) expect(lookup.reason).toMatch(/^peer column skipped: .*\/peers\/privacybadger-mv3.*AFTERLIFE_PEERS_DIR/);
  });
});

describe('peerOfFolder', () => {
  it('knows a peer by its folder name', () => {
    expect(peerOfFolder('/work/shared/peers/privacybadger-mv3/')).toBe(PRIVACY_BADGER);
    expect(peerOfFolder('extension')).toBeUndefined();
  });
});
