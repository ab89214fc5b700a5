import type { Lang } from './classes';

/** Backends Prenda can run on, in fallback order. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** A tfjs backend name Prenda knows. */
export type BackendName = (typeof BACKENDS)[number];

/** The app's URL parameters (see docs/ui-contract.md); absent or invalid values are undefined. */
export interface UrlParams {
  backend?: BackendName;
  lang?: Lang;
  model?: string;
  /** `?safe=1`: start with the shipped model, read nothing stored, write nothing (the way out of broken storage). */
  safe?: true;
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
  if (q.get('safe') === '1') out.safe = true;
  return out;
}

/** The interface language for a device language tag: Spanish for `es*`, else English. */
export function langFor(deviceLanguage: string | undefined, override?: Lang): Lang {
  if (override) return override;
  return deviceLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
