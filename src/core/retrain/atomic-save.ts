import { IMAGE_PIXELS } from '../classes';
import type { RetrainStore, StoreChange, VersionSlot } from './retrain-store';
import { THUMB_SIDE, type Sample } from './samples';
import { BrokenVersionError, type VerifySlot } from './version-save';
import { ensureRoom, toStorageError, type StorageEstimateLike } from './storage-errors';

/** Bytes a change will roughly take in storage (weights, topology and meta as text, sample pixels). */
export function changeBytes(change: StoreChange): number {
  const perSample = IMAGE_PIXELS + THUMB_SIDE * THUMB_SIDE + 200;
  const slot = change.putSlot;
  const slotBytes = slot
    ? slot.weightData.byteLength + JSON.stringify([slot.topology, slot.weightSpecs, slot.meta]).length
    : 0;
  const variants = (change.putSamples ?? []).reduce((n, s) => n + (s.variants?.length ?? 0), 0);
  return slotBytes + (change.putSamples?.length ?? 0) * perSample + variants;
}

/** What {@link saveVersionAtomically} stored. */
export interface SavedVersion<T> {
  /** What `verify` made of the read-back slot (the loaded model). */
  model: T;
  /** The samples that were new to the store and were written with the version. */
  added: Sample[];
}

/** How {@link saveVersionAtomically} checks for room (tests pass a fixed estimate). */
export interface SaveOptions {
  estimate?: () => Promise<StorageEstimateLike | null>;
}

const detail = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Stores a version and the samples that came with it (those not stored yet) in one transaction,
 * reads the version back, verifies it and only then points 'current' at it. Checks the storage
 * estimate first. All or nothing: when storage is full nothing is written (StorageFullError); when
 * the read-back fails verification, the version and those samples are removed together
 * (BrokenVersionError) and the pointer still names the previous version.
 */
export async function saveVersionAtomically<T>(
  store: RetrainStore,
  version: { slot: VersionSlot; samples?: readonly Sample[] },
  verify: VerifySlot<T>,
  options: SaveOptions = {},
): Promise<SavedVersion<T>> {
  const { slot } = version;
  if ((await store.getSlot(slot.id)) !== undefined) throw new Error(`version ${slot.id} already exists`);
  const stored = new Set((await store.samples()).map((s) => s.id));
  const added = (version.samples ?? []).filter((s) => !stored.has(s.id));
  const change: StoreChange = { putSamples: added, putSlot: slot };
  await ensureRoom(changeBytes(change), options.estimate);
  try {
    await store.commit(change);
  } catch (err) {
    throw toStorageError(err);
  }
  let model: T;
  try {
    const back = await store.getSlot(slot.id);
    if (!back) throw new Error('missing after writing');
    model = await verify(back);
  } catch (err) {
    await store.commit({ deleteSamples: added.map((s) => s.id), deleteSlot: slot.id }).catch(() => {});
    throw new BrokenVersionError(slot.id, detail(err));
  }
  await store.setCurrent(slot.id);
  return { model, added };
}
