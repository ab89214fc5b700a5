import { Show, createSignal, onCleanup } from 'solid-js';
import { setError } from '../../app/state';
import { classifyPhoto } from './photo';
import { tp, type PhotoKey } from './strings';
import {
  CameraError,
  closeCamera,
  grabFrame,
  openCamera,
  videoInputs,
  type CameraFailure,
  type CameraState,
} from './camera';
import { CameraControls, CameraFallback } from './CameraControls';

const FAILURE_KEY: Record<CameraFailure, PhotoKey> = {
  denied: 'cameraDenied',
  missing: 'cameraMissing',
  timeout: 'cameraTimeout',
  failed: 'cameraFailed',
};

/**
 * Live rear-camera preview classified on every animation frame, a capture button that freezes
 * a frame, a camera switch; when the camera is denied, missing or slow, says so and offers a
 * file input that opens the phone's camera app instead.
 */
export function CameraView(props: { onFile: (file: File) => void; onStart?: () => void }) {
  const [state, setState] = createSignal<CameraState>('idle');
  const [failure, setFailure] = createSignal<CameraFailure | null>(null);
  const [cameras, setCameras] = createSignal<string[]>([]);
  let video!: HTMLVideoElement;
  const frameCanvas = document.createElement('canvas');
  let stream: MediaStream | null = null;
  let facing: 'environment' | 'user' = 'environment';
  let cameraIndex = 0;
  let frame = 0;

  const classifyFrame = (): void => void classifyPhoto(() => grabFrame(video, frameCanvas), performance.now());
  const loop = (): void => {
    frame = 0;
    if (state() !== 'live') return;
    classifyFrame();
    frame = requestAnimationFrame(loop);
  };
  const stop = (next: CameraState = 'idle'): void => {
    cancelAnimationFrame(frame);
    closeCamera(stream);
    stream = null;
    if (video) video.srcObject = null;
    setState(next);
  };
  const fail = (err: unknown): void => {
    stop('failed');
    const kind = err instanceof CameraError ? err.failure : 'failed';
    setFailure(kind);
    const detail = err instanceof Error ? err.message : String(err);
    setError({ key: 'cameraError', params: { detail: tp(FAILURE_KEY[kind], { detail }) } });
  };
  const start = async (deviceId?: string): Promise<void> => {
    stop('starting');
    setFailure(null);
    try {
      stream = await openCamera(facing, deviceId);
      stream.getVideoTracks()[0]?.addEventListener('ended', () => fail(new CameraError('failed', 'ended')));
      video.srcObject = stream;
      await video.play();
      setState('live');
      props.onStart?.();
      setCameras(await videoInputs());
      loop();
    } catch (err) {
      fail(err);
    }
  };
  const capture = (): void => {
    cancelAnimationFrame(frame);
    video.pause();
    setState('frozen');
    classifyFrame();
  };
  const resume = async (): Promise<void> => {
    await video.play();
    setState('live');
    loop();
  };
  const switchCamera = (): void => {
    const ids = cameras();
    if (ids.length > 1) {
      cameraIndex = (cameraIndex + 1) % ids.length;
      void start(ids[cameraIndex]);
    } else {
      facing = facing === 'environment' ? 'user' : 'environment';
      void start();
    }
  };
  onCleanup(() => stop());

  const on = () => state() === 'live' || state() === 'frozen' || state() === 'starting';
  return (
    <div class="camera" data-testid="camera-status" data-state={state()}>
      <div class="camera__frame" hidden={!on()}>
        <video
          ref={(el) => (video = el)}
          data-testid="camera-video"
          playsinline
          muted
          autoplay
          aria-label={tp('cameraVideo')}
        />
      </div>
      <p class="camera__status" role="status">
        {state() === 'starting'
          ? tp('cameraStarting')
          : state() === 'live'
            ? tp('cameraLive')
            : state() === 'frozen'
              ? tp('cameraFrozen')
              : ''}
      </p>
      <CameraControls
        state={state()}
        onStart={() => void start()}
        onCapture={capture}
        onResume={() => void resume()}
        onSwitch={switchCamera}
        onStop={() => stop()}
      />
      <Show when={failure()}>
        <CameraFallback onFile={props.onFile} />
      </Show>
    </div>
  );
}
