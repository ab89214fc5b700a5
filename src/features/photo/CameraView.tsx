import { Show, createSignal, onCleanup, type JSX } from 'solid-js';
import { errorText } from '../../core/errors';
import { t, type StringKey } from '../../app/i18n';
import { setError } from '../../app/state';
import { classifyPhoto } from './photo';
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

const FAILURE_KEY: Record<CameraFailure, StringKey> = {
  denied: 'photo.cameraDenied',
  missing: 'photo.cameraMissing',
  timeout: 'photo.cameraTimeout',
  failed: 'photo.cameraFailed',
};

/**
 * Live rear-camera preview classified on every animation frame, a capture button that freezes
 * a frame, a camera switch; when the camera is denied, missing or slow, says so and offers a
 * file input that opens the phone's camera app instead.
 */
export function CameraView(props: { onFile: (file: File) => void; onStart?: () => void; children?: JSX.Element }) {
  const [state, setState] = createSignal<CameraState>('idle');
  const [failure, setFailure] = createSignal<CameraFailure | null>(null);
  const [cameras, setCameras] = createSignal<string[]>([]);
  let video!: HTMLVideoElement;
  const frameCanvas = document.createElement('canvas');
  let stream: MediaStream | null = null;
  let facing: 'environment' | 'user' = 'environment';
  let cameraIndex = 0;
  let frame = 0;

  const classifyFrame = (): void =>
    void classifyPhoto(() => grabFrame(video, frameCanvas), performance.now(), { live: true });
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
    setError({ key: 'photo.cameraError', params: { detail: t(FAILURE_KEY[kind], { detail: errorText(err) }) } });
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
          aria-label={t('photo.cameraVideo')}
        />
      </div>
      <p class="camera__status" role="status">
        {state() === 'starting'
          ? t('photo.cameraStarting')
          : state() === 'live'
            ? t('photo.cameraLive')
            : state() === 'frozen'
              ? t('photo.cameraFrozen')
              : ''}
      </p>
      <CameraControls
        state={state()}
        onStart={() => void start()}
        onCapture={capture}
        onResume={() => void resume()}
        onSwitch={switchCamera}
        onStop={() => stop()}
      >
        {props.children}
      </CameraControls>
      <Show when={failure()}>
        <CameraFallback onFile={props.onFile} />
      </Show>
    </div>
  );
}
