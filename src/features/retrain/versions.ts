import type { LayersModel } from '@tensorflow/tfjs-layers';
import { createSignal } from 'solid-js';
import { errorText } from '../../core/errors';
import { saveVersionAtomically } from '../../core/retrain/atomic-save';
import type { VersionMeta, VersionSlot } from '../../core/retrain/retrain-store';
import type { Sample } from '../../core/retrain/samples';
import { readVersions } from '../../core/retrain/storage-check';
import { openCurrent } from '../../core/retrain/version-save';
import { pageTfjs, useUserModel } from '../../app/engine';
import { classifyWhere } from '../../app/state';
import { params } from '../../app/params';
import { activeVersion, type UserModel } from '../../app/user-model';
import { faults, refreshFaults } from './faults';
import { listSamples } from './samples';
import { keepStorage, retrainStore, showError } from './storage';
import { announce, exclusive } from './tabs';

/** Stored model versions that are usable, newest first. */
export const [versions, setVersions] = createSignal<readonly VersionMeta[]>([]);

/** A version trained or imported this session that storage could not keep (in use until the page closes). */
export interface UnsavedVersion {
  slot: VersionSlot;
  /** Why it was not saved, for the message. */
  detail: string;
}

/** The version in use that could not be saved, or null. */
export const [unsaved, setUnsaved] = createSignal<UnsavedVersion | null>(null);

/** Loads a slot on the page's backend and checks it predicts sensibly (tfjs loaded on demand). */
async function verify(slot: VersionSlot): Promise<LayersModel> {
  await pageTfjs();
  const { loadChecked } = await import('../../ml/retrain/model-artifacts');
  return loadChecked(slot);
}

/** Re-reads the list of versions and the faults; versions with a fault are listed as faults only. */
export async function refreshVersions(): Promise<void> {
  const [{ versions: list }, found] = await Promise.all([
    readVersions(await retrainStore()).catch(() => ({ versions: [] as VersionMeta[] })),
    refreshFaults(),
  ]);
  const faulty = new Set(found.filter((f) => f.store !== 'settings' && f.store !== 'samples').map((f) => f.label));
  setVersions(list.filter((v) => !faulty.has(v.id)).sort((a, b) => b.createdAt - a.createdAt));
}

/** Clears the 'current' pointer if it still names version `id`. */
function unpoint(id: string): void {
  void exclusive(async () => {
    const store = await retrainStore();
    if ((await store.getCurrent()) === id) await store.setCurrent(null);
  }).catch(() => {});
}

function broken(id: string) {
  return (err: unknown): void => {
    unpoint(id);
    showError({ key: 'retrain.versionBroken', params: { detail: errorText(err) } });
    void refreshVersions();
  };
}

/** Reads version `id`'s slot (its topology and weights) from storage. */
async function storedSlot(id: string): Promise<VersionSlot> {
  const slot = await (await retrainStore()).getSlot(id);
  if (!slot) throw new Error(`version ${id} is not in storage`);
  return slot;
}

/** Version `id` as the engine's user model; `preloaded` is used for the first load. */
function versionModel(id: string, preloaded?: LayersModel): UserModel {
  let ready = preloaded;
  return {
    id,
    parts: () => storedSlot(id),
    load: async () => {
      if (ready) {
        const model = ready;
        ready = undefined;
        return model;
      }
      return verify(await storedSlot(id));
    },
    onError: broken(id),
    onDropped: () => unpoint(id),
  };
}

/** Throws when the stored checks found a fault in version `id` (schema, weight bytes). */
function assertSound(id: string): void {
  const fault = faults().find((f) => f.label === id && f.store !== 'settings');
  if (fault) throw new Error(`${fault.store}: ${fault.problem}`);
}

/**
 * The version in use at start-up: its id now, its model (checked, or skipped) once tfjs is up.
 * With `?safe=1` the shipped model, whatever storage holds.
 */
export async function startupModel(): Promise<UserModel | null> {
  if (params.safe) return null;
  const store = await retrainStore();
  const id = await store.getCurrent().catch(() => null);
  if (typeof id !== 'string') return null;
  return {
    id,
    parts: async () => {
      await refreshFaults();
      assertSound(id);
      return storedSlot(id);
    },
    load: async () => {
      await refreshFaults();
      const opened = await openCurrent(store, async (slot) => (assertSound(slot.id), verify(slot)));
      if (opened.skipped) throw opened.skipped;
      if (!opened.model) throw new Error('no version in use');
      return opened.model;
    },
    onError: broken(id),
    onDropped: () => unpoint(id),
  };
}

/** Switches to stored version `id`; the pointer moves only once it loaded and predicted. */
export async function switchVersion(id: string): Promise<void> {
  await useUserModel(versionModel(id));
  if (activeVersion() !== id) return;
  await exclusive(async () => (await retrainStore()).setCurrent(id));
  announce({ type: 'current', id });
}

/** Goes back to the shipped model (samples and versions stay). */
export async function resetToShipped(): Promise<void> {
  await exclusive(async () => (await retrainStore()).setCurrent(null)).catch(() => {});
  setUnsaved(null);
  await useUserModel(null);
  announce({ type: 'current', id: null });
}

/** Deletes version `id` (going back to the shipped model first when it is in use). */
export async function deleteVersion(id: string): Promise<void> {
  if (activeVersion() === id) await resetToShipped();
  await exclusive(async () => (await retrainStore()).deleteSlot(id));
  await refreshVersions();
  announce({ type: 'versions' });
}

/** Same bytes: the read-back weights are exactly those written. */
function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Stores `slot` with the `samples` that came with it in one transaction (storage estimate checked
 * first), reads it back, then points 'current' at it and uses `model` (already checked). Throws
 * StorageFullError, StorageUnavailableError or BrokenVersionError with nothing written.
 */
export async function saveAndUse(
  slot: VersionSlot,
  model: LayersModel,
  samples: readonly Sample[] = [],
): Promise<void> {
  void keepStorage();
  const { added } = await exclusive(async () =>
    saveVersionAtomically(await retrainStore(), { slot, samples }, async (back) => {
      if (!sameBytes(back.weightData, slot.weightData)) throw new Error('the weights read back differ');
      return model;
    }),
  );
  listSamples(added);
  setUnsaved(null);
  await refreshVersions();
  // A classification worker loads the version from its stored parts: the page's copy is not needed.
  const onPage = classifyWhere() === 'main';
  if (!onPage) model.dispose();
  await useUserModel(versionModel(slot.id, onPage ? model : undefined));
  if (added.length) announce({ type: 'samples' });
  announce({ type: 'versions' });
  announce({ type: 'current', id: slot.id });
}

/** Uses a version storage could not keep, for this session only (the user can export it). */
export async function useUnsaved(slot: VersionSlot, model: LayersModel, detail: string): Promise<void> {
  setUnsaved({ slot, detail });
  let ready: LayersModel | undefined = model;
  await useUserModel({
    id: slot.id,
    parts: () => Promise.resolve(slot),
    load: async () => {
      const first = ready;
      ready = undefined;
      return first ?? verify(slot);
    },
    onError: (err) => {
      setUnsaved(null);
      showError({ key: 'retrain.versionBroken', params: { detail: errorText(err) } });
    },
    onDropped: () => setUnsaved(null),
  });
}

/** Follows a change of the version in use made in another tab (no write: that tab wrote it). */
export async function followCurrent(id: string | null): Promise<void> {
  if (activeVersion() === id) return;
  setUnsaved(null);
  await useUserModel(id === null ? null : versionModel(id));
}

/** Checks `slot` on the page, then stores and uses it (a version made from another, e.g. without a class). */
export async function addVersion(slot: VersionSlot): Promise<void> {
  const model = await verify(slot);
  try {
    await saveAndUse(slot, model);
  } catch (err) {
    model.dispose();
    throw err;
  }
}
