import { fitInside } from '../../core/photo/raster';
import { errorText } from '../../core/errors';
import type { RgbaImage } from '../../core/preprocess';

/** Camera lifecycle, exposed as `data-state` of the `camera-status` test id. */
export type CameraState = 'idle' | 'starting' | 'live' | 'frozen' | 'failed';

/** Why the camera is not running. */
export type CameraFailure = 'denied' | 'missing' | 'timeout' | 'failed';

/** A camera failure with its cause, for the message. */
export class CameraError extends Error {
  constructor(
    readonly failure: CameraFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'CameraError';
  }
}

/** How long to wait for the user's answer and the first frame. */
export const CAMERA_TIMEOUT_MS = 15_000;

/**
 * Opens a camera stream: `deviceId` when given, else the rear camera if there is one
 * (facingMode ideal 'environment', so laptops still get their only camera).
 */
export async function openCamera(
  facing: 'environment' | 'user',
  deviceId?: string,
  timeoutMs = CAMERA_TIMEOUT_MS,
): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('missing', 'no mediaDevices');
  const video: MediaTrackConstraints = deviceId
    ? { deviceId: { exact: deviceId } }
    : { facingMode: { ideal: facing }, width: { ideal: 1280 }, height: { ideal: 720 } };
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const request = navigator.mediaDevices.getUserMedia({ video, audio: false });
  // A stream granted after the timeout must still be released.
  request.then((s) => timedOut && closeCamera(s)).catch(() => {});
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new CameraError('timeout', `${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([request, timeout]);
  } catch (err) {
    if (err instanceof CameraError) throw err;
    const name = err instanceof DOMException ? err.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('denied', name);
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraError('missing', name);
    throw new CameraError('failed', errorText(err));
  } finally {
    clearTimeout(timer);
  }
}

/** Stops every track of a stream (turns the camera light off). */
export function closeCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** Ids of the video inputs (labels need permission, ids are enough to switch). */
export async function videoInputs(): Promise<string[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d) => d.deviceId);
}

/** Copies the current video frame, shrunk to at most `maxSide` a side, as RGBA; null before the first frame. */
export function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, maxSide = 320): RgbaImage | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return null;
  const { width, height } = fitInside(video.videoWidth, video.videoHeight, maxSide);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}
