import { createSignal } from 'solid-js';
import { findStorageFaults, repairStorage, type StorageFault } from '../../core/retrain/storage-check';
import { errorText } from '../../core/errors';
import { retrainStore, showError } from './storage';
import { announce, exclusive } from './tabs';

/** Stored records that cannot be used (skipped at start-up), for the repair list. */
export const [faults, setFaults] = createSignal<readonly StorageFault[]>([]);

/** Re-checks storage for unusable records (schemas, weights against their specs, the pointer). */
export async function refreshFaults(): Promise<readonly StorageFault[]> {
  const found = await findStorageFaults(await retrainStore()).catch((err: unknown) => {
    console.info('[prenda] storage check failed:', err);
    return [];
  });
  setFaults(found);
  return found;
}

/** Deletes the records `which` names (all faults when omitted); usable samples and versions stay. */
export async function repair(which: readonly StorageFault[] = faults()): Promise<void> {
  try {
    await exclusive(async () => repairStorage(await retrainStore(), which));
  } catch (err) {
    showError({ key: 'retrain.repairFailed', params: { detail: errorText(err) } });
  }
  announce({ type: 'versions' });
  await refreshFaults();
}
