// Several tabs of Prenda share one IndexedDB: writes take turns (Web Locks), every change is
// announced to the other tabs (BroadcastChannel), and only one tab trains at a time.
import { createSignal } from 'solid-js';

/** What changed in storage, as announced to the other tabs. */
export type StoreNews =
  | { type: 'samples' }
  | { type: 'versions' }
  | { type: 'current'; id: string | null }
  | { type: 'training'; active: boolean };

const CHANNEL = 'prenda-retrain';
const WRITE_LOCK = 'prenda-retrain-write';
const TRAIN_LOCK = 'prenda-retrain-training';

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
const locks = (): LockManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.locks);

/** True while another tab trains (this tab's start button waits for it). */
export const [trainingElsewhere, setTrainingElsewhere] = createSignal(false);

/** Tells the other tabs what changed (this tab has already applied it). */
export function announce(news: StoreNews): void {
  try {
    channel?.postMessage(news);
  } catch {
    // A closed channel (page unloading): nothing to tell.
  }
}

/** Calls `handler` with every change another tab announces. */
export function onNews(handler: (news: StoreNews) => void): void {
  channel?.addEventListener('message', (event: MessageEvent<StoreNews>) => handler(event.data));
}

/** Runs `write` while holding the write lock shared by all tabs (read-check-write never interleaves). */
export function exclusive<T>(write: () => Promise<T>): Promise<T> {
  const manager = locks();
  return manager ? (manager.request(WRITE_LOCK, write) as Promise<T>) : write();
}

/**
 * Runs `train` holding the training lock, announcing the run to the other tabs; resolves to
 * `{ ran: false }` at once when another tab holds it.
 */
export async function trainAlone<T>(train: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const run = async (): Promise<{ ran: true; value: T }> => {
    announce({ type: 'training', active: true });
    try {
      return { ran: true, value: await train() };
    } finally {
      announce({ type: 'training', active: false });
    }
  };
  const manager = locks();
  if (!manager) return run();
  return manager.request(TRAIN_LOCK, { ifAvailable: true }, (lock) => (lock ? run() : { ran: false as const }));
}

/** Asks the lock manager whether another tab is training now (for a tab opened mid-run). */
export async function checkTrainingElsewhere(): Promise<void> {
  const manager = locks();
  if (!manager?.query) return;
  const state = await manager.query().catch(() => null);
  setTrainingElsewhere((state?.held ?? []).some((l) => l.name === TRAIN_LOCK));
}
