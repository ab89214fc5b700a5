import { createEffect, createRoot } from 'solid-js';
import { memoryStore, withMemoryFallback, type RetrainStore, type StorageProblem } from '../core/retrain-store';
import { engineState, setError } from './app';
import type { Message } from './i18n';

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
  showError({ key: problem === 'full' ? 'storageFull' : 'storageUnavailable' });

let opened: Promise<RetrainStore> | undefined;

/**
 * The store of samples and model versions: IndexedDB where it works (falling back to memory
 * item by item when full), memory only where it does not (private modes); opened once.
 */
export function retrainStore(): Promise<RetrainStore> {
  opened ??= import('../ml/idb-store')
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
