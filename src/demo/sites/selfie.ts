/**
 * The demo's "selfie verification" step on a simulated dating site: a photo taken from the camera and sent by the
 * page's script, as real verification steps do. It runs the page-world code real pages get from the hook
 * (src/main-world/script-uploads.ts), on the site's simulated `fetch`, which goes nowhere. The camera is the
 * computer's own when the trainer ticks the box and allows it; otherwise a simulated one — the sample portrait,
 * drawn as a frame — stands in, tagged as a camera photo the way a real one would be.
 */
import browser from '../../shared/ext';
import { translatorFor } from '../../shared/i18n';
import { RELAY_EVENT, type RelayKind } from '../../shared/relay';
import { tagAsCameraPhoto } from '../../main-world/camera-tags';
import { watchFetch, watchOtherSenders, type RelayNatives } from '../../main-world/script-uploads';
import { loadSettings } from '../../ui/load-settings';

/** The simulated site's own network: it answers like a server and sends nothing anywhere. */
const site = { fetch: async (..._args: unknown[]) => new Response('{"verified":"pending"}', { status: 200 }) };

const natives: RelayNatives = {
  apply: Reflect.apply,
  relay: (input: unknown, kind: RelayKind) => window.dispatchEvent(new MouseEvent(RELAY_EVENT, { relatedTarget: input as EventTarget, detail: kind })),
  NativePromise: Promise,
  setTimer: (done, ms) => setTimeout(done, ms),
};
watchFetch(natives, site);
watchOtherSenders(natives);

const note = document.getElementById('camera-note');
const preview = document.getElementById('preview');
let translate = translatorFor('auto');
void loadSettings().then((settings) => {
  translate = translatorFor(settings.language);
});

/** A frame from the computer's camera; null when there is none or it was not allowed. */
async function realFrame(): Promise<HTMLCanvasElement | null> {
  const video = document.getElementById('camera') as HTMLVideoElement | null;
  if (!video || !navigator.mediaDevices?.getUserMedia) return null;
  try {
    video.srcObject ??= await navigator.mediaDevices.getUserMedia({ video: true });
    await video.play();
    for (let tries = 0; video.videoWidth === 0 && tries < 50; tries++) await new Promise((done) => setTimeout(done, 50));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    return canvas;
  } catch {
    return null;
  }
}

/** The simulated camera: the sample portrait as the frame. */
async function simulatedFrame(): Promise<HTMLCanvasElement> {
  const photo = await createImageBitmap(await (await fetch(browser.runtime.getURL('demo/photos/astronaut-portrait.jpg'))).blob());
  const canvas = document.createElement('canvas');
  canvas.width = photo.width;
  canvas.height = photo.height;
  canvas.getContext('2d')?.drawImage(photo, 0, 0);
  photo.close();
  return canvas;
}

async function takeSelfie(): Promise<void> {
  const wantsReal = (document.getElementById('real-camera') as HTMLInputElement | null)?.checked === true;
  const real = wantsReal ? await realFrame() : null;
  if (note) note.textContent = translate(real ? 'demo_site_selfie_used_real' : wantsReal ? 'demo_site_selfie_no_camera' : 'demo_site_selfie_used_simulated');
  const frame = real ?? (await simulatedFrame());
  const blob = await new Promise<Blob | null>((done) => frame.toBlob(done, 'image/jpeg', 0.9));
  if (!blob) return;
  // A real camera's frame is tagged by the camera-tags code as it is exported; the simulated one is tagged here.
  if (!real) tagAsCameraPhoto(blob);
  const image = document.createElement('img');
  image.alt = translate('demo_site_selfie_preview');
  image.src = URL.createObjectURL(blob);
  preview?.replaceChildren(image);
  const form = new FormData();
  form.append('selfie', blob, 'selfie.jpg');
  await site.fetch('/verify', { method: 'POST', body: form });
}

document.getElementById('take-selfie')?.addEventListener('click', () => void takeSelfie());
