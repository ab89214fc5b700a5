import { toStorageError } from './storage-errors';
import type { Sample } from './samples';

/** Accuracies measured before or after a run (null: nothing to measure on). */
export interface Accuracies {
  /** On the user's held-out samples (or all of them when too few to hold out). */
  user: number | null;
  /** On the shipped Fashion-MNIST test subset. */
  test: number | null;
}

/** What is known about a stored model version. */
export interface VersionMeta {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  source: 'retrain' | 'import';
  /** Manifest id of the model the run started from (through any earlier versions). */
  baseModelId: string;
  /** Samples trained on, and held out for measuring. */
  samples: number;
  heldOut: number;
  epochs: number;
  learningRate: number;
  /** Backend the run trained on, e.g. `webgl (worker)`. */
  backend: string;
  seconds: number;
  before: Accuracies;
  after: Accuracies;
  /** A file name, for imported models. */
  name?: string;
  /** Names of the user's classes, outputs 10, 11, … in order (absent: the ten only). */
  classes?: string[];
}

/** A model version as stored: tfjs layers artifacts plus metadata. */
export interface VersionSlot {
  id: string;
  topology: object;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
  meta: VersionMeta;
}

/** Several writes applied together, in one transaction: all of them or none. */
export interface StoreChange {
  putSamples?: readonly Sample[];
  deleteSamples?: readonly string[];
  putSlot?: VersionSlot;
  deleteSlot?: string;
  /** New pointer to the version in use (undefined: unchanged). */
  current?: string | null;
}

/** The stores a record can sit in. */
export type RecordStore = 'samples' | 'versions' | 'weights';

/** A record as stored, not checked: what a repair view lists. */
export interface RawRecord {
  key: IDBValidKey;
  value: unknown;
}

/** Persistence of samples, model versions and the pointer to the version in use. */
export interface RetrainStore {
  samples(): Promise<Sample[]>;
  putSample(sample: Sample): Promise<void>;
  deleteSample(id: string): Promise<void>;
  versions(): Promise<VersionMeta[]>;
  getSlot(id: string): Promise<VersionSlot | undefined>;
  putSlot(slot: VersionSlot): Promise<void>;
  deleteSlot(id: string): Promise<void>;
  /** Id of the version in use, or null for the shipped model. */
  getCurrent(): Promise<string | null>;
  setCurrent(id: string | null): Promise<void>;
  /** Applies `change` in one transaction: all or nothing. */
  commit(change: StoreChange): Promise<void>;
  /** Gives stored sample `id` class `label`; false, writing nothing, when it is no longer stored. */
  relabelSample(id: string, label: number): Promise<boolean>;
  /** Every record of `store` as stored, unchecked. */
  rawRecords(store: RecordStore): Promise<RawRecord[]>;
  /** Deletes one record of `store`, whatever it holds. */
  deleteRecord(store: RecordStore, key: IDBValidKey): Promise<void>;
}

/** A store that keeps everything in memory (tests, and private modes without IndexedDB). */
export function memoryStore(): RetrainStore {
  const samples = new Map<string, Sample>();
  const slots = new Map<string, VersionSlot>();
  let current: string | null = null;
  const weightsOf = ({ meta: _meta, ...weights }: VersionSlot) => weights;
  return {
    samples: async () => [...samples.values()],
    putSample: async (s) => void samples.set(s.id, s),
    deleteSample: async (id) => void samples.delete(id),
    versions: async () => [...slots.values()].map((s) => s.meta),
    getSlot: async (id) => slots.get(id),
    putSlot: async (slot) => void slots.set(slot.id, slot),
    deleteSlot: async (id) => void slots.delete(id),
    getCurrent: async () => current,
    setCurrent: async (id) => void (current = id),
    commit: async (change) => {
      for (const s of change.putSamples ?? []) samples.set(s.id, s);
      for (const id of change.deleteSamples ?? []) samples.delete(id);
      if (change.putSlot) slots.set(change.putSlot.id, change.putSlot);
      if (change.deleteSlot !== undefined) slots.delete(change.deleteSlot);
      if (change.current !== undefined) current = change.current;
    },
    relabelSample: async (id, label) => {
      const sample = samples.get(id);
      if (sample) samples.set(id, { ...sample, label });
      return sample !== undefined;
    },
    rawRecords: async (store) => {
      const values =
        store === 'samples'
          ? [...samples.values()]
          : [...slots.values()].map((s) => (store === 'versions' ? s.meta : weightsOf(s)));
      return values.map((value) => ({ key: value.id, value }));
    },
    deleteRecord: async (store, key) => {
      if (store === 'samples') samples.delete(String(key));
      else slots.delete(String(key));
    },
  };
}

/** Why a write to persistent storage failed. */
export type StorageProblem = 'full' | 'unavailable';

/** Classifies a storage error: QuotaExceededError means full, anything else unavailable. */
export function storageProblem(err: unknown): StorageProblem {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'full' : 'unavailable';
}

const byId = <T extends { id: string }>(a: T[], b: T[]): T[] => {
  const seen = new Map(a.map((x) => [x.id, x]));
  for (const x of b) seen.set(x.id, x);
  return [...seen.values()];
};

/**
 * Wraps `primary` (IndexedDB) so that a failed write lands in memory instead and `report` is
 * told why: the app keeps working, the item just does not survive a reload. Reads merge both.
 */
export function withMemoryFallback(primary: RetrainStore, report: (problem: StorageProblem) => void): RetrainStore {
  const memory = memoryStore();
  let memoryCurrent = false;
  const write = async (toPrimary: () => Promise<void>, toMemory: () => Promise<void>) => {
    try {
      await toPrimary();
    } catch (err) {
      report(storageProblem(err));
      await toMemory();
    }
  };
  const read = async <T>(from: () => Promise<T>, fallback: T): Promise<T> => from().catch(() => fallback);
  return {
    samples: async () => byId(await read(primary.samples, []), await memory.samples()),
    putSample: (s) =>
      write(
        () => primary.putSample(s),
        () => memory.putSample(s),
      ),
    deleteSample: async (id) => {
      await memory.deleteSample(id);
      await write(
        () => primary.deleteSample(id),
        async () => {},
      );
    },
    versions: async () => byId(await read(primary.versions, []), await memory.versions()),
    getSlot: async (id) => (await memory.getSlot(id)) ?? (await read(() => primary.getSlot(id), undefined)),
    putSlot: (slot) =>
      write(
        () => primary.putSlot(slot),
        () => memory.putSlot(slot),
      ),
    deleteSlot: async (id) => {
      await memory.deleteSlot(id);
      await write(
        () => primary.deleteSlot(id),
        async () => {},
      );
    },
    getCurrent: async () => (memoryCurrent ? memory.getCurrent() : read(primary.getCurrent, null)),
    // Atomic writes never fall back to memory: the caller is told (typed) and decides.
    commit: async (change) => {
      try {
        await primary.commit(change);
      } catch (err) {
        throw toStorageError(err);
      }
      await memory.commit({ deleteSamples: change.deleteSamples, deleteSlot: change.deleteSlot });
      if (change.current !== undefined) memoryCurrent = false;
    },
    relabelSample: async (id, label) => {
      if (await memory.relabelSample(id, label)) return true;
      try {
        return await primary.relabelSample(id, label);
      } catch (err) {
        throw toStorageError(err);
      }
    },
    rawRecords: (store) => primary.rawRecords(store),
    deleteRecord: (store, key) => primary.deleteRecord(store, key),
    setCurrent: async (id) => {
      // A version that only lives in memory must not be named by the persistent pointer.
      const inMemory = id !== null && (await memory.getSlot(id)) !== undefined;
      memoryCurrent = inMemory;
      await memory.setCurrent(id);
      if (!inMemory)
        await write(
          () => primary.setCurrent(id),
          async () => void (memoryCurrent = true),
        );
    },
  };
}
