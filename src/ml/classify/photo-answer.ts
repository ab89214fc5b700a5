// One camera frame, preprocessed and classified: the same steps in the classification worker and
// on the page path, so both answer alike and time the pipeline alike.
import { preprocessPhoto } from '../../core/photo/pipeline';
import type { RgbaImage } from '../../core/preprocess';
import type { PhotoAnswer } from './protocol';

/** Runs the photo pipeline on `image` (timed) and classifies its 28×28 input with `predict` when a garment was found. */
export async function photoAnswer(
  image: RgbaImage,
  predict: (input: Float32Array) => Promise<Float32Array>,
): Promise<PhotoAnswer> {
  const start = performance.now();
  const steps = preprocessPhoto(image);
  const preprocessMs = performance.now() - start;
  return { steps, probs: steps.input && (await predict(steps.input)), preprocessMs };
}
