// The app's side of the share target: the files a share (or "open with") left for it.
import { SHARE_CACHE, SHARED_FILES_PATH } from './protocol';

/** The app's root URL, which is the service worker's scope (index.html sits there). */
const appScope = (): string => new URL('./', location.href).href;

/**
 * The files of share `id` (from `?share=<id>`), in the order they were shared; removes them
 * from storage. Empty when the id is unknown, already taken or expired.
 */
export async function takeSharedFiles(id: string, scope = appScope()): Promise<File[]> {
  if (!/^[\w-]+$/.test(id) || typeof caches === 'undefined') return [];
  const cache = await caches.open(SHARE_CACHE);
  const prefix = `${scope}${SHARED_FILES_PATH}${id}/`;
  const keys = (await cache.keys())
    .filter((r) => r.url.startsWith(prefix))
    .sort((a, b) => Number(a.url.slice(prefix.length)) - Number(b.url.slice(prefix.length)));
  const files: File[] = [];
  for (const key of keys) {
    const response = await cache.match(key);
    if (!response) continue;
    const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared');
    const lastModified = Number(response.headers.get('X-Last-Modified')) || Date.now();
    const blob = await response.blob();
    files.push(new File([blob], name, { type: blob.type, lastModified }));
  }
  await Promise.all(keys.map((k) => cache.delete(k)));
  return files;
}
