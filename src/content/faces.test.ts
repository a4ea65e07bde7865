import { describe, expect, it } from 'vitest';
import type { ImageFormat } from '../core/photo/sniff';
import type { Request } from '../shared/protocol';
import { countFacesIn, MAX_PHOTOS_COUNTED } from './faces';

/** Photos whose names say what the fake detector answers: "2" → 2 faces, "bad" → not decodable, "x" → 'unknown'. */
const photo = (name: string, format: ImageFormat = 'jpeg') => ({ file: new File([name], name), format });
const thumbnail = async (file: File) => (file.name === 'bad' ? null : new Blob([file.name]));
/** A face box per face, side by side. */
const boxes = (count: number) => Array.from({ length: count }, (_, i) => ({ x: i / (count + 1), y: 0.1, width: 1 / (count + 1), height: 0.5 }));
const detector = async (request: Request) => {
  if (request.type !== 'count-faces') throw new Error('unexpected request');
  const name = atob(request.jpegBase64);
  return name === 'x' ? 'unknown' : { faces: Number(name), boxes: boxes(Number(name)) };
};
/** Node has no FileReader: the copy's text, as base64. */
const encode = async (copy: Blob) => btoa(await copy.text());
const total = async (photos: Parameters<typeof countFacesIn>[0], send: Parameters<typeof countFacesIn>[1], thumb = thumbnail) =>
  (await countFacesIn(photos, send, thumb, encode)).total;

describe('counting the faces of an upload', () => {
  it('adds up the faces of every photo', async () => {
    expect(await total([photo('1'), photo('0'), photo('2')], detector)).toBe(3);
  });

  it('says 0 only when every photo was counted', async () => {
    expect(await total([photo('0'), photo('0')], detector)).toBe(0);
    expect(await total([photo('0'), photo('bad')], detector)).toBe('unknown');
    expect(await total([photo('0'), photo('x')], detector)).toBe('unknown');
  });

  it('reports faces found even when another photo could not be checked', async () => {
    expect(await total([photo('bad'), photo('1')], detector)).toBe(1);
  });

  it('leaves formats the page cannot decode, and a failing detector, as unknown', async () => {
    expect(await total([photo('1', 'heic'), photo('1', 'svg')], detector)).toBe('unknown');
    expect(await total([photo('1')], () => Promise.reject(new Error('extension reloaded')), thumbnail)).toBe('unknown');
    expect(await total([photo('1')], async () => 1, thumbnail)).toBe('unknown');
  });

  it('keeps each counted photo\'s copy and face boxes for the panel, and only boxes that are boxes', async () => {
    const { seen } = await countFacesIn([photo('2'), photo('bad'), photo('x')], detector, thumbnail, encode);
    expect(seen.map(({ index, boxes }) => [index, boxes?.length ?? null])).toEqual([[0, 2], [2, null]]);
    expect(await seen[0]!.copy.text()).toBe('2');
    const hostile = async () => ({ faces: 2, boxes: [{ x: 0.5, y: 0.5, width: 0.9, height: 0.1 }, { x: 'a' }, boxes(1)[0], boxes(1)[0]] });
    const [only] = (await countFacesIn([photo('2')], hostile, thumbnail, encode)).seen;
    expect(only!.boxes).toHaveLength(2);
  });

  it(`counts at most ${MAX_PHOTOS_COUNTED} photos, and then cannot say 0`, async () => {
    const sent: Request[] = [];
    const many = Array.from({ length: MAX_PHOTOS_COUNTED + 5 }, () => photo('0'));
    expect(await total(many, async (request) => (sent.push(request), detector(request)), thumbnail)).toBe('unknown');
    expect(sent).toHaveLength(MAX_PHOTOS_COUNTED);
  });
});
