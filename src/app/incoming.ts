// Files that arrive from outside: a share from the phone's share sheet (the service worker keeps
// them and opens ./?share=<id>) or "open with Prenda" on a desktop (launchQueue). Works offline.
import { takeSharedFiles } from '../sw/shared-files';
import { engineState } from './state';

/** The File Handling API's queue (Chromium desktop), where the browser has it. */
interface LaunchQueue {
  setConsumer(consumer: (params: { files: readonly { getFile(): Promise<File> }[] }) => void): void;
}

/**
 * Resolves once the engine has started (backend up, first model loaded), so a first photo can move
 * to the photo model: switching models while the backend still boots would find no backend.
 */
async function engineStarted(timeoutMs = 90_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (engineState() === 'loading' && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Hands every incoming set of image files to `open`: the share in the URL (`?share=<id>`, taken
 * once and removed from the address) and each launch of the app with files.
 */
export async function receiveFiles(open: (files: File[]) => void): Promise<void> {
  const launchQueue = (window as { launchQueue?: LaunchQueue }).launchQueue;
  launchQueue?.setConsumer((launch) => {
    void Promise.all(launch.files.map((h) => h.getFile())).then(async (files) => {
      await engineStarted();
      if (files.length) open(files);
    });
  });
  const url = new URL(location.href);
  const id = url.searchParams.get('share');
  if (id === null) return;
  url.searchParams.delete('share');
  history.replaceState(history.state, '', url);
  const files = await takeSharedFiles(id).catch(() => []);
  await engineStarted();
  if (files.length) open(files);
}
