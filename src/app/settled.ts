// "After the first answer, when the browser is idle": the moment the app starts what the first
// screen does not need (the panels below the pad, the GPU warm-up worker), so none of it competes
// with the shell, tfjs and the model for the network and the main thread before the first prediction.
// Panels also wait for a quiet pad (`whenPadQuiet`): rendering one is a long task on a phone, and
// a long task in the middle of a stroke is a visible stall of the ink and the bars.
import { createEffect, createRoot } from 'solid-js';
import { engineState } from './state';

/** How long an idle callback may wait for a quiet moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 1500;
/** No pointer input for this long (and no stroke in progress) counts as a quiet pad. */
export const PAD_QUIET_MS = 1000;
/** A stroke with no pointer event for this long is taken as over (its pointerup got lost). */
const STROKE_STUCK_MS = 10_000;

/** Runs `run` when the main thread is idle (requestIdleCallback; a short timeout where it is missing). */
export function whenIdle(run: () => void, timeout = IDLE_TIMEOUT_MS): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout });
  else setTimeout(run, 200);
}

// Pointer activity, page-wide: a press (mouse button, finger, pen) starts a stroke, moves while
// pressed keep it going. Hovering a mouse is not drawing and does not count. Capture and passive:
// seen before the pad handles the event, and never delays it.
let lastInput = -Infinity;
let pressed = false;
if (typeof addEventListener === 'function') {
  const opts = { capture: true, passive: true } as const;
  const touch = (): void => void (lastInput = performance.now());
  addEventListener('pointerdown', () => ((pressed = true), touch()), opts);
  addEventListener('pointermove', (e) => (pressed || e.buttons !== 0) && touch(), opts);
  for (const end of ['pointerup', 'pointercancel'] as const)
    addEventListener(end, () => ((pressed = false), touch()), opts);
}

/** Whether a stroke is in progress: a press that has not ended (nor gone silent for long). */
export function strokeInProgress(now = performance.now()): boolean {
  return pressed && now - lastInput < STROKE_STUCK_MS;
}

/** Milliseconds until the pad counts as quiet (≤ 0: quiet now). */
export function padQuietIn(now = performance.now()): number {
  const since = now - lastInput;
  if (strokeInProgress(now)) return Math.max(PAD_QUIET_MS - since, PAD_QUIET_MS / 4);
  return PAD_QUIET_MS - since;
}

/**
 * Runs `run` when the browser is idle and the pad is quiet: no stroke in progress and no pointer
 * input for {@link PAD_QUIET_MS}. An idle callback that fires on its timeout mid-stroke does not
 * run it: it checks again once the pad may be quiet.
 */
export function whenPadQuiet(run: () => void): void {
  const attempt = (): void =>
    whenIdle(() => {
      const wait = padQuietIn();
      if (wait <= 0) run();
      else setTimeout(attempt, wait);
    });
  attempt();
}

/** Resolves once the browser has rendered a frame (style, layout, paint) after now; in a hidden tab, after a second. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

/**
 * Runs `render` and records how long it took as the user-timing measure `prenda:render:<name>`
 * (seen in DevTools and in Lighthouse's trace), so each deferred slice of the first screen can be
 * told apart when looking for long tasks. Without a name it only runs `render`.
 */
export function timed(name: string | undefined, render: () => void): void {
  if (!name || typeof performance === 'undefined' || typeof performance.measure !== 'function') return render();
  const start = performance.now();
  render();
  performance.measure(`prenda:render:${name}`, { start, end: performance.now() });
}

let paints: Promise<void> = Promise.resolve();

/**
 * Runs `run` once the first screen has painted, in a task of its own, after the runs queued before
 * it with a rendered frame between each: the parts of the first screen below what the user sees
 * first come one small task at a time instead of one long one.
 */
export function afterPaintInTurn(run: () => void): Promise<void> {
  paints = paints.then(afterPaint).then(run);
  return paints;
}

let turns: Promise<void> = Promise.resolve();

/**
 * One deferred panel at a time: waits for the turns queued before, runs `prepare` (fetch and
 * evaluate the panel's code: a task of its own), then `run` (the render) when the browser is idle and
 * the pad quiet ({@link whenPadQuiet}), then lets a frame render before the next turn starts. Panels
 * that started together made one long task of their renders and another of their layout: at 4× CPU
 * (a phone) 100–300 ms each, Lighthouse's total blocking time.
 */
export function inTurn(prepare: () => Promise<unknown> | undefined, run: () => void): Promise<void> {
  turns = turns.then(async () => {
    // A chunk that fails to load is reported by the panel's own render (lazy rejects there).
    await Promise.resolve(prepare()).catch(() => undefined);
    await new Promise<void>((resolve) => whenPadQuiet(resolve));
    run();
    await afterPaint();
  });
  return turns;
}

/**
 * Resolves once the first answer is in and every deferred panel queued by then (and the slices
 * their renders queue in turn) has rendered: the moment for background work such as the service
 * worker's first install, so its downloads never compete with the first screen.
 */
export async function afterPanels(): Promise<void> {
  await afterFirstAnswer();
  // The panels queue their turns as the first answer resolves: let those callbacks run first.
  await afterPaint();
  let seen: Promise<void>;
  do {
    seen = turns;
    await seen;
  } while (seen !== turns);
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
