import type { LayersModel } from '@tensorflow/tfjs-layers';
import { createSignal } from 'solid-js';
import { errorText } from '../../core/errors';
import type { VersionMeta, VersionSlot } from '../../core/retrain/retrain-store';
import { openCurrent, saveVersion } from '../../core/retrain/version-save';
import { pageTfjs, useUserModel } from '../../app/engine';
import { classifyWhere } from '../../app/state';
import { activeVersion, type UserModel } from '../../app/user-model';
import { keepStorage, retrainStore, showError } from './storage';

/** Stored model versions, newest first. */
export const [versions, setVersions] = createSignal<readonly VersionMeta[]>([]);

/** Loads a slot on the page's backend and checks it predicts sensibly (tfjs loaded on demand). */
async function verify(slot: VersionSlot): Promise<LayersModel> {
  await pageTfjs();
  const { loadChecked } = await import('../../ml/retrain/model-artifacts');
  return loadChecked(slot);
}

/** Re-reads the list of versions. */
export async function refreshVersions(): Promise<void> {
  const list = await (await retrainStore()).versions();
  setVersions(list.sort((a, b) => b.createdAt - a.createdAt));
}

/** Clears the 'current' pointer if it still names version `id`. */
function unpoint(id: string): void {
  void retrainStore().then(async (store) => {
    if ((await store.getCurrent()) === id) await store.setCurrent(null);
  });
}

function broken(id: string) {
  return (err: unknown): void => {
    unpoint(id);
    showError({ key: 'retrain.versionBroken', params: { detail: errorText(err) } });
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

/** The version in use at start-up: its id now, its model (checked, or skipped) once tfjs is up. */
export async function startupModel(): Promise<UserModel | null> {
  const store = await retrainStore();
  const id = await store.getCurrent();
  if (id === null) return null;
  return {
    id,
    parts: () => storedSlot(id),
    load: async () => {
      const opened = await openCurrent(store, verify);
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
  if (activeVersion() === id) await (await retrainStore()).setCurrent(id);
}

/** Goes back to the shipped model (samples and versions stay). */
export async function resetToShipped(): Promise<void> {
  await (await retrainStore()).setCurrent(null);
  await useUserModel(null);
}

/** Deletes version `id` (going back to the shipped model first when it is in use). */
export async function deleteVersion(id: string): Promise<void> {
  if (activeVersion() === id) await resetToShipped();
  await (await retrainStore()).deleteSlot(id);
  await refreshVersions();
}

/** Stores `slot` atomically (written, read back, checked, then made current) and uses it. */
export async function addVersion(slot: VersionSlot): Promise<void> {
  void keepStorage();
  const model = await saveVersion(await retrainStore(), slot, verify);
  await refreshVersions();
  // A classification worker loads the version from its stored parts: the page's copy is not needed.
  const onPage = classifyWhere() === 'main';
  if (!onPage) model.dispose();
  await useUserModel(versionModel(slot.id, onPage ? model : undefined));
}
