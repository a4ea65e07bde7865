/**
 * A small upright JPEG of a chosen photo, for counting faces (src/background/faces.ts). Runs in the content script,
 * so it uses only the browser: the photo is decoded here, turned the way its EXIF orientation says, scaled down
 * and re-encoded. The copy goes to the extension's own offscreen document and nowhere else.
 */
import { jpegSize } from '../core/photo/jpeg-size';
import { JPEG_HEAD_BYTES } from '../core/photo/metadata-range';
import type { ImageFormat } from '../core/photo/sniff';

/** Longest side of the copy: the detector looks at 416 px (tiny) or 512 px (SSD), so 640 px loses nothing. */
export const FACE_THUMBNAIL_MAX_SIDE = 640;
/** Files larger than this are not decoded in the page (a photo from a phone or camera is well under it). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;


interface DecodedFrame {
  close(): void;
}
interface ImageDecoderLike {
  decode(): Promise<{ image: DecodedFrame & CanvasImageSource }>;
  close(): void;
}
type ImageDecoderConstructor = new (init: { type: string; data: ReadableStream<Uint8Array>; desiredWidth: number; desiredHeight: number }) => ImageDecoderLike;

/**
 * The size to ask ImageDecoder for: a JPEG decoder scales while decoding only by eighths (1/8 … 8/8, each side
 * rounded up), and Chromium's ImageDecoder refuses any other size ("Failed to decode frame"). Asking for exactly
 * 640 px failed for every photo, so every large JPEG silently fell back to a whole decode (measured: 6000×4000,
 * 640×427 refused, 750×500 decoded). So: the smallest eighth whose longer side still covers `maxSide`; the canvas
 * scales the rest.
 */
export function jpegDecodeSize(stored: { width: number; height: number }, maxSide: number): { width: number; height: number } {
  const eighths = Math.min(8, Math.max(1, Math.ceil((maxSide * 8) / Math.max(stored.width, stored.height))));
  return { width: Math.ceil((stored.width * eighths) / 8), height: Math.ceil((stored.height * eighths) / 8) };
}

/**
 * A large JPEG decoded straight to the small size, with WebCodecs' ImageDecoder: a 24-megapixel photo takes about a
 * quarter of the time a full decode does (measured: ~21 against ~83 ms). Needs the stored size for the proportions,
 * from the frame header. The bitmap made from the frame is upright (the frame carries the EXIF rotation). Null when
 * this browser or page has no ImageDecoder (it needs a secure page) or the photo is small enough to decode whole.
 */
async function scaledDecode(file: File): Promise<ImageBitmap | null> {
  const Decoder = (globalThis as { ImageDecoder?: ImageDecoderConstructor }).ImageDecoder;
  if (!Decoder) return null;
  // The frame header follows the metadata segments, within the bytes read for the metadata.
  const stored = jpegSize(new Uint8Array(await file.slice(0, JPEG_HEAD_BYTES).arrayBuffer()));
  if (!stored || Math.max(stored.width, stored.height) <= 2 * FACE_THUMBNAIL_MAX_SIDE) return null;
  const size = jpegDecodeSize(stored, FACE_THUMBNAIL_MAX_SIDE);
  const decoder = new Decoder({ type: 'image/jpeg', data: file.stream(), desiredWidth: size.width, desiredHeight: size.height });
  try {
    const { image } = await decoder.decode();
    try {
      return await createImageBitmap(image);
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

/** The whole photo decoded by the browser, turned upright. */
const wholeDecode = (file: File) => createImageBitmap(file, { imageOrientation: 'from-image' });

/**
 * The photo as an upright JPEG whose longer side is at most {@link FACE_THUMBNAIL_MAX_SIDE}; null when the browser
 * cannot decode it (HEIC in Chromium, SVG, a corrupt or empty file). It is what the detector counts, and what the
 * "what a scraper sees" panel draws the faces on.
 */
export async function faceThumbnail(file: File, format?: ImageFormat): Promise<Blob | null> {
  if (file.size === 0 || file.size > MAX_FILE_BYTES) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = (format === 'jpeg' ? await scaledDecode(file).catch(() => null) : null) ?? (await wholeDecode(file));
  } catch {
    return null;
  }
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0) return null;
    const scale = Math.min(1, FACE_THUMBNAIL_MAX_SIDE / Math.max(width, height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
    const context = canvas.getContext('2d');
    if (!context) return null;
    // Transparent parts become white rather than JPEG's black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const copy = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return copy.size > 0 ? copy : null;
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
