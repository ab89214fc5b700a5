// What the service worker and the page share: asset groups, messages, where shared files wait.
// Pure (no DOM or worker types): the SW, the page and the build import it.

/** Groups of assets, in the order a UI would list them. Only `core` is precached at install. */
export const ASSET_GROUPS = ['core', 'models', 'test-set', 'replay', 'lazy'] as const;

/**
 * `core`: shell, default and photo models, tfjs up to the first prediction, one wasm binary;
 * `models`: the other models; `test-set`: the 10,000 Fashion-MNIST test images (Evaluation);
 * `replay`: the replay images retraining mixes in; `lazy`: Lab, Evaluation and retraining code,
 * other backends and wasm binaries, the Lab's experiment results.
 */
export type AssetGroup = (typeof ASSET_GROUPS)[number];

/** A precache manifest entry as injected at build time: workbox's url and revision, its group and size. */
export interface AssetEntry {
  url: string;
  revision: string | null;
  /** Absent on entries vite-plugin-pwa adds itself (the web manifest): those are core. */
  group?: AssetGroup;
  bytes?: number;
}

/** How much of one group the caches hold. */
export interface GroupStatus {
  files: number;
  cached: number;
  bytes: number;
  cachedBytes: number;
}

/** Counts of a "make everything available offline" run (files and bytes of the non-core groups). */
export interface CacheCounts {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

/** Messages the page posts to the service worker. */
export type ToWorker = { type: 'SKIP_WAITING' } | { type: 'CACHE_ALL' } | { type: 'OFFLINE_STATUS' };

/** Messages the service worker answers with (to the MessagePort sent along, else to the sender). */
export type FromWorker =
  | ({ type: 'CACHE_PROGRESS' } & CacheCounts)
  | ({ type: 'CACHE_DONE'; failed: string[] } & CacheCounts)
  | { type: 'OFFLINE_STATUS'; groups: Record<AssetGroup, GroupStatus> };

/** Cache Storage name where shared files wait until the app takes them. */
export const SHARE_CACHE = 'prenda-shared';

/** The share target's action and the prefix of shared files' cache keys, relative to the scope. */
export const SHARE_TARGET_PATH = 'share-target';
export const SHARED_FILES_PATH = 'shared-files/';

/** The form field that carries shared files (the web manifest's share_target.params.files name). */
export const SHARE_FIELD = 'photos';

/** Cache key of file `index` of share `id` under `scope`. */
export const sharedFileUrl = (scope: string, id: string, index: number): string =>
  `${scope}${SHARED_FILES_PATH}${id}/${index}`;
