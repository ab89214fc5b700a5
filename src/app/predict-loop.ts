import { batch, createEffect, createRoot, on } from 'solid-js';
import { errorText } from '../core/errors';
import { backendName, engineState, setError, setInput, setPredictMs, setProbs } from './state';
import { activeClassifier, interruption, recoverFromLoss } from './engine';
import { createFrameScheduler, type Job } from './scheduler';

export type { Job } from './scheduler';

let lastJob: Job | null = null;

async function classify(job: Job): Promise<void> {
  const start = performance.now();
  const x = job.produce();
  setInput(x);
  if (!x) {
    batch(() => {
      setProbs(null);
      setPredictMs(null);
    });
    performance.measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
    return;
  }
  const classifier = activeClassifier();
  if (!classifier) return; // re-run once the engine is ready
  try {
    const p = await Promise.race([classifier.predict(x), interruption()]);
    const end = performance.now();
    performance.measure('prenda:predict', { start, end });
    batch(() => {
      setProbs(p);
      setPredictMs(end - start);
    });
    // Solid has patched the bars synchronously by now.
    performance.measure('prenda:input-to-bars', { start: job.eventTime, end: performance.now() });
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
