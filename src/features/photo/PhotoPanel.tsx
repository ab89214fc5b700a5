import { Show, createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import { outputLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { modelId } from '../../app/state';
import { Icon } from '../../ui/Icon';
import { PHOTO_MODEL_ID, photoVerdict, shownPhoto } from './photo';
import { CameraView } from './CameraView';
import { PhotoSteps } from './PhotoSteps';
import { classifyPhotoFile } from './photo-decode';
import './photo.css';

/** Prenda's answer for the photo: the garment, or "not sure" with the reason. */
function PhotoVerdict() {
  return (
    <Show when={photoVerdict()}>
      {(v) => (
        <p
          class="photo-verdict"
          classList={{ 'photo-verdict--unsure': !v().sure }}
          data-testid="photo-verdict"
          data-state={v().sure ? 'sure' : 'unsure'}
          data-reason={v().reason}
          aria-live="polite"
        >
          {v().reason === 'noGarment'
            ? t('photo.noGarment')
            : t(v().sure ? 'photo.sure' : 'photo.notSure', {
                name: outputLabel(v().top),
                p: format.percent(v().confidence, 0),
              })}
        </p>
      )}
    </Show>
  );
}

/** The photo shown in the pad's place: the working copy of the photo being classified. */
function ShownPhoto() {
  let canvas!: HTMLCanvasElement;
  createEffect(() => {
    const image = shownPhoto();
    if (!image) return;
    canvas.width = image.width;
    canvas.height = image.height;
    const data = new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
    canvas.getContext('2d')?.putImageData(data, 0, 0);
  });
  return (
    <div class="stage__photo" hidden={!shownPhoto()}>
      <canvas ref={(el) => (canvas = el)} data-testid="photo-shown" role="img" aria-label={t('photo.shownPhoto')} />
    </div>
  );
}

// Phones keep the steps one tap away (folded) so photo and answer fit the screen; desktops show them.
const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * The photo stage, in the pad's place in Photo mode: one big "take or choose a photo" control
 * (the phone offers its camera or gallery), the photo or live camera, Prenda's verdict, the
 * preprocessing steps one tap away, and a way to the album. Image files dropped anywhere on the
 * page are classified too. `onPhoto` runs when a photo replaces the current input.
 */
export function PhotoPanel(props: { onPhoto?: () => void }) {
  const [dragging, setDragging] = createSignal(false);
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const over = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(true);
  };
  const leave = (e: DragEvent): void => void (e.relatedTarget === null && setDragging(false));
  const drop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) void classifyPhotoFile(file, props.onPhoto);
  };
  const take = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void classifyPhotoFile(file, props.onPhoto);
  };
  onMount(() => {
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
  });
  onCleanup(() => {
    document.removeEventListener('dragover', over);
    document.removeEventListener('dragleave', leave);
    document.removeEventListener('drop', drop);
  });
  return (
    <div
      class="photo stage"
      classList={{ 'photo--drop': dragging(), 'stage--shown': shownPhoto() !== null }}
      data-testid="photo-panel"
      role="group"
      aria-label={t('photo.photoTitle')}
    >
      <ShownPhoto />
      <Show when={!shownPhoto()}>
        <p class="photo__intro">
          {/* Phones have no drag and drop: only a mouse or pen user is told about it. */}
          {dragging()
            ? t('photo.dropHere')
            : coarse
              ? t('photo.photoIntro')
              : `${t('photo.photoIntro')} ${t('photo.orDrop')}`}
        </p>
      </Show>
      <PhotoVerdict />
      <div class="stage__actions">
        <label class="btn btn--primary btn--file stage__take">
          <input type="file" accept="image/*" class="visually-hidden" data-testid="photo-take" onChange={take} />
          <Icon name="photo" />
          <span>{t('photo.takePhoto')}</span>
        </label>
      </div>
      {/* The live camera and the album: the second choices, side by side in one row under the big one. */}
      <CameraView onStart={props.onPhoto} onFile={(file) => void classifyPhotoFile(file, props.onPhoto)}>
        <a class="btn stage__album" href="#album">
          {t('photo.toAlbum')}
        </a>
      </CameraView>
      <Show when={photoVerdict()}>
        <details class="stage__steps" open={!coarse}>
          <summary>{t('photo.stepsTitle')}</summary>
          <PhotoSteps />
        </details>
      </Show>
      <Show when={photoVerdict() && modelId() === PHOTO_MODEL_ID}>
        <p class="photo__note">{t('photo.photoModel')}</p>
      </Show>
    </div>
  );
}
