import type { Lang } from './classes';

/** Backends Prenda can run on, in fallback order. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** A tfjs backend name Prenda knows. */
export type BackendName = (typeof BACKENDS)[number];

/** The app's views: drawing pad, the workshop lab, and the evaluation on the test set. */
export const VIEWS = ['draw', 'lab', 'eval'] as const;

/** One of {@link VIEWS}. */
export type View = (typeof VIEWS)[number];

/**
 * The app's URL parameters (docs/ui-contract*.md); absent or invalid values are undefined.
 * `retrain` and `trainBackend` are for comparisons and benchmarks.
 */
export interface UrlParams {
  backend?: BackendName;
  lang?: Lang;
  model?: string;
  view?: View;
  /** `main`: retrain on the page instead of in a worker. */
  retrain?: 'main';
  /** Retrain on this backend even on a software GPU. */
  trainBackend?: BackendName;
  /** `?safe=1`: start with the shipped model, read nothing stored, write nothing (the way out of broken storage). */
  safe?: true;
  /** `?worker=0`: classify on the page instead of in a worker (the fallback path, for tests and comparisons). */
  worker?: false;
}

/** True when `name` is a known backend. */
export function isBackendName(name: string | null | undefined): name is BackendName {
  return (BACKENDS as readonly string[]).includes(name ?? '');
}

/** Parses `location.search`-style text into {@link UrlParams}. */
export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = {};
  const backend = q.get('backend');
  if (isBackendName(backend)) out.backend = backend;
  const lang = q.get('lang');
  if (lang === 'es' || lang === 'en') out.lang = lang;
  const model = q.get('model');
  if (model) out.model = model;
  const view = VIEWS.find((v) => v === q.get('view'));
  if (view) out.view = view;
  if (q.get('retrain') === 'main') out.retrain = 'main';
  const trainBackend = q.get('trainBackend');
  if (isBackendName(trainBackend)) out.trainBackend = trainBackend;
  if (q.get('safe') === '1') out.safe = true;
  if (q.get('worker') === '0') out.worker = false;
  return out;
}

/** The interface language for a device language tag: Spanish for `es*`, else English. */
export function langFor(deviceLanguage: string | undefined, override?: Lang): Lang {
  if (override) return override;
  return deviceLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
