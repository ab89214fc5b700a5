import { batch, createEffect, createRoot, on } from 'solid-js';
import { errorText } from '../core/errors';
import { preprocess } from '../core/preprocess';
import type { InkAnswer } from '../ml/classify/protocol';
import { backendName, engineState, input, setError, setInput, setPredictMs, setProbs } from './state';
import { activeClassifier, interruption, recoverFromLoss, type ActiveClassifier } from './engine';
import { createFrameScheduler, type FrameSource, type Job } from './scheduler';
import { measure } from './timing';

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
  measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
}

/**
 * How often the badge's "last prediction" time may change while answers stream in: its text is the
 * one per-answer change that lays out the whole page (the badge's line has no fixed size), ≈ 10 ms
 * per layout at 4× (a trace of 150 moves); once a second is still a readable rate.
 */
const TIMING_EVERY_MS = 1000;
/** While drawing, the time shows once answers have paused this long (no layout of the page per answer). */
const DRAWING_PAUSE_MS = 250;
let timingShownAt = -Infinity;
let timingTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows the latest prediction time: for a drawing once its answers pause, otherwise at most every
 * {@link TIMING_EVERY_MS} (the last one of a burst always lands). A text change per answer was a
 * layout of the page per answer for a number no one can read at that rate.
 */
function showTiming(ms: number, drawing: boolean): void {
  clearTimeout(timingTimer);
  // A drawing's answers stop when the hand does: the time waits for that pause (camera frames never pause).
  if (drawing) return void (timingTimer = setTimeout(() => showTiming(ms, false), DRAWING_PAUSE_MS));
  const wait = timingShownAt + TIMING_EVERY_MS - performance.now();
  if (wait > 0) return void (timingTimer = setTimeout(() => showTiming(ms, false), wait));
  timingShownAt = performance.now();
  setPredictMs(ms);
}

/** Writes one answer (input, bars) in a single batch: the DOM is touched once. */
function show(job: Job, answer: InkAnswer, start: number, end: number): void {
  measure('prenda:predict', { start, end });
  batch(() => {
    setInput(answer.input);
    setProbs(answer.probs);
  });
  showTiming(end - start, 'ink' in job);
  // Solid has patched the bars synchronously by now.
  measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
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
  measure('prenda:photo-preprocess', {
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
