import { Show, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { afterFirstAnswer, whenPadQuiet } from './settled';

/** How far below (or above) the viewport a placeholder starts loading its panel. */
const NEAR_VIEW = '300px';

/**
 * Renders `children` (a lazy panel the first screen does not need) only once one of these happens:
 * `when` becomes true (the user asked for it), the user scrolls its placeholder near the viewport,
 * or the app has given its first answer, the browser is idle and the pad is quiet (never while the
 * user draws: a panel's render is a long task on a phone). Until then an
 * empty placeholder (with `id`, so a link to the panel's anchor still lands there) stands in its place.
 */
export function Later(props: { when?: boolean; id?: string; children: JSX.Element }) {
  const [due, setDue] = createSignal(false);
  let placeholder: HTMLDivElement | undefined;
  let observer: IntersectionObserver | undefined;
  const load = (): void => {
    observer?.disconnect();
    setDue(true);
  };
  // Watching starts with the first scroll or the first answer, so the first prediction never waits
  // for a panel's code (a placeholder in view on a big screen waits for the first answer too).
  const watch = (): void => {
    if (due() || observer || !placeholder || typeof IntersectionObserver !== 'function') return;
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
      rootMargin: NEAR_VIEW,
    });
    observer.observe(placeholder);
  };
  onMount(() => {
    // Each panel waits for its own idle moment, so they render in separate short tasks, not one long
    // one. Phones too: every test id of the contract must exist without scrolling once the first
    // answer is in (outside checks drive the app by them); a stroke in progress postpones them.
    void afterFirstAnswer().then(() => whenPadQuiet(load));
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
