import * as v from 'valibot';
import { MAX_CLASSES } from './classes';
import type { RawRecord, RecordStore, RetrainStore, VersionMeta, VersionSlot } from './retrain-store';
import type { Sample } from './samples';
import type { VerifySlot } from './version-save';
import { storedSampleSchema, storedWeightsSchema, versionMetaSchema } from './bundle-schema';
import { ImportError } from './import-error';
import { issueText } from './schema-text';
import { checkWeightData } from './weight-bytes';

/** A stored record that cannot be used, as a repair view lists it. */
export interface StorageFault {
  store: RecordStore | 'settings';
  key: IDBValidKey;
  /** The record's id when it has a readable one, else its key as text. */
  label: string;
  problem: string;
}

const labelOf = (key: IDBValidKey): string => (typeof key === 'string' ? key : (JSON.stringify(key) ?? String(key)));

/** The first problem of `value` against `schema`, or null. */
function problemOf(schema: v.GenericSchema, value: unknown): string | null {
  const result = v.safeParse(schema, value);
  return result.success ? null : issueText(result.issues[0]!);
}

/** Checks records of one store: schema, and an id that matches the key. */
function sortRecords<T>(records: RawRecord[], store: RecordStore, schema: v.GenericSchema<unknown, T>) {
  const good: T[] = [];
  const faults: StorageFault[] = [];
  for (const { key, value } of records) {
    const problem =
      problemOf(schema, value) ??
      ((value as { id?: unknown }).id === key ? null : `its id does not match its key ${labelOf(key)}`);
    if (problem) faults.push({ store, key, label: labelOf(key), problem });
    else good.push(v.parse(schema, value));
  }
  return { good, faults };
}

/** The stored samples that are usable, and a fault for each that is not (nothing is deleted). */
export async function readSamples(
  store: RetrainStore,
  classes = MAX_CLASSES,
): Promise<{ samples: Sample[]; faults: StorageFault[] }> {
  const { good, faults } = sortRecords(await store.rawRecords('samples'), 'samples', storedSampleSchema(classes));
  return { samples: good, faults };
}

/** The stored versions whose metadata is usable, and a fault for each that is not. */
export async function readVersions(store: RetrainStore): Promise<{ versions: VersionMeta[]; faults: StorageFault[] }> {
  const { good, faults } = sortRecords(await store.rawRecords('versions'), 'versions', versionMetaSchema);
  return { versions: good, faults };
}

/** Options of {@link findStorageFaults}. */
export interface FaultCheckOptions {
  classes?: number;
  /** Also loads each version that passed the other checks (tf: builds it, runs it); slow. */
  verify?: VerifySlot<unknown>;
}

/**
 * Everything stored that cannot be used: samples and version records that fail their schema,
 * versions without weights and weights without a version, weights whose bytes do not match their
 * specs or are not finite, a 'current' pointer naming no usable version. For "repair storage".
 */
export async function findStorageFaults(store: RetrainStore, options: FaultCheckOptions = {}): Promise<StorageFault[]> {
  const samples = await readSamples(store, options.classes);
  const versions = await readVersions(store);
  const weights = sortRecords(await store.rawRecords('weights'), 'weights', storedWeightsSchema);
  const faults = [...samples.faults, ...versions.faults, ...weights.faults];
  const metaById = new Map(versions.versions.map((m) => [m.id, m]));
  const weightIds = new Set(weights.good.map((w) => w.id));
  const usable = new Set<string>();
  for (const meta of versions.versions)
    if (!weightIds.has(meta.id))
      faults.push({ store: 'versions', key: meta.id, label: meta.id, problem: 'its weights are missing' });
  for (const w of weights.good) {
    const meta = metaById.get(w.id);
    if (!meta) {
      faults.push({ store: 'weights', key: w.id, label: w.id, problem: 'no version record goes with these weights' });
      continue;
    }
    try {
      checkWeightData(w.weightSpecs, new Uint8Array(w.weightData), 'weights');
      if (options.verify) await options.verify({ ...w, meta } as VersionSlot);
      usable.add(w.id);
    } catch (err) {
      const problem = err instanceof ImportError ? err.detail : err instanceof Error ? err.message : String(err);
      faults.push({ store: 'weights', key: w.id, label: w.id, problem });
      faults.push({ store: 'versions', key: w.id, label: w.id, problem: 'its weights are unusable' });
    }
  }
  const current: unknown = await store.getCurrent().catch(() => undefined);
  if (current !== null && !(typeof current === 'string' && usable.has(current)))
    faults.push({
      store: 'settings',
      key: 'current',
      label: 'current',
      problem: `the version in use (${labelOf(current as IDBValidKey)}) is missing or unusable`,
    });
  return faults;
}

/**
 * Deletes the records `faults` name (one by one: each deletion stands alone) and points
 * 'current' back at the shipped model when it named a faulty version. Usable samples and versions stay.
 */
export async function repairStorage(store: RetrainStore, faults: readonly StorageFault[]): Promise<void> {
  for (const fault of faults) {
    if (fault.store === 'settings') await store.setCurrent(null);
    else await store.deleteRecord(fault.store, fault.key);
  }
}
