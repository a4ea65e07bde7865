/**
 * A small upright JPEG of a chosen photo, for counting faces (src/background/faces.ts). Runs in the content script,
 * so it uses only the browser: the photo is decoded here, turned the way its EXIF orientation says, scaled down
 * and re-encoded. The copy goes to the extension's own offscreen document and nowhere else.
 */

/** Longest side of the copy: the detector looks at 416 px (tiny) or 512 px (SSD), so 640 px loses nothing. */
export const FACE_THUMBNAIL_MAX_SIDE = 640;
/** Files larger than this are not decoded in the page (a photo from a phone or camera is well under it). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function base64Of(blob: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma > 0 && comma < url.length - 1 ? url.slice(comma + 1) : null);
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });
}

/**
 * The photo as an upright JPEG whose longer side is at most {@link FACE_THUMBNAIL_MAX_SIDE}, base64 without a
 * `data:` prefix; null when the browser cannot decode it (HEIC in Chromium, SVG, a corrupt or empty file).
 */
export async function faceThumbnail(file: File): Promise<string | null> {
  if (file.size === 0 || file.size > MAX_FILE_BYTES) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
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
    return await base64Of(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
