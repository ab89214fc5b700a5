import { describe, expect, it } from 'vitest';
import { memoryStore, type VersionSlot } from '../../src/core/retrain/retrain-store';
import { BrokenVersionError, openCurrent, saveVersion } from '../../src/core/retrain/version-save';

const none = { user: null, test: null };
const slot = (id: string, bytes = 8): VersionSlot => ({
  id,
  topology: { id },
  weightSpecs: [],
  weightData: new ArrayBuffer(bytes),
  meta: {
    ...{ id, createdAt: 1, source: 'retrain', baseModelId: 'mlp', samples: 1, heldOut: 0, epochs: 1 },
    ...{ learningRate: 0.001, backend: 'wasm', seconds: 1, before: none, after: none },
  },
});

/** A verifier that accepts 8-byte weights only and records what the pointer said meanwhile. */
function verifier(store: ReturnType<typeof memoryStore>, seen: (string | null)[] = []) {
  return async (s: VersionSlot) => {
    seen.push(await store.getCurrent());
    if (s.weightData.byteLength !== 8) throw new Error('weights truncated');
    return `model ${s.id}`;
  };
}

describe('atomic saving of a model version', () => {
  it('switches the pointer only after the read-back verified', async () => {
    const store = memoryStore();
    await store.putSlot(slot('old'));
    await store.setCurrent('old');
    const seen: (string | null)[] = [];
    expect(await saveVersion(store, slot('new'), verifier(store, seen))).toBe('model new');
    expect(seen).toEqual(['old']); // while verifying, 'current' still named the old version
    expect(await store.getCurrent()).toBe('new');
    expect((await store.versions()).map((v) => v.id).sort()).toEqual(['new', 'old']);
  });

  it('leaves the previous version current and removes the new slot when verification fails', async () => {
    const store = memoryStore();
    await store.putSlot(slot('old'));
    await store.setCurrent('old');
    const error = await saveVersion(store, slot('bad', 3), verifier(store)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokenVersionError);
    expect((error as BrokenVersionError).versionId).toBe('bad');
    expect(await store.getCurrent()).toBe('old');
    expect(await store.getSlot('bad')).toBeUndefined();
  });

  it('fails when the write does not read back', async () => {
    const store = memoryStore();
    store.getSlot = async () => undefined;
    await expect(saveVersion(store, slot('lost'), verifier(store))).rejects.toThrow(/missing after writing/);
    expect(await store.getCurrent()).toBeNull();
  });

  it('never overwrites an existing slot', async () => {
    const store = memoryStore();
    await store.putSlot(slot('v'));
    await expect(saveVersion(store, slot('v'), verifier(store))).rejects.toThrow(/already exists/);
  });
});

describe('opening the current version at start-up', () => {
  it('loads the version the pointer names', async () => {
    const store = memoryStore();
    await store.putSlot(slot('v'));
    await store.setCurrent('v');
    expect(await openCurrent(store, verifier(store))).toEqual({ id: 'v', model: 'model v' });
  });

  it('opens nothing when the shipped model is in use', async () => {
    expect(await openCurrent(memoryStore(), async () => 'x')).toEqual({ id: null, model: null });
  });

  it('skips a corrupted slot, says which, and clears the pointer', async () => {
    const store = memoryStore();
    await store.putSlot(slot('good'));
    await store.putSlot(slot('corrupt', 5));
    await store.setCurrent('corrupt');
    const opened = await openCurrent(store, verifier(store));
    expect(opened.model).toBeNull();
    expect(opened.skipped?.versionId).toBe('corrupt');
    expect(opened.skipped?.message).toMatch(/truncated/);
    expect(await store.getCurrent()).toBeNull();
    expect(await store.getSlot('good')).toBeDefined(); // other versions stay
  });

  it('skips a pointer to a version that is gone', async () => {
    const store = memoryStore();
    await store.setCurrent('ghost');
    const opened = await openCurrent(store, verifier(store));
    expect(opened.skipped?.message).toMatch(/not found/);
  });
});
