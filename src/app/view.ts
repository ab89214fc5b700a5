import { createSignal } from 'solid-js';
import { parseUrlParams, type View } from '../core/url-params';
import { params } from './params';

export type { View } from '../core/url-params';

/** The view named by `?view=` (docs/ui-contract-lab.md), or `draw`. */
export function viewFromSearch(search: string): View {
  return parseUrlParams(search).view ?? 'draw';
}

const [current, setCurrent] = createSignal<View>(params.view ?? 'draw');

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
