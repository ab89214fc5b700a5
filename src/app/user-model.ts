import type { LayersModel } from '@tensorflow/tfjs-layers';
import { createSignal } from 'solid-js';
import type { Classifier } from '../ml/classifier';
import type { ModelParts } from '../ml/retrain/model-artifacts';

/** A user's retrained model version, used instead of the manifest model (see state/versions). */
export interface UserModel {
  id: string;
  /** Builds the model on the active backend (again after a GPU loss). */
  load: () => Promise<LayersModel>;
  /** Its stored topology and weights, unchecked and without tfjs (the classification worker checks them). */
  parts: () => Promise<ModelParts>;
  /** Told when loading failed; the manifest model is used instead. */
  onError: (err: unknown) => void;
  /** Told when the user picked a manifest model instead. */
  onDropped: () => void;
}

let current: UserModel | null = null;
let failure: (() => void) | null = null;

const [version, setVersion] = createSignal<string | null>(null);
/** Id of the user's version in use, or null while the manifest model is. */
export const activeVersion = version;

/** Adopts the version to start with (engine, once the backend runs). */
export async function takeStartupModel(pending: Promise<UserModel | null>): Promise<void> {
  current = await pending;
}

/** Sets the version the next model load uses (null: the manifest model). */
export function setUserModel(model: UserModel | null): void {
  current = model;
}

/** Forgets the version because the user chose a manifest model. */
export function dropUserModel(): void {
  const dropped = current;
  current = null;
  dropped?.onDropped();
}

/** The user's version as a classifier when one is set and loads, else the manifest model at `url`. */
export async function loadClassifier(url: string, C: typeof Classifier): Promise<Classifier> {
  const user = current;
  if (user) {
    try {
      return await C.fromModel(await user.load());
    } catch (err) {
      if (current === user) current = null;
      // Reported by loaded(): loading the manifest model clears earlier errors.
      failure = () => user.onError(err);
    }
  }
  return C.load(url);
}

/** Records which model is now in use and reports a version that failed to load. */
export function loaded(): void {
  setVersion(current?.id ?? null);
  failure?.();
  failure = null;
}

/**
 * The user's version as parts for the classification worker, or null for the manifest model.
 * A version that cannot be read is recorded as failed (reported by {@link loaded}).
 */
export async function userParts(): Promise<ModelParts | null> {
  const user = current;
  if (!user) return null;
  try {
    return await user.parts();
  } catch (err) {
    userFailed(err);
    return null;
  }
}

/** Records that the version in use could not be used; the manifest model runs instead. */
export function userFailed(err: unknown): void {
  const user = current;
  if (!user) return;
  current = null;
  failure = () => user.onError(err);
}
