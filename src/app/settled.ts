// "After the first answer, when the browser is idle": the moment the app starts what the first
// screen does not need (the panels below the pad, the GPU warm-up worker), so none of it competes
// with the shell, tfjs and the model for the network and the main thread before the first prediction.
import { createEffect, createRoot } from 'solid-js';
import { engineState } from './state';

/** How long an idle callback may wait for a quiet moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 1500;

/** Runs `run` when the main thread is idle (requestIdleCallback; a short timeout where it is missing). */
export function whenIdle(run: () => void, timeout = IDLE_TIMEOUT_MS): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout });
  else setTimeout(run, 200);
}

let firstAnswer: Promise<void> | undefined;

/**
 * Resolves once the engine first left `loading` (ready, or an error the user should see the rest
 * of the app with) and the browser then was idle. The same promise for every caller.
 */
export function afterFirstAnswer(): Promise<void> {
  firstAnswer ??= new Promise<void>((resolve) =>
    createRoot((dispose) =>
      createEffect(() => {
        if (engineState() === 'loading') return;
        dispose();
        whenIdle(resolve);
      }),
    ),
  );
  return firstAnswer;
}
