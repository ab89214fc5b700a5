import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import {
  memoryStore,
  storageProblem,
  withMemoryFallback,
  type RetrainStore,
  type StorageProblem,
  type VersionSlot,
} from '../../src/core/retrain/retrain-store';
import type { Sample } from '../../src/core/retrain/samples';

const sample = (id: string): Sample => ({
  id,
  label: 1,
  pixels: new Uint8Array(IMAGE_PIXELS),
  thumb: null,
  createdAt: 1,
});
const none = { user: null, test: null };
const slot = (id: string): VersionSlot => ({
  id,
  topology: {},
  weightSpecs: [],
  weightData: new ArrayBuffer(4),
  meta: {
    ...{ id, createdAt: 1, source: 'retrain', baseModelId: 'mlp', samples: 1, heldOut: 0, epochs: 1 },
    ...{ learningRate: 0.001, backend: 'wasm', seconds: 1, before: none, after: none },
  },
});
const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

/** A store whose writes fail with `error()` once `broken` is set. */
function flaky(error: () => Error): RetrainStore & { broken: boolean } {
  const inner = memoryStore();
  const store = { ...inner, broken: false };
  const guard =
    <A extends unknown[]>(f: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      if (store.broken) throw error();
      return f(...a);
    };
  return Object.assign(store, {
    putSample: guard(inner.putSample),
    putSlot: guard(inner.putSlot),
    setCurrent: guard(inner.setCurrent),
  });
}

describe('retraining store', () => {
  it('keeps samples, versions and the current pointer in memory', async () => {
    const store = memoryStore();
    await store.putSample(sample('a'));
    await store.putSlot(slot('v1'));
    await store.setCurrent('v1');
    expect((await store.samples()).map((s) => s.id)).toEqual(['a']);
    expect((await store.versions()).map((v) => v.id)).toEqual(['v1']);
    expect(await store.getCurrent()).toBe('v1');
    await store.deleteSlot('v1');
    expect(await store.getSlot('v1')).toBeUndefined();
  });

  it('tells a full store from an unavailable one', () => {
    expect(storageProblem(quota())).toBe('full');
    expect(storageProblem(new DOMException('x', 'InvalidStateError'))).toBe('unavailable');
    expect(storageProblem(undefined)).toBe('unavailable');
  });

  it('keeps working in memory when storage is full, and says so', async () => {
    const primary = flaky(quota);
    const problems: StorageProblem[] = [];
    const store = withMemoryFallback(primary, (p) => problems.push(p));
    await store.putSample(sample('saved'));
    primary.broken = true;
    await store.putSample(sample('kept-in-memory'));
    await store.putSlot(slot('v-mem'));
    expect(problems).toEqual(['full', 'full']);
    expect((await store.samples()).map((s) => s.id).sort()).toEqual(['kept-in-memory', 'saved']);
    expect((await primary.samples()).map((s) => s.id)).toEqual(['saved']);
    expect((await store.getSlot('v-mem'))?.id).toBe('v-mem');
    expect((await store.versions()).map((v) => v.id)).toEqual(['v-mem']);
  });

  it('never points the persistent pointer at a version that lives only in memory', async () => {
    const primary = flaky(quota);
    const store = withMemoryFallback(primary, () => {});
    await store.putSlot(slot('v-disk'));
    await store.setCurrent('v-disk');
    primary.broken = true;
    await store.putSlot(slot('v-mem'));
    primary.broken = false;
    await store.setCurrent('v-mem');
    expect(await store.getCurrent()).toBe('v-mem');
    expect(await primary.getCurrent()).toBe('v-disk'); // after a reload: the last version that was saved
  });

  it('reads what it can when reading fails', async () => {
    const primary = memoryStore();
    primary.samples = async () => {
      throw new Error('gone');
    };
    const store = withMemoryFallback(primary, () => {});
    expect(await store.samples()).toEqual([]);
  });
});
