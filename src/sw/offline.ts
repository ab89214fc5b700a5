// The app's side of the service worker's offline API: what is cached, and "cache everything".
import type { AssetGroup, CacheCounts, FromWorker, GroupStatus, ToWorker } from './protocol';

/** Posts `message` to the active service worker with a fresh channel; `onAnswer` sees every reply. */
async function ask(message: ToWorker, onAnswer: (answer: FromWorker) => boolean): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const worker = navigator.serviceWorker.controller ?? registration.active;
  if (!worker) throw new Error('no active service worker');
  const channel = new MessageChannel();
  await new Promise<void>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<FromWorker>) => {
      if (onAnswer(event.data)) {
        channel.port1.close();
        resolve();
      }
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** Files and bytes cached per group (core, models, test-set, replay, lazy). */
export async function offlineStatus(): Promise<Record<AssetGroup, GroupStatus>> {
  let groups: Record<AssetGroup, GroupStatus> | undefined;
  await ask({ type: 'OFFLINE_STATUS' }, (answer) => {
    if (answer.type === 'OFFLINE_STATUS') groups = answer.groups;
    return Boolean(groups);
  });
  return groups!;
}

/**
 * "Make everything available offline": the service worker caches every asset not cached yet;
 * `onProgress` gets files and bytes done after each one. Resolves with the final counts and the
 * files that failed (offline, server error).
 */
export async function cacheEverything(
  onProgress?: (counts: CacheCounts) => void,
): Promise<CacheCounts & { failed: string[] }> {
  let result: (CacheCounts & { failed: string[] }) | undefined;
  await ask({ type: 'CACHE_ALL' }, (answer) => {
    if (answer.type === 'CACHE_PROGRESS') onProgress?.(answer);
    if (answer.type === 'CACHE_DONE') result = answer;
    return Boolean(result);
  });
  return result!;
}
