import { batch, createEffect, createRoot, on } from 'solid-js';
import { errorText } from '../core/errors';
import { preprocess } from '../core/preprocess';
import type { InkAnswer } from '../ml/classify/protocol';
import { backendName, engineState, input, setError, setInput, setPredictMs, setProbs } from './state';
import { activeClassifier, interruption, recoverFromLoss, type ActiveClassifier } from './engine';
import { createFrameScheduler, type FrameSource, type Job } from './scheduler';

export type { Job } from './scheduler';

let lastJob: Job | null = null;

/** Shows "nothing to classify": no input, no bars. */
function showNothing(job: Job): void {
  clearTimeout(timingTimer);
  batch(() => {
    setInput(null);
    setProbs(null);
    setPredictMs(null);
  });
  performance.measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
}

/** How often the badge's "last prediction" time may change while answers stream in. */
const TIMING_EVERY_MS = 250;
let timingShownAt = -Infinity;
let timingTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows the latest prediction time at most every {@link TIMING_EVERY_MS} (the last one of a burst
 * always lands): while drawing, a text change per answer was a layout per answer for a number no
 * one can read at that rate.
 */
function showTiming(ms: number): void {
  clearTimeout(timingTimer);
  const wait = timingShownAt + TIMING_EVERY_MS - performance.now();
  if (wait > 0) return void (timingTimer = setTimeout(() => showTiming(ms), wait));
  timingShownAt = performance.now();
  setPredictMs(ms);
}

/** Writes one answer (input, bars) in a single batch: the DOM is touched once. */
function show(job: Job, answer: InkAnswer, start: number, end: number): void {
  performance.measure('prenda:predict', { start, end });
  batch(() => {
    setInput(answer.input);
    setProbs(answer.probs);
  });
  showTiming(end - start);
  // Solid has patched the bars synchronously by now.
  performance.measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
}

/** The model input and its answer for `job`, on `classifier`; null for nothing to classify. */
async function answer(job: Job, classifier: ActiveClassifier): Promise<InkAnswer | null> {
  if ('ink' in job) return classifier.predictInk(job.ink);
  if ('frame' in job) return frameAnswer(job.frame, classifier);
  const input = job.produce();
  if (!input) return null;
  // Shown at once: the preview of a photo or example does not wait for the model.
  setInput(input);
  return { input, probs: await classifier.predict(input) };
}

/**
 * A camera frame, preprocessed where the classifier runs (the worker: the page only grabs its
 * pixels); before the video has a frame, the input shown is classified again.
 */
async function frameAnswer(frame: FrameSource, classifier: ActiveClassifier): Promise<InkAnswer | null> {
  const image = frame.grab();
  if (!image) {
    const shown = input();
    return shown ? { input: shown, probs: await classifier.predict(shown) } : null;
  }
  const start = performance.now();
  const { steps, probs, preprocessMs } = await classifier.predictPhoto(image);
  performance.measure('prenda:photo-preprocess', {
    start,
    duration: preprocessMs,
    detail: { where: classifier.where },
  });
  frame.shown(steps);
  return steps.input && probs ? { input: steps.input, probs } : null;
}

async function classify(job: Job): Promise<void> {
  const start = performance.now();
  const classifier = activeClassifier();
  if (!classifier) {
    // Re-run once the engine is ready; meanwhile the preview shows the input.
    // A camera frame waits for the classifier: the pipeline runs where the classifier will.
    if ('frame' in job) return;
    const image = 'ink' in job ? job.ink.ink() : null;
    setInput(image ? preprocess(image) : 'produce' in job ? job.produce() : null);
    return;
  }
  try {
    const result = await Promise.race([answer(job, classifier), interruption()]);
    if (result) show(job, result, start, performance.now());
    else showNothing(job);
  } catch (err) {
    if (classifier !== activeClassifier()) {
      // Dropped mid-flight (model switch, GPU loss): lastJob re-runs on the next classifier.
      if (engineState() === 'ready' && lastJob) scheduler.submit(lastJob);
      return;
    }
    const name = backendName();
    const message = errorText(err);
    if (name === 'webgl' || name === 'webgpu') void recoverFromLoss(name, message);
    else setError({ key: 'app.predictError', params: { detail: message } });
  }
}

const scheduler = createFrameScheduler(classify);

/** Classifies `job` on the next animation frame; newer submissions replace unstarted ones. */
export function submit(job: Job): void {
  lastJob = job;
  scheduler.submit(job);
}

createRoot(() =>
  createEffect(
    on(engineState, (state) => {
      if (state === 'ready' && lastJob) scheduler.submit(lastJob);
    }),
  ),
);
