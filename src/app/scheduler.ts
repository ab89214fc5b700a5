import type { InkSource } from '../core/ink-mirror';
import type { PhotoSteps } from '../core/photo/pipeline';
import type { RgbaImage } from '../core/preprocess';

/** A camera frame to classify: `grab` reads its pixels (null: no frame yet), `shown` receives its steps. */
export interface FrameSource {
  grab(): RgbaImage | null;
  shown(steps: PhotoSteps): void;
}

/**
 * Something to classify, built when its turn comes: `produce` returns the 28×28 input itself
 * (examples, photos), or null for nothing to classify; `ink` is a drawing, whose pixels the
 * classifier reads and preprocesses where it runs (the worker), so the page only reads them;
 * `frame` is a camera frame, likewise preprocessed where the classifier runs.
 */
export type Job = {
  /** performance.now()-based time of the input event, for prenda:input-to-bars. */
  eventTime: number;
} & ({ produce: () => Float32Array | null } | { ink: InkSource } | { frame: FrameSource });

/** A coalescing runner: at most one job per animation frame, only the newest job survives. */
export interface FrameScheduler {
  /** Queues `job`, replacing any job not started yet. */
  submit(job: Job): void;
}

/**
 * Creates a {@link FrameScheduler} that runs jobs with `run`, one at a time. The first job of a
 * frame starts at once (a microtask after the input event, not a frame later: waiting for the
 * next frame cost up to 16 ms of latency); later ones wait for the next animation frame, and only
 * the newest of them runs.
 */
export function createFrameScheduler(
  run: (job: Job) => Promise<void>,
  requestFrame: (cb: () => void) => unknown = (cb) => requestAnimationFrame(cb),
  onError: (err: unknown) => void = (err) => console.error(err),
): FrameScheduler {
  let pending: Job | null = null;
  let running = false;
  /** A job has started since the last animation frame began. */
  let frameUsed = false;
  let frameRequested = false;
  let startQueued = false;

  const nextFrame = (): void => {
    frameRequested = false;
    frameUsed = false;
    schedule();
  };

  const start = async (): Promise<void> => {
    startQueued = false;
    const job = pending;
    if (!job || running || frameUsed) return schedule();
    pending = null;
    running = true;
    frameUsed = true;
    if (!frameRequested) {
      frameRequested = true;
      requestFrame(nextFrame);
    }
    try {
      await run(job);
    } catch (err) {
      onError(err);
    } finally {
      running = false;
      schedule();
    }
  };

  function schedule(): void {
    if (running || !pending || startQueued) return;
    if (frameUsed) {
      // nextFrame will come back here.
      if (!frameRequested) {
        frameRequested = true;
        requestFrame(nextFrame);
      }
      return;
    }
    startQueued = true;
    queueMicrotask(() => void start());
  }

  return {
    submit(job) {
      pending = job;
      schedule();
    },
  };
}
