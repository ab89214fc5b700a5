import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from '../../core/classes';
import { MAX_CLASSES } from '../../core/retrain/classes';
import { readLayersModel } from '../../core/retrain/read-model';

/** A layers model's parts as plain, transferable data (what a version slot stores). */
export interface ModelParts {
  topology: object;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
}

/** Why a model cannot be Prenda's: which end does not fit, and its shape. */
export interface ShapeProblem {
  part: 'input' | 'output';
  shape: string;
}

/** Serialises a model's topology and weights (tfjs artifacts, weights in one buffer). */
export async function modelToParts(model: LayersModel): Promise<ModelParts> {
  let parts: ModelParts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      parts = {
        topology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs ?? [],
        weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData),
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!parts) throw new Error('the model produced no artifacts');
  return parts;
}

/** Builds a model from its parts on the current backend. */
export function partsToModel(parts: ModelParts): Promise<LayersModel> {
  return loadLayersModel(
    tf.io.fromMemory({
      modelTopology: parts.topology,
      weightSpecs: parts.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: parts.weightData,
    }),
  );
}

const shapeText = (shape: readonly (number | null)[]): string => shape.map((d) => d ?? '?').join('×');

/** Null when the model takes a 28×28 (or 28×28×1) image and outputs 10 classes (up to 30 with user classes). */
export function shapeProblem(model: LayersModel): ShapeProblem | null {
  const input = model.inputs.length === 1 ? model.inputs[0]!.shape.slice(1) : [];
  const output = model.outputs.length === 1 ? model.outputs[0]!.shape.slice(1) : [];
  const fitsInput =
    (input.length === 2 || (input.length === 3 && input[2] === 1)) &&
    input[0] === IMAGE_SIDE &&
    input[1] === IMAGE_SIDE;
  if (!fitsInput) return { part: 'input', shape: shapeText(input) };
  const classes = output[0] ?? 0;
  if (output.length !== 1 || classes < NUM_CLASSES || classes > MAX_CLASSES)
    return { part: 'output', shape: shapeText(output) };
  return null;
}

/** Raised when a model's input or output does not fit Prenda. */
export class ShapeMismatchError extends Error {
  constructor(readonly problem: ShapeProblem) {
    super(`model ${problem.part} is ${problem.shape}, expected ${problem.part === 'input' ? '28×28' : '10'}`);
    this.name = 'ShapeMismatchError';
  }
}

/** Throws unless the model fits and predicts finite probabilities summing to 1 on probe images. */
export async function checkModel(model: LayersModel): Promise<void> {
  const problem = shapeProblem(model);
  if (problem) throw new ShapeMismatchError(problem);
  const shape = [2, ...(model.inputs[0]!.shape.slice(1) as number[])];
  const probe = new Float32Array(2 * IMAGE_PIXELS);
  for (let i = 0; i < IMAGE_PIXELS; i++) probe[IMAGE_PIXELS + i] = ((i * 7919) % 256) / 255;
  const out = tf.tidy(() => model.predict(tf.tensor(probe, shape)) as tf.Tensor);
  const values = await out.data();
  const classes = out.shape[1]!;
  out.dispose();
  for (let row = 0; row < 2; row++) {
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const v = values[row * classes + k]!;
      if (!Number.isFinite(v)) throw new Error('the model predicts NaN or infinite values');
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-3) throw new Error(`the outputs sum to ${sum.toFixed(3)}, not 1 (no softmax?)`);
  }
}

/** Loads parts into a checked model; disposes it and throws when unusable. */
export async function loadChecked(parts: ModelParts): Promise<LayersModel> {
  const model = await partsToModel(parts);
  try {
    await checkModel(model);
    return model;
  } catch (err) {
    model.dispose();
    throw err;
  }
}

/**
 * Loads a tfjs layers model from its model.json and weight files, chosen together by the user,
 * after checking them completely (JSON, schema, exact weight bytes, finite values): throws ImportError.
 */
export async function modelFromFiles(json: File, weights: File[]): Promise<LayersModel> {
  const files = await Promise.all(
    [json, ...weights].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  return partsToModel(readLayersModel(files));
}
