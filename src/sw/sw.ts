// Prenda's service worker (vite-plugin-pwa injectManifest, Workbox inside).
//
// The build injects every asset into self.__WB_MANIFEST with its group (support/build/
// precache-plan.ts): only the `core` group is precached at install (shell, default and photo
// models, tfjs up to the first prediction, one wasm binary); the rest is cached cache-first on
// first use, or all at once on CACHE_ALL, keyed by its precache revision. Updates wait for the
// page's SKIP_WAITING (the "new version — reload" prompt), then take over open pages.
import { cacheNames, clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  getCacheKeyForURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
  ASSET_GROUPS,
  SHARE_TARGET_PATH,
  type AssetEntry,
  type AssetGroup,
  type FromWorker,
  type GroupStatus,
  type ToWorker,
} from './protocol';
import { ExtraAssets } from './sw-extras';
import { receiveShare } from './sw-share';

declare const self: ServiceWorkerGlobalScope;

const scope = self.registration.scope;
// The injection point: workbox-build replaces `self.__WB_MANIFEST` with the tagged entries.
const manifest = self.__WB_MANIFEST as unknown as AssetEntry[];
const core = manifest.filter((e) => (e.group ?? 'core') === 'core');
const extras = new ExtraAssets(
  manifest.filter((e) => (e.group ?? 'core') !== 'core'),
  scope,
);

precacheAndRoute(core.map(({ url, revision }) => ({ url, revision })));
cleanupOutdatedCaches();
registerRoute(({ url }) => extras.has(url), extras.strategy);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
registerRoute(
  ({ url }) => url.href === new URL(SHARE_TARGET_PATH, scope).href,
  ({ request }) => receiveShare(request, scope),
  'POST',
);

self.addEventListener('activate', (event) => event.waitUntil(extras.deleteStale()));

/** Files and bytes cached per group. */
async function offlineStatus(): Promise<Record<AssetGroup, GroupStatus>> {
  const groups = Object.fromEntries(
    ASSET_GROUPS.map((g) => [g, { files: 0, cached: 0, bytes: 0, cachedBytes: 0 }]),
  ) as Record<AssetGroup, GroupStatus>;
  const count = (entry: AssetEntry, cached: boolean): void => {
    const g = groups[entry.group ?? 'core'];
    g.files++;
    g.bytes += entry.bytes ?? 0;
    if (cached) {
      g.cached++;
      g.cachedBytes += entry.bytes ?? 0;
    }
  };
  const precache = await caches.open(cacheNames.precache);
  for (const entry of core) {
    const key = getCacheKeyForURL(new URL(entry.url, scope).href);
    count(entry, Boolean(key && (await precache.match(key))));
  }
  for (const { entry, cached } of await extras.state()) count(entry, cached);
  return groups;
}

self.addEventListener('message', (event) => {
  const message = event.data as ToWorker | undefined;
  const port = event.ports[0];
  const reply = (answer: FromWorker): void => {
    if (port) port.postMessage(answer);
    else (event.source as Client | null)?.postMessage(answer);
  };
  switch (message?.type) {
    case 'SKIP_WAITING':
      void self.skipWaiting();
      break;
    case 'OFFLINE_STATUS':
      event.waitUntil(offlineStatus().then((groups) => reply({ type: 'OFFLINE_STATUS', groups })));
      break;
    case 'CACHE_ALL':
      event.waitUntil(
        extras
          .cacheAll(event, (counts) => reply({ type: 'CACHE_PROGRESS', ...counts }))
          .then((result) => reply({ type: 'CACHE_DONE', ...result })),
      );
      break;
  }
});

clientsClaim();
