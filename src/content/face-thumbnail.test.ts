import { describe, expect, it } from 'vitest';
import { jpegDecodeSize } from './face-thumbnail';

describe('jpegDecodeSize', () => {
  it('asks for the smallest eighth of the photo that still covers 640 px', () => {
    expect(jpegDecodeSize({ width: 6000, height: 4000 }, 640)).toEqual({ width: 750, height: 500 });
    expect(jpegDecodeSize({ width: 4000, height: 6000 }, 640)).toEqual({ width: 500, height: 750 });
    // 4032×3024 (a phone): 1/8 is 504 px, too small; 2/8 is 1008.
    expect(jpegDecodeSize({ width: 4032, height: 3024 }, 640)).toEqual({ width: 1008, height: 756 });
  });

  it('rounds each side up, as the decoder does', () => {
    expect(jpegDecodeSize({ width: 6001, height: 4001 }, 640)).toEqual({ width: 751, height: 501 });
  });

  it('never asks for more than the stored size', () => {
    expect(jpegDecodeSize({ width: 600, height: 400 }, 640)).toEqual({ width: 600, height: 400 });
    expect(jpegDecodeSize({ width: 1000, height: 500 }, 640)).toEqual({ width: 750, height: 375 });
  });
});
