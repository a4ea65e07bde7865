import { describe, expect, it } from 'vitest';
import { validateReport } from './validate-report';

const report = (faces: unknown) => ({
  path: 'file-input',
  photos: [{ name: 'a.jpg', type: 'image/jpeg', size: 10, format: 'jpeg', metadataBytes: '' }],
  pageLicence: null,
  visibility: 'public',
  faces,
});

describe("the background's view of an upload report", () => {
  it('keeps a face count, or that it is pending', () => {
    expect(validateReport(report(2))?.faces).toBe(2);
    expect(validateReport(report(0))?.faces).toBe(0);
    expect(validateReport(report('pending'))?.faces).toBe('pending');
  });

  it('turns anything else into unknown', () => {
    for (const faces of [undefined, -1, 1.5, Number.NaN, 1e9, '3', null, { faces: 1 }]) expect(validateReport(report(faces))?.faces).toBe('unknown');
  });
});
