import { errorText } from '../errors';
import type { RetrainStore, VersionSlot } from './retrain-store';

/** Checks a slot read back from storage: resolves to the loaded model, throws when unusable. */
export type VerifySlot<T> = (slot: VersionSlot) => Promise<T>;

/** Raised when a stored version cannot be used; names the version. */
export class BrokenVersionError extends Error {
  constructor(
    readonly versionId: string,
    detail: string,
  ) {
    super(`Model version ${versionId} is unusable: ${detail}`);
    this.name = 'BrokenVersionError';
  }
}

/**
 * Saves `slot` atomically: writes it under its own new id, reads it back, verifies it (loads,
 * predicts finite values) and only then points 'current' at it. On any failure the new slot is
 * removed and the pointer still names the previous version, so nothing the user had is lost.
 */
export async function saveVersion<T>(store: RetrainStore, slot: VersionSlot, verify: VerifySlot<T>): Promise<T> {
  if ((await store.getSlot(slot.id)) !== undefined) throw new Error(`version ${slot.id} already exists`);
  let verified: T;
  try {
    await store.putSlot(slot);
    const back = await store.getSlot(slot.id);
    if (!back) throw new Error('missing after writing');
    verified = await verify(back);
  } catch (err) {
    await store.deleteSlot(slot.id).catch(() => {});
    throw new BrokenVersionError(slot.id, errorText(err));
  }
  await store.setCurrent(slot.id);
  return verified;
}

/** The version in use at start-up, or why the stored one was skipped. */
export interface OpenedVersion<T> {
  id: string | null;
  model: T | null;
  skipped?: BrokenVersionError;
}

/** Loads the version 'current' points at; a missing or corrupt one is skipped (pointer cleared). */
export async function openCurrent<T>(store: RetrainStore, verify: VerifySlot<T>): Promise<OpenedVersion<T>> {
  const id = await store.getCurrent();
  if (id === null) return { id: null, model: null };
  try {
    const slot = await store.getSlot(id);
    if (!slot) throw new Error('not found in storage');
    return { id, model: await verify(slot) };
  } catch (err) {
    await store.setCurrent(null).catch(() => {});
    return { id: null, model: null, skipped: new BrokenVersionError(id, errorText(err)) };
  }
}
