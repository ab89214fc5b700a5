import * as tf from '@tensorflow/tfjs';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CLASS_NAMES, NUM_CLASSES } from '../../src/core/classes';
import { readBundle } from '../../src/core/retrain/read-bundle';
import { MAX_CLASSES } from '../../src/core/retrain/classes';
import { UsageError } from './cli-errors';

/** A model version exported from the app, loaded for Node. */
export interface ExportModel {
  /** The file name, printed as the model's name. */
  id: string;
  model: tf.LayersModel;
  /** English names of every output: the ten, then the user's classes as they typed them. */
  names: string[];
}

/** True when `--model` names an exported .zip rather than a manifest id. */
export function isExportPath(model: string | undefined): model is string {
  return model !== undefined && /\.zip$/i.test(model);
}

/**
 * Loads a Prenda .zip exported from the app (checked completely, as the app's import does: sizes,
 * schemas, weight bytes); its `meta.json` names the user classes after the ten.
 */
export async function loadExportModel(path: string): Promise<ExportModel> {
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new UsageError(`cannot read the exported model ${path}: ${(err as Error).message}`);
  }
  const bundle = readBundle(bytes, { classes: MAX_CLASSES });
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: bundle.topology,
      weightSpecs: bundle.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: bundle.weightData,
    }),
  );
  const names = [...CLASS_NAMES.en, ...(bundle.meta.classes ?? [])];
  const outputs = model.outputs[0]!.shape[1];
  if (outputs !== names.length) {
    model.dispose();
    throw new Error(
      `${basename(path)}: the model has ${outputs} outputs but its meta.json names ${names.length} classes (${NUM_CLASSES} + ${names.length - NUM_CLASSES})`,
    );
  }
  return { id: basename(path), model, names };
}
