import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { outputLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { modelId } from '../../app/state';
import { PHOTO_MODEL_ID, photoVerdict } from './photo';
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

/**
 * The photo card: live camera (or its file fallback), drag and drop of image files anywhere on
 * the page, Prenda's verdict and the preprocessing steps. The toolbar's Photo button feeds the
 * same path. `onPhoto` runs when a photo replaces the current input.
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
    <section
      class="card photo"
      classList={{ 'photo--drop': dragging() }}
      data-testid="photo-panel"
      aria-labelledby="photo-heading"
    >
      <h2 id="photo-heading" class="eyebrow">
        {t('photo.photoTitle')}
      </h2>
      <p class="photo__intro">{dragging() ? t('photo.dropHere') : t('photo.photoIntro')}</p>
      <CameraView onStart={props.onPhoto} onFile={(file) => void classifyPhotoFile(file, props.onPhoto)} />
      <PhotoVerdict />
      <PhotoSteps />
      <Show when={photoVerdict() && modelId() === PHOTO_MODEL_ID}>
        <p class="photo__note">{t('photo.photoModel')}</p>
      </Show>
    </section>
  );
}
