import { createEffect, createRoot } from 'solid-js';
import {
  memoryStore,
  withMemoryFallback,
  type RetrainStore,
  type StorageProblem,
} from '../../core/retrain/retrain-store';
import { engineState, setError } from '../../app/state';
import type { Message } from '../../app/i18n';

/** Shows an error once the engine is ready (loading a model clears earlier errors). */
export function showError(message: Message): void {
  if (engineState() === 'ready') return void setError(message);
  createRoot((dispose) =>
    createEffect(() => {
      if (engineState() !== 'ready') return;
      setError(message);
      dispose();
    }),
  );
}

const report = (problem: StorageProblem): void =>
  showError({ key: problem === 'full' ? 'retrain.storageFull' : 'retrain.storageUnavailable' });

let opened: Promise<RetrainStore> | undefined;

/**
 * The store of samples and model versions: IndexedDB where it works (falling back to memory
 * item by item when full), memory only where it does not (private modes); opened once.
 */
export function retrainStore(): Promise<RetrainStore> {
  opened ??= import('../../ml/retrain/idb-store')
    .then((m) => m.openIdbStore())
    .then(
      (db) => withMemoryFallback(db, report),
      (err: unknown) => {
        console.info('[prenda] IndexedDB unavailable:', err);
        report('unavailable');
        return memoryStore();
      },
    );
  return opened;
}

let persistence: Promise<boolean> | undefined;

/**
 * Asks the browser, once, to keep Prenda's storage when the device runs short of space (without
 * it, samples and versions are "best effort" data the browser may evict). Asked when the user
 * first stores something, not at load: Firefox shows a prompt, Chromium decides on its own.
 * Resolves to whether storage is persistent.
 */
export function keepStorage(): Promise<boolean> {
  persistence ??= (async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return false;
    try {
      return (await storage.persisted()) || (await storage.persist());
    } catch {
      return false;
    }
  })();
  return persistence;
}
