import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RetrainStore, VersionMeta, VersionSlot } from '../../core/retrain/retrain-store';
import type { Sample } from '../../core/retrain/samples';

/** Name of Prenda's own IndexedDB database (tfjs's `indexeddb://` store is not used). */
export const DB_NAME = 'prenda-retrain';

type Weights = Omit<VersionSlot, 'meta'>;

interface PrendaDb extends DBSchema {
  samples: { key: string; value: Sample };
  /** Metadata only, so listing versions does not read their weights. */
  versions: { key: string; value: VersionMeta };
  weights: { key: string; value: Weights };
  settings: { key: string; value: string | null };
}

const CURRENT = 'current';

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
  };
}
