// Web Share Target (and the same POST from anywhere): the shared files wait in Cache Storage under
// a share id, and the app opens at ./?share=<id> to take them (src/sw/shared-files.ts). Works
// offline: nothing here touches the network.
import { SHARE_CACHE, SHARE_FIELD, SHARED_FILES_PATH, sharedFileUrl } from './protocol';

/** Shares not taken within a day are dropped (the app was closed before reading them). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Stores the POSTed files and redirects (303) to the app with their share id. */
export async function receiveShare(request: Request, scope: string): Promise<Response> {
  const form = await request.formData();
  const files = form.getAll(SHARE_FIELD).filter((v): v is File => v instanceof File && v.size > 0);
  const cache = await caches.open(SHARE_CACHE);
  await dropOldShares(cache, scope);
  if (!files.length) return Response.redirect(scope, 303);
  const id = crypto.randomUUID();
  const now = String(Date.now());
  await Promise.all(
    files.map((file, i) =>
      cache.put(
        sharedFileUrl(scope, id, i),
        new Response(file, {
          headers: {
            'Content-Type': file.type || 'application/octet-stream',
            'X-File-Name': encodeURIComponent(file.name),
            'X-Last-Modified': String(file.lastModified),
            'X-Shared-At': now,
          },
        }),
      ),
    ),
  );
  return Response.redirect(`${scope}?share=${id}`, 303);
}

async function dropOldShares(cache: Cache, scope: string): Promise<void> {
  const prefix = `${scope}${SHARED_FILES_PATH}`;
  for (const request of await cache.keys()) {
    if (!request.url.startsWith(prefix)) continue;
    const at = Number((await cache.match(request))?.headers.get('X-Shared-At'));
    if (!(Date.now() - at < KEEP_MS)) await cache.delete(request);
  }
}
