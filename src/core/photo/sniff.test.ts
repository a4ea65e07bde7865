import { describe, expect, it } from 'vitest';
import { classifyFile, sniffImageFormat } from './sniff';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffImageFormat', () => {
  it('recognises common photo formats from their first bytes', () => {
    expect(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(sniffImageFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('png');
    expect(sniffImageFormat(text('GIF89a....'))).toBe('gif');
    expect(sniffImageFormat(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(text('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic'))).toBe('heic');
    expect(sniffImageFormat(text('\u0000\u0000\u0000\u001cftypavif\u0000\u0000\u0000\u0000avifmif1'))).toBe('avif');
  });

  it('does not call a video or a document an image', () => {
    expect(sniffImageFormat(text('\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000isommp42'))).toBeNull();
    expect(sniffImageFormat(text('%PDF-1.7'))).toBeNull();
    expect(sniffImageFormat(text('hello, world'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array())).toBeNull();
  });
});

describe('classifyFile', () => {
  it('trusts the bytes over an empty or wrong type', () => {
    expect(classifyFile('', bytes(0xff, 0xd8, 0xff, 0xdb))).toBe('jpeg');
    expect(classifyFile('application/octet-stream', bytes(0xff, 0xd8, 0xff, 0xdb))).toBe('jpeg');
    expect(classifyFile('image/png', text('just some text'))).toBeNull();
  });

  it('accepts SVG by its declared type, since it has no magic number', () => {
    expect(classifyFile('image/svg+xml', text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
  });
});
