import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageCandidates, imagesInText, looksLikeImage, withImagesReplaced } from './body-images';

const PHOTOS = join(import.meta.dirname, '../../e2e/fixtures/photos');
const jpeg = new Uint8Array(readFileSync(join(PHOTOS, 'beach.jpg')));
const png = new Uint8Array(readFileSync(join(PHOTOS, 'portrait.png')));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const head = async (blob: Blob) => new Uint8Array(await blob.slice(0, 12).arrayBuffer());

describe('image candidates in a request body', () => {
  it('knows the formats by their first bytes', () => {
    expect(looksLikeImage(jpeg.subarray(0, 12))).toBe(true);
    expect(looksLikeImage(png.subarray(0, 12))).toBe(true);
    expect(looksLikeImage(new TextEncoder().encode('%PDF-1.7 ....'))).toBe(false);
    expect(looksLikeImage(new TextEncoder().encode('RIFF....WAVEfmt '))).toBe(false);
  });

  it('takes every Blob and File, and bytes that start like an image', async () => {
    const file = new File([jpeg], 'a.jpg');
    expect(imageCandidates(file)).toEqual([file]);
    const [fromBuffer] = imageCandidates(jpeg.buffer);
    expect(await head(fromBuffer!)).toEqual(jpeg.subarray(0, 12));
    expect(imageCandidates(new DataView(png.buffer))).toHaveLength(1);
    expect(imageCandidates(new Uint8Array(4096).fill(7))).toEqual([]);
  });

  it('finds base64 photos in JSON, as data URLs and bare, and in form fields', async () => {
    const json = JSON.stringify({ name: 'me', avatar: `data:image/jpeg;base64,${base64(jpeg)}`, crop: base64(png) });
    const found = imageCandidates(json);
    expect(found).toHaveLength(2);
    expect(await head(found[0]!)).toEqual(jpeg.subarray(0, 12));
    expect(await head(found[1]!)).toEqual(png.subarray(0, 12));
    // JSON may escape its slashes.
    expect(imagesInText(JSON.stringify({ p: base64(jpeg) }).replace(/\//g, '\\/'))).toHaveLength(1);
    const form = new FormData();
    form.append('caption', 'hello');
    form.append('photo', new Blob([jpeg]), 'selfie.jpg');
    form.append('thumb', `data:image/png;base64,${base64(png)}`);
    expect(imageCandidates(form)).toHaveLength(2);
    expect(imageCandidates(new URLSearchParams({ image: base64(jpeg) }))).toHaveLength(1);
  });

  it('finds nothing in bodies that hold no photo', () => {
    expect(imageCandidates(JSON.stringify({ text: 'x'.repeat(5000), list: [1, 2, 3] }))).toEqual([]);
    expect(imageCandidates('just some text')).toEqual([]);
    // Base64 of something else, and a tiny tracking pixel.
    expect(imageCandidates(JSON.stringify({ doc: Buffer.from('%PDF-1.7\n' + 'y'.repeat(3000)).toString('base64') }))).toEqual([]);
    expect(imageCandidates(new Blob([new Uint8Array(100)]))).toEqual([]);
    expect(imageCandidates(null)).toEqual([]);
    expect(imageCandidates(42)).toEqual([]);
  });
});

describe('a body with its photos replaced by the prepared copies', () => {
  const cleaned = new Blob([png]);

  it('puts the copy in place of a Blob, of bytes, and of a FormData file, keeping the rest', async () => {
    expect(await withImagesReplaced(new Blob([jpeg]), [cleaned])).toBe(cleaned);
    expect(new Uint8Array((await withImagesReplaced(jpeg.buffer, [cleaned])) as ArrayBuffer)).toEqual(png);
    const form = new FormData();
    form.append('caption', 'hello');
    form.append('photo', new Blob([jpeg]), 'selfie.jpg');
    const rebuilt = (await withImagesReplaced(form, [cleaned])) as FormData;
    expect(rebuilt.get('caption')).toBe('hello');
    const photo = rebuilt.get('photo') as File;
    expect(photo.name).toBe('selfie.jpg');
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(png);
  });

  it('re-encodes base64 in place, in data URLs and bare, and leaves what is not replaced', async () => {
    const json = JSON.stringify({ a: `data:image/jpeg;base64,${base64(jpeg)}`, b: base64(jpeg), n: 1 });
    const rebuilt = JSON.parse((await withImagesReplaced(json, [null, cleaned])) as string) as { a: string; b: string; n: number };
    expect(rebuilt.a).toBe(`data:image/jpeg;base64,${base64(jpeg)}`);
    expect(rebuilt.b).toBe(base64(png));
    expect(rebuilt.n).toBe(1);
  });

  it('returns the very body when nothing is replaced', async () => {
    const body = new Blob([jpeg]);
    expect(await withImagesReplaced(body, [null])).toBe(body);
    expect(await withImagesReplaced('text', [])).toBe('text');
  });
});
