import { Show, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { afterFirstAnswer, afterPaintInTurn, inTurn, strokeInProgress, timed, whenPadQuiet } from './settled';

/** How far below (or above) the viewport a placeholder starts loading its panel. */
const NEAR_VIEW = '300px';

/**
 * Renders `children` (a lazy panel the first screen does not need) only once one of these happens:
 * `when` becomes true (the user asked for it), the user scrolls its placeholder near the viewport,
 * or the app has given its first answer and it is this panel's turn (see {@link inTurn}: one panel at
 * a time, each when the browser is idle and the pad quiet, never while the user draws). `load` (a
 * lazy component's `preload`) fetches and evaluates the panel's code first, so the render itself is
 * the only work of its task. Until then an empty placeholder (with `id`, so a link to the panel's
 * anchor still lands there) stands in its place.
 */
export function Later(props: {
  when?: boolean;
  id?: string;
  /** Names the render's user-timing measure (`prenda:render:<name>`, see {@link timed}). */
  name?: string;
  load?: () => Promise<unknown>;
  children: JSX.Element;
}) {
  const [due, setDue] = createSignal(false);
  let placeholder: HTMLDivElement | undefined;
  let observer: IntersectionObserver | undefined;
  const show = (): void => {
    observer?.disconnect();
    timed(props.name, () => setDue(true));
  };
  // Watching starts with the first scroll or the first answer, so the first prediction never waits
  // for a panel's code (a placeholder in view on a big screen waits for the first answer too).
  const watch = (): void => {
    if (due() || observer || !placeholder || typeof IntersectionObserver !== 'function') return;
    // Scrolled near, it renders at once, unless a stroke is in progress (a long task mid-stroke is a
    // visible stall of the ink): then once the pad is quiet.
    const near = (): void => (strokeInProgress() ? whenPadQuiet(() => !due() && show()) : show());
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && near(), {
      rootMargin: NEAR_VIEW,
    });
    observer.observe(placeholder);
  };
  onMount(() => {
    // Phones too: every test id of the contract must exist without scrolling once the first answer
    // is in (outside checks drive the app by them); a stroke in progress postpones them.
    void afterFirstAnswer().then(() =>
      inTurn(
        () => (due() || props.when ? undefined : props.load?.()),
        () => !due() && show(),
      ),
    );
    addEventListener('scroll', watch, { once: true, passive: true });
  });
  onCleanup(() => {
    removeEventListener('scroll', watch);
    observer?.disconnect();
  });
  return (
    <Show when={due() || props.when} fallback={<div ref={(el) => (placeholder = el)} id={props.id} class="later" />}>
      {props.children}
    </Show>
  );
}

/**
 * Renders `children` a moment later, in a task of its own: one slice of a heavy panel's first
 * render (its turn comes after the panels and slices queued before it, when the browser is idle and
 * the pad quiet, see {@link inTurn}), so no single render is a long task on a phone.
 */
export function Soon(props: { name?: string; children: JSX.Element }) {
  const [due, setDue] = createSignal(false);
  onMount(
    () =>
      void inTurn(
        () => undefined,
        () => timed(props.name, () => setDue(true)),
      ),
  );
  return <Show when={due()}>{props.children}</Show>;
}

/**
 * Renders `children` once the first screen has painted, in a task of its own (one per AfterPaint,
 * in document order, a frame between each, see {@link afterPaintInTurn}): for parts below what the
 * user sees first that appear without moving anything (the inspect card, the footer, the views
 * behind the nav), so the first render, the page's longest task on a phone, is shorter.
 */
export function AfterPaint(props: { name?: string; children: JSX.Element }) {
  const [due, setDue] = createSignal(false);
  onMount(() => void afterPaintInTurn(() => timed(props.name, () => setDue(true))));
  return <Show when={due()}>{props.children}</Show>;
}
