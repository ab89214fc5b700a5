import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WEIGHTS_FILE = 'group1-shard1of1.bin';

/** A tfjs IOHandler that writes model.json + one weights file into `dir` (tfjs layers format). */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    const json = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
    };
    writeModelFiles(dir, json, artifacts.weightSpecs ?? [], new Uint8Array(artifacts.weightData as ArrayBuffer));
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  });
}

/** A layers model.json with its weight files read and joined in manifest order. */
export interface ModelFiles {
  json: tf.io.ModelJSON;
  specs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

/** Reads a layers model.json and its weight files from disk. */
export function readModelFiles(modelJsonPath: string): ModelFiles {
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
  const dir = dirname(modelJsonPath);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(new Uint8Array(readFileSync(join(dir, p))));
  }
  const total = buffers.reduce((n, b) => n + b.length, 0);
  const weightData = new Uint8Array(total);
  buffers.reduce((at, b) => (weightData.set(b, at), at + b.length), 0);
  return { json, specs, weightData: weightData.buffer };
}

/** A tfjs IOHandler that reads a layers model.json and its weight files from disk. */
export function fileLoadHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    load: async () => {
      const { json, specs, weightData } = readModelFiles(modelJsonPath);
      return { modelTopology: json.modelTopology, weightSpecs: specs, weightData, format: json.format };
    },
  };
}

/** Writes `json` with one weights file holding `weights` (described by `specs`) into `dir`. */
export function writeModelFiles(
  dir: string,
  json: Record<string, unknown>,
  specs: tf.io.WeightsManifestEntry[],
  weights: Uint8Array,
): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, WEIGHTS_FILE), weights);
  const modelJson = { ...json, weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }] };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
}

/** Fills a sibling temp folder with `write`, then swaps it in for `finalDir` by renames. */
export async function replaceDirAtomically(finalDir: string, write: (temp: string) => unknown): Promise<void> {
  const temp = `${finalDir}.tmp-${process.pid}`;
  const old = `${finalDir}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  await write(temp);
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(temp, finalDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Saves `model` to `finalDir` atomically: writes a sibling temp folder, then swaps it in with
 * renames, so a crash never leaves a half-written model where the app looks for one.
 */
export async function saveModelAtomically(model: tf.LayersModel, finalDir: string): Promise<number> {
  let bytes = 0;
  await replaceDirAtomically(finalDir, async (temp) => {
    const result = await model.save(fileSaveHandler(temp));
    bytes = result.modelArtifactsInfo.weightDataBytes ?? 0;
  });
  return bytes;
}

/** Writes JSON to `path` atomically (temp file, then rename). */
export function writeJsonAtomically(path: string, value: unknown): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(value, null, 1)}\n`);
  renameSync(temp, path);
}
