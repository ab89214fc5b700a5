// Samples and a version are stored together or not at all; full storage is said, never hidden;
// broken records can be listed and removed (issue 12, problems 1, 2, 4).
import { describe, expect, it } from 'vitest';
import { changeBytes, saveVersionAtomically } from '../../src/core/retrain/atomic-save';
import { findStorageFaults, readSamples, readVersions, repairStorage } from '../../src/core/retrain/storage-check';
import {
  ensureRoom,
  roomFor,
  StorageFullError,
  StorageUnavailableError,
  toStorageError,
} from '../../src/core/retrain/storage-errors';
import {
  memoryStore,
  withMemoryFallback,
  type RetrainStore,
  type VersionSlot,
} from '../../src/core/retrain/retrain-store';
import type { Sample } from '../../src/core/retrain/samples';
import { BrokenVersionError } from '../../src/core/retrain/version-save';
import { mlpSlot, sample } from '../helpers/bundles';

const quota = () => new DOMException('the quota has been exceeded', 'QuotaExceededError');
const plenty = async () => ({ usage: 0, quota: 1e12 });
/** A verifier that accepts the shipped mlp's 407,080 weight bytes only. */
const verify = async (slot: VersionSlot) => {
  if (slot.weightData.byteLength !== 407_080) throw new Error('weights truncated');
  return `model ${slot.id}`;
};
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

/** The memory store, with its atomic commit failing (as a full disk does) while `full` is set. */
function fillable(): RetrainStore & { full: boolean; commits: number } {
  const inner = memoryStore();
  const store = Object.assign(inner, { full: false, commits: 0 });
  const commit = inner.commit;
  store.commit = async (change) => {
    store.commits++;
    if (store.full) throw quota();
    return commit(change);
  };
  return store;
}

describe('saving a version with its samples', () => {
  it('writes the new samples and the version together, then points current at it', async () => {
    const store = memoryStore();
    await store.putSample(sample('old'));
    const saved = await saveVersionAtomically(
      store,
      { slot: mlpSlot('v1'), samples: [sample('old'), sample('new')] },
      verify,
      { estimate: plenty },
    );
    expect(saved.model).toBe('model v1');
    expect(ids(saved.added)).toEqual(['new']); // 'old' was stored already
    expect(ids(await store.samples())).toEqual(['new', 'old']);
    expect(await store.getCurrent()).toBe('v1');
  });

  it('stores nothing when storage is full, and says so with a typed error', async () => {
    const store = fillable();
    await store.commit({ putSlot: mlpSlot('v0'), current: 'v0' });
    store.full = true;
    const error = await saveVersionAtomically(store, { slot: mlpSlot('v1'), samples: [sample('a')] }, verify, {
      estimate: plenty,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await store.samples()).toEqual([]);
    expect(ids(await store.versions())).toEqual(['v0']);
    expect(await store.getCurrent()).toBe('v0');
  });

  it('refuses before writing when the storage estimate has no room for it', async () => {
    const store = fillable();
    const slot = mlpSlot('v1');
    const error = await saveVersionAtomically(store, { slot }, verify, {
      estimate: async () => ({ usage: 9_500_000, quota: 10_000_000 }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).message).toMatch(/^storage is full: 0\.4 MB needed, 0\.5 MB free$/);
    expect(store.commits).toBe(0);
    expect(changeBytes({ putSlot: slot })).toBeGreaterThan(407_080);
  });

  it('removes the version and its new samples together when the read-back fails verification', async () => {
    const store = memoryStore();
    await store.commit({ putSamples: [sample('kept')], putSlot: mlpSlot('v0'), current: 'v0' });
    const truncated = { ...mlpSlot('bad'), weightData: new ArrayBuffer(100) };
    const error = await saveVersionAtomically(
      store,
      { slot: truncated, samples: [sample('kept'), sample('s2')] },
      verify,
      {
        estimate: plenty,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokenVersionError);
    expect(ids(await store.samples())).toEqual(['kept']);
    expect(ids(await store.versions())).toEqual(['v0']);
    expect(await store.getCurrent()).toBe('v0');
  });
});

describe('storage errors', () => {
  it('maps QuotaExceededError to StorageFullError and anything else to StorageUnavailableError', () => {
    expect(toStorageError(quota())).toBeInstanceOf(StorageFullError);
    expect(toStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBeInstanceOf(StorageFullError);
    const other = toStorageError(new DOMException('closing', 'InvalidStateError'));
    expect(other).toBeInstanceOf(StorageUnavailableError);
    expect(other.message).toBe('storage is unavailable: InvalidStateError: closing');
  });

  it('says whether N bytes fit, with a margin, and passes when the browser gives no estimate', async () => {
    expect(roomFor(1_000_000, { usage: 0, quota: 3_000_000 })).toEqual({ fits: true, free: 3_000_000 });
    expect(roomFor(1_000_000, { usage: 500_000, quota: 3_000_000 }).fits).toBe(false); // 1.5 MB + 1 MB margin
    expect(roomFor(1_000_000, null)).toEqual({ fits: true, free: null });
    await expect(ensureRoom(10, async () => ({}))).resolves.toBeUndefined();
    await expect(ensureRoom(10, async () => ({ usage: 100, quota: 100 }))).rejects.toBeInstanceOf(StorageFullError);
  });

  it('never hides a failed atomic write in memory (the item would vanish at the next reload)', async () => {
    const primary = fillable();
    const reported: string[] = [];
    const store = withMemoryFallback(primary, (p) => reported.push(p));
    primary.full = true;
    await expect(store.commit({ putSamples: [sample('a')], putSlot: mlpSlot('v1') })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await store.samples()).toEqual([]);
    expect(await store.versions()).toEqual([]);
    expect(reported).toEqual([]); // the caller is told by the error, not by a flashing alert
  });
});

describe('samples deleted elsewhere', () => {
  it('are not brought back by a relabel', async () => {
    const store = withMemoryFallback(memoryStore(), () => {});
    await store.putSample(sample('a', 1));
    expect(await store.relabelSample('a', 4)).toBe(true);
    expect((await store.samples())[0]!.label).toBe(4);
    await store.deleteSample('a');
    expect(await store.relabelSample('a', 2)).toBe(false);
    expect(await store.samples()).toEqual([]);
  });
});

describe('repairing storage', () => {
  /** A store with good records and corrupt ones written straight in. */
  async function damaged(): Promise<RetrainStore> {
    const store = memoryStore();
    const good = mlpSlot('v-good');
    await store.commit({ putSamples: [sample('ok')], putSlot: good });
    await store.putSample({ ...sample('no-pixels'), pixels: new Uint8Array(3) });
    await store.putSample({ id: 'bad-label', label: 42 } as unknown as Sample);
    // problem 1 of the issue: a minimal meta, stored and made current.
    await store.putSlot({ ...mlpSlot('v-minimal'), meta: { id: 'v-minimal', createdAt: 5 } as VersionSlot['meta'] });
    await store.putSlot({ ...mlpSlot('v-short'), weightData: new ArrayBuffer(16) });
    await store.setCurrent('v-minimal');
    return store;
  }

  it('lists usable samples and versions apart from the broken ones, at start-up, deleting nothing', async () => {
    const store = await damaged();
    const samples = await readSamples(store);
    expect(ids(samples.samples)).toEqual(['ok']);
    expect(samples.faults.map((f) => [f.label, f.problem])).toEqual([
      ['no-pixels', 'pixels must hold 784 bytes'],
      ['bad-label', 'label must be ≤ 29 (got 42)'],
    ]);
    const versions = await readVersions(store);
    expect(ids(versions.versions)).toEqual(['v-good', 'v-short']);
    expect(versions.faults.map((f) => [f.label, f.problem])).toEqual([['v-minimal', 'source is missing']]);
    expect((await store.rawRecords('samples')).length).toBe(3);
  });

  it('finds every fault (weights too, and the pointer) and removes them, keeping what works', async () => {
    const store = await damaged();
    const faults = await findStorageFaults(store);
    expect(faults.map((f) => `${f.store}:${f.label}`).sort()).toEqual([
      'samples:bad-label',
      'samples:no-pixels',
      'settings:current',
      'versions:v-minimal',
      'versions:v-short',
      'weights:v-minimal', // its weights are fine, but no usable version record goes with them
      'weights:v-short',
    ]);
    expect(faults.find((f) => f.store === 'weights' && f.label === 'v-short')!.problem).toMatch(
      /407,064 bytes too short/,
    );
    await repairStorage(store, faults);
    expect(ids(await store.samples())).toEqual(['ok']);
    expect(ids(await store.versions())).toEqual(['v-good']);
    expect(await store.getCurrent()).toBeNull(); // back to the shipped model
    expect(await findStorageFaults(store)).toEqual([]);
  });

  it('can also load each version (the tf check) and report the ones that fail', async () => {
    const store = memoryStore();
    await store.commit({ putSlot: mlpSlot('v1'), current: 'v1' });
    const faults = await findStorageFaults(store, {
      verify: async () => {
        throw new Error('the model cannot be built');
      },
    });
    expect(faults.map((f) => [f.store, f.problem])).toEqual([
      ['weights', 'the model cannot be built'],
      ['versions', 'its weights are unusable'],
      ['settings', 'the version in use (v1) is missing or unusable'],
    ]);
  });
});
