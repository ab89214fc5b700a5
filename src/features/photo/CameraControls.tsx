import { Show, type JSX } from 'solid-js';
import { t } from '../../app/i18n';
import type { CameraState } from './camera';
import { Icon } from '../../ui/Icon';

/** Props of {@link CameraControls}. */
export interface CameraControlsProps {
  state: CameraState;
  onStart: () => void;
  onCapture: () => void;
  onResume: () => void;
  onSwitch: () => void;
  onStop: () => void;
  /** Shown after the start button while the camera is off (the stage's way to the album). */
  children?: JSX.Element;
}

/** Start, or capture / live again, switch and stop, as the camera's state allows. */
export function CameraControls(props: CameraControlsProps) {
  const on = () => props.state === 'live' || props.state === 'frozen' || props.state === 'starting';
  return (
    <div class="camera__actions">
      <Show
        when={on()}
        fallback={
          <>
            {/* Secondary: the big "take or choose a photo" above is the first choice (the phone's own camera). */}
            <button type="button" class="btn" data-testid="camera-start" onClick={() => props.onStart()}>
              <Icon name="photo" />
              <span>{t('photo.cameraStart')}</span>
            </button>
            {props.children}
          </>
        }
      >
        <Show
          when={props.state === 'frozen'}
          fallback={
            <button
              type="button"
              class="btn btn--primary"
              data-testid="camera-capture"
              disabled={props.state !== 'live'}
              onClick={() => props.onCapture()}
            >
              {t('photo.cameraCapture')}
            </button>
          }
        >
          <button type="button" class="btn btn--primary" data-testid="camera-retake" onClick={() => props.onResume()}>
            {t('photo.cameraRetake')}
          </button>
        </Show>
        <button type="button" class="btn" data-testid="camera-switch" onClick={() => props.onSwitch()}>
          {t('photo.cameraSwitch')}
        </button>
        <button type="button" class="btn btn--quiet" data-testid="camera-stop" onClick={() => props.onStop()}>
          {t('photo.cameraStop')}
        </button>
      </Show>
    </div>
  );
}

/** The way out when the camera cannot run: a file input that opens the phone's camera app. */
export function CameraFallback(props: { onFile: (file: File) => void }) {
  return (
    <label class="btn btn--file camera__fallback">
      <input
        type="file"
        accept="image/*"
        capture="environment"
        class="visually-hidden"
        data-testid="camera-fallback"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) props.onFile(file);
          e.currentTarget.value = '';
        }}
      />
      <Icon name="photo" />
      <span>{t('photo.takePhoto')}</span>
    </label>
  );
}
