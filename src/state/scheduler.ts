/** Something to classify: `produce` builds the model input when its frame comes. */
export interface Job {
  /** Returns the 28×28 input, or null when there is nothing to classify. */
  produce: () => Float32Array | null;
  /** performance.now()-based time of the input event, for prenda:input-to-bars. */
  eventTime: number;
}

/** A coalescing runner: at most one job per animation frame, only the newest job survives. */
export interface FrameScheduler {
  /** Queues `job`, replacing any job not started yet. */
  submit(job: Job): void;
}

/** Creates a {@link FrameScheduler} that runs jobs with `run`, one at a time. */
export function createFrameScheduler(
  run: (job: Job) => Promise<void>,
  requestFrame: (cb: () => void) => unknown = (cb) => requestAnimationFrame(cb),
  onError: (err: unknown) => void = (err) => console.error(err),
): FrameScheduler {
  let pending: Job | null = null;
  let frameRequested = false;
  let running = false;

  const schedule = (): void => {
    if (frameRequested || running || !pending) return;
    frameRequested = true;
    requestFrame(() => void frame());
  };

  const frame = async (): Promise<void> => {
    frameRequested = false;
    const job = pending;
    if (!job || running) return;
    pending = null;
    running = true;
    try {
      await run(job);
    } catch (err) {
      onError(err);
    } finally {
      running = false;
      schedule();
    }
  };

  return {
    submit(job) {
      pending = job;
      schedule();
    },
  };
}
