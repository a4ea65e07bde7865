import { describe, expect, it } from 'vitest';
import type { ImageFormat } from '../core/photo/sniff';
import type { Request } from '../shared/protocol';
import { countFacesIn, MAX_PHOTOS_COUNTED } from './faces';

/** Photos whose names say what the fake detector answers: "2" → 2 faces, "bad" → not decodable, "x" → 'unknown'. */
const photo = (name: string, format: ImageFormat = 'jpeg') => ({ file: new File([name], name), format });
const thumbnail = async (file: File) => (file.name === 'bad' ? null : btoa(file.name.padEnd(4, '=')));
const detector = async (request: Request) => {
  if (request.type !== 'count-faces') throw new Error('unexpected request');
  const name = atob(request.jpegBase64).replace(/=+$/, '');
  return name === 'x' ? 'unknown' : Number(name);
};

describe('counting the faces of an upload', () => {
  it('adds up the faces of every photo', async () => {
    expect(await countFacesIn([photo('1'), photo('0'), photo('2')], detector, thumbnail)).toBe(3);
  });

  it('says 0 only when every photo was counted', async () => {
    expect(await countFacesIn([photo('0'), photo('0')], detector, thumbnail)).toBe(0);
    expect(await countFacesIn([photo('0'), photo('bad')], detector, thumbnail)).toBe('unknown');
    expect(await countFacesIn([photo('0'), photo('x')], detector, thumbnail)).toBe('unknown');
  });

  it('reports faces found even when another photo could not be checked', async () => {
    expect(await countFacesIn([photo('bad'), photo('1')], detector, thumbnail)).toBe(1);
  });

  it('leaves formats the page cannot decode, and a failing detector, as unknown', async () => {
    expect(await countFacesIn([photo('1', 'heic'), photo('1', 'svg')], detector, thumbnail)).toBe('unknown');
    expect(await countFacesIn([photo('1')], () => Promise.reject(new Error('extension reloaded')), thumbnail)).toBe('unknown');
    expect(await countFacesIn([photo('1')], async () => ({ faces: 1 }), thumbnail)).toBe('unknown');
  });

  it(`counts at most ${MAX_PHOTOS_COUNTED} photos, and then cannot say 0`, async () => {
    const sent: Request[] = [];
    const many = Array.from({ length: MAX_PHOTOS_COUNTED + 5 }, () => photo('0'));
    expect(await countFacesIn(many, async (request) => (sent.push(request), detector(request)), thumbnail)).toBe('unknown');
    expect(sent).toHaveLength(MAX_PHOTOS_COUNTED);
  });
});
