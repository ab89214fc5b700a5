import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RetrainStore, StoreChange, VersionMeta, VersionSlot } from '../../core/retrain/retrain-store';
import type { Sample } from '../../core/retrain/samples';
import { toStorageError } from '../../core/retrain/storage-errors';

import { DB_NAME } from '../../core/retrain/db-name';

export { DB_NAME };

type Weights = Omit<VersionSlot, 'meta'>;

interface PrendaDb extends DBSchema {
  samples: { key: string; value: Sample };
  /** Metadata only, so listing versions does not read their weights. */
  versions: { key: string; value: VersionMeta };
  weights: { key: string; value: Weights };
  settings: { key: string; value: string | null };
}

const CURRENT = 'current';
const ALL = ['samples', 'versions', 'weights', 'settings'] as const;

/**
 * Issues every write of `change` in one readwrite transaction and waits for it to commit. A write
 * that throws at once (a value that cannot be stored) aborts the transaction, as one that fails
 * later does, so none of the writes land. Errors come out as StorageFullError or StorageUnavailableError.
 */
async function commitChange(db: IDBPDatabase<PrendaDb>, change: StoreChange): Promise<void> {
  const tx = db.transaction(ALL, 'readwrite');
  const requests: Promise<unknown>[] = [];
  try {
    for (const s of change.putSamples ?? []) requests.push(tx.objectStore('samples').put(s));
    for (const id of change.deleteSamples ?? []) requests.push(tx.objectStore('samples').delete(id));
    if (change.deleteSlot !== undefined) {
      requests.push(tx.objectStore('versions').delete(change.deleteSlot));
      requests.push(tx.objectStore('weights').delete(change.deleteSlot));
    }
    if (change.putSlot) {
      const { meta, ...weights } = change.putSlot;
      requests.push(tx.objectStore('weights').put(weights), tx.objectStore('versions').put(meta));
    }
    if (change.current !== undefined) requests.push(tx.objectStore('settings').put(change.current, CURRENT));
  } catch (err) {
    tx.abort();
    await Promise.allSettled([...requests, tx.done]);
    throw toStorageError(err);
  }
  const results = await Promise.allSettled([...requests, tx.done]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw toStorageError(failed.reason ?? tx.error);
}

/**
 * Opens the database (creating stores that are missing, never dropping any, so data survives
 * app updates) and wraps it as a {@link RetrainStore}. Throws when IndexedDB is unavailable.
 */
export async function openIdbStore(): Promise<RetrainStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const db: IDBPDatabase<PrendaDb> = await openDB<PrendaDb>(DB_NAME, 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('samples')) db.createObjectStore('samples', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('versions')) db.createObjectStore('versions', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('weights')) db.createObjectStore('weights', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
    },
    // Another tab holds an older version open: let it go so this one can upgrade next time.
    blocking: () => db.close(),
  });
  return {
    samples: () => db.getAll('samples'),
    putSample: async (s) => void (await db.put('samples', s)),
    deleteSample: (id) => db.delete('samples', id),
    versions: () => db.getAll('versions'),
    async getSlot(id) {
      const tx = db.transaction(['versions', 'weights']);
      const [meta, weights] = await Promise.all([
        tx.objectStore('versions').get(id),
        tx.objectStore('weights').get(id),
      ]);
      await tx.done;
      return meta && weights ? { ...weights, meta } : undefined;
    },
    async putSlot({ meta, ...weights }) {
      // One transaction: both records land, or neither does.
      const tx = db.transaction(['versions', 'weights'], 'readwrite');
      await Promise.all([tx.objectStore('weights').put(weights), tx.objectStore('versions').put(meta), tx.done]);
    },
    async deleteSlot(id) {
      const tx = db.transaction(['versions', 'weights'], 'readwrite');
      await Promise.all([tx.objectStore('versions').delete(id), tx.objectStore('weights').delete(id), tx.done]);
    },
    getCurrent: async () => (await db.get('settings', CURRENT)) ?? null,
    setCurrent: async (id) => void (await db.put('settings', id, CURRENT)),
    commit: (change) => commitChange(db, change),
    async relabelSample(id, label) {
      const tx = db.transaction('samples', 'readwrite');
      const sample = await tx.store.get(id);
      if (sample) await tx.store.put({ ...sample, label });
      await tx.done;
      return sample !== undefined;
    },
    async rawRecords(store) {
      const tx = db.transaction(store);
      const records: { key: IDBValidKey; value: unknown }[] = [];
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue())
        records.push({ key: cursor.key, value: cursor.value });
      await tx.done;
      return records;
    },
    deleteRecord: (store, key) => db.delete(store, key as string),
  };
}
