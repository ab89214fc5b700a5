import { batch, createEffect, createMemo, createRoot, createSignal, on } from 'solid-js';
import { preprocessPhoto, type PhotoSteps } from '../../core/photo/pipeline';
import { classifyWithTta, PHOTO_TTA } from '../../core/photo/tta';
import { verdictOf, type Verdict } from '../../core/photo/verdict';
import type { RgbaImage } from '../../core/preprocess';
import { classifyMany, selectModel } from '../../app/engine';
import { params } from '../../app/params';
import {
  engineState,
  error,
  input,
  modelId,
  models,
  probs,
  setDoubtful,
  setError,
  setPhotoInPad,
  setProbs,
} from '../../app/state';
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
 * Live camera frames are preprocessed where the classifier runs (its worker), off the page.
 */
export async function classifyPhoto(
  grab: () => RgbaImage | null,
  eventTime: number,
  { live = false }: { live?: boolean } = {},
): Promise<void> {
  await usePhotoModel();
  if (live) return submit({ eventTime, frame: { grab, shown: showSteps(true) } });
  submit({
    eventTime,
    produce: () => {
      const image = grab();
      if (!image) return input();
      const steps = preprocessPhoto(image);
      showSteps(false)(steps);
      return steps.input;
    },
  });
}

/** Shows a photo's steps (`live`: a camera frame, classified as is, without the test-time views). */
const showSteps =
  (live: boolean) =>
  (steps: PhotoSteps): void => {
    if (live) liveFrames.add(steps);
    setPhotoSteps(steps);
    // A photo that worked replaces the complaint about the previous one.
    if (error()?.key === 'photo.photoError' || error()?.key === 'photo.cameraError') setError(null);
  };

/** Forgets the photo (e.g. when the user draws again). */
export const clearPhoto = (): void => void setPhotoSteps(null);

/** True while the classified input is the latest photo's (not a drawing made since). */
export const photoActive = createMemo(() => {
  const steps = photoSteps();
  return steps !== null && steps.input === input();
});

/**
 * Steps of live camera frames: classified as is, frame after frame (six views per frame would
 * starve the live loop on a phone); a photo from a file or the share sheet gets every view.
 */
const liveFrames = new WeakSet<PhotoSteps>();

/** The last probabilities this module averaged over the test-time views (not to be averaged again). */
const [averaged, setAveraged] = createSignal<Float32Array | null>(null);

/**
 * Prenda's answer for the photo, "not sure" included, or null when no photo is shown or its
 * answer is not final yet: a photo's verdict waits for the mean over its views, so it never
 * flips from the first view's answer (and whoever reads it reads the final bars too).
 */
export const photoVerdict = createMemo<Verdict | null>(() => {
  const steps = photoSteps();
  if (!steps || !photoActive()) return null;
  if (!steps.input) return { top: -1, confidence: 0, entropy: 1, sure: false, reason: 'noGarment' };
  const p = probs();
  if (!p || (PHOTO_TTA.length > 1 && !liveFrames.has(steps) && p !== averaged())) return null;
  return verdictOf(p, steps.quality);
});

// A photo's answer is the mean over the test-time views (core/photo/tta.ts), as in the album,
// `npm run classify` and `npm run eval:photos`: once the loop has classified the photo as is,
// the views are classified in one batch and their mean replaces the bars, answer and verdict.
createRoot(() =>
  createEffect(
    on(probs, (p) => {
      const steps = photoSteps();
      if (PHOTO_TTA.length < 2 || !p || p === averaged() || !steps?.input || liveFrames.has(steps) || !photoActive())
        return;
      const x = steps.input;
      // Only if the same photo is still the one shown (no drawing or newer photo since).
      const current = () => photoSteps() === steps && input() === x;
      void classifyWithTta([x], classifyMany)
        .then(([mean]) => {
          if (mean && current())
            batch(() => {
              setAveraged(mean);
              setProbs(mean);
            });
        })
        // A model switch mid-way: the loop classifies the photo again (and this runs again);
        // otherwise the first view's answer stands rather than no answer at all.
        .catch(() => void (current() && probs() === p && setAveraged(p)));
    }),
  ),
);

// The answer card (in the app shell, without the photo code) words a doubtful top class as one.
createRoot(() => createEffect(() => setDoubtful(photoVerdict()?.reason === 'lowConfidence')));

/** The photo whose 28×28 input is the one classified now, or null (no photo, or a drawing since). */
export function shownPhoto(): RgbaImage | null {
  return photoActive() ? (photoSteps()?.photo ?? null) : null;
}

// The drawing toolbar (in the shell, without the photo code) offers "Remove photo" while one is shown.
createRoot(() => createEffect(() => setPhotoInPad(shownPhoto() !== null)));
