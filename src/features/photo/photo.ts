import { createEffect, createMemo, createRoot, createSignal } from 'solid-js';
import { preprocessPhoto, type PhotoSteps } from '../../core/photo/pipeline';
import { verdictOf, type Verdict } from '../../core/photo/verdict';
import type { RgbaImage } from '../../core/preprocess';
import { selectModel } from '../../app/engine';
import { params } from '../../app/params';
import { engineState, error, input, modelId, models, probs, setDoubtful, setError } from '../../app/state';
import { submit } from '../../app/predict-loop';
import { activeVersion } from '../../app/user-model';

/** The model photos are classified with when the manifest has it. */
export const PHOTO_MODEL_ID = 'photo';

/** Steps of the latest photo (photo → mask → crop → 28×28), or null. */
export const [photoSteps, setPhotoSteps] = createSignal<PhotoSteps | null>(null);

let switched = false;

/**
 * Moves to the photo model once, the first time a photo arrives, unless the user chose a
 * model in the URL (`?model=`) or is using a retrained version of their own (switching would
 * drop it); a later choice in the model picker is respected.
 */
export async function usePhotoModel(): Promise<void> {
  if (switched || params.model || activeVersion() !== null || models().length === 0) return;
  switched = true;
  // Switching while the backend still boots would find no backend: let the first model load.
  while (engineState() === 'loading') await new Promise((r) => setTimeout(r, 50));
  if (modelId() !== PHOTO_MODEL_ID && models().some((m) => m.id === PHOTO_MODEL_ID)) await selectModel(PHOTO_MODEL_ID);
}

/**
 * Classifies a photo: `grab` yields its pixels when the frame comes (a camera grabs the newest
 * video frame then), the core preprocessing turns it into the 28×28 input and keeps the steps.
 */
export async function classifyPhoto(grab: () => RgbaImage | null, eventTime: number): Promise<void> {
  await usePhotoModel();
  submit({
    eventTime,
    produce: () => {
      const image = grab();
      if (!image) return input();
      const steps = preprocessPhoto(image);
      setPhotoSteps(steps);
      // A photo that worked replaces the complaint about the previous one.
      if (error()?.key === 'photo.photoError' || error()?.key === 'photo.cameraError') setError(null);
      return steps.input;
    },
  });
}

/** Forgets the photo (e.g. when the user draws again). */
export const clearPhoto = (): void => void setPhotoSteps(null);

/** True while the classified input is the latest photo's (not a drawing made since). */
export const photoActive = createMemo(() => {
  const steps = photoSteps();
  return steps !== null && steps.input === input();
});

/** Prenda's answer for the photo, "not sure" included, or null when no photo is shown. */
export const photoVerdict = createMemo<Verdict | null>(() => {
  const steps = photoSteps();
  if (!steps || !photoActive()) return null;
  if (!steps.input) return { top: -1, confidence: 0, entropy: 1, sure: false, reason: 'noGarment' };
  const p = probs();
  return p ? verdictOf(p, steps.quality) : null;
});

// The answer card (in the app shell, without the photo code) words a doubtful top class as one.
createRoot(() => createEffect(() => setDoubtful(photoVerdict()?.reason === 'lowConfidence')));

/** The photo whose 28×28 input is the one classified now, or null (no photo, or a drawing since). */
export function shownPhoto(): RgbaImage | null {
  return photoActive() ? (photoSteps()?.photo ?? null) : null;
}
