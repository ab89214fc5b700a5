import { createSignal } from 'solid-js';

/** The app's views: drawing pad, the workshop lab, and the evaluation on the test set. */
export type View = 'draw' | 'lab' | 'eval';

const VIEWS: readonly View[] = ['draw', 'lab', 'eval'];

/** The view named by `?view=` (docs/ui-contract-lab.md), or `draw`. */
export function viewFromSearch(search: string): View {
  const v = new URLSearchParams(search).get('view');
  return VIEWS.includes(v as View) ? (v as View) : 'draw';
}

const [current, setCurrent] = createSignal<View>(
  typeof location === 'undefined' ? 'draw' : viewFromSearch(location.search),
);

/** The view on screen. */
export const view = current;

/** Shows view `v` and records it in the address (so a reload or a shared link keeps it). */
export function setView(v: View): void {
  setCurrent(v);
  if (typeof history === 'undefined') return;
  const url = new URL(location.href);
  if (v === 'draw') url.searchParams.delete('view');
  else url.searchParams.set('view', v);
  history.replaceState(history.state, '', url);
  window.scrollTo({ top: 0 });
}
