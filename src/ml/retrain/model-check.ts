import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { IMAGE_PIXELS } from '../../core/classes';
import type { LabelledImages } from '../../core/dataset';
import type { WeightSpec } from '../../core/retrain/bundle-schema';
import { parameterCount } from '../../core/retrain/weight-bytes';
import { partsToModel, type ModelParts } from './model-artifacts';

/** Why a candidate model is refused. */
export type ModelProblem =
  'too-big' | 'build' | 'weights' | 'input' | 'output' | 'too-slow' | 'not-finite' | 'not-softmax' | 'constant';

/** Raised when a model cannot be Prenda's; `problem` for the UI, the message for people. */
export class ModelCheckError extends Error {
  constructor(
    readonly problem: ModelProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'ModelCheckError';
  }
}

/** What a candidate must fit, and the bounds on the work spent checking it. */
export interface CandidateOptions {
  /** Classes the model must output (10 today; more once users add classes). */
  classes: number;
  /** Labelled images to score on: a few hundred of the shipped test set. */
  probe: LabelledImages;
  /** Refused before building above this many parameters. */
  maxParameters?: number;
  /** Predicting the probe may take this long (ms) before the model is refused as too slow. */
  budgetMs?: number;
}

/** What the check measured, for the "use it anyway?" question. */
export interface CandidateReport {
  parameters: number;
  inputShape: number[];
  classes: number;
  /** Share of the probe images answered right (0–1). */
  accuracy: number;
  scored: number;
  msPerImage: number;
}

/** Below this probe accuracy the UI should ask before switching ("this model gets 14 % right"). */
export const SUSPECT_ACCURACY = 0.5;
/** Defaults: the shipped models have 75–102 K parameters and answer in about a millisecond. */
export const CANDIDATE_LIMITS = { maxParameters: 5_000_000, budgetMs: 15_000 };
/** Outputs that move less than this over all probe images are one constant answer. */
const CONSTANT_SPREAD = 1e-4;
const MAX_BATCH = 64;

const INPUT_SHAPES = ['28,28', '28,28,1', '784'];
const shapeText = (shape: readonly (number | null)[]): string => shape.map((d) => d ?? '?').join('×');
const detail = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Null when the model's own weights are exactly those the specs describe (optimizer weights aside). */
function weightsMismatch(model: LayersModel, specs: readonly WeightSpec[]): string | null {
  const described = new Map(specs.filter((s) => s.group !== 'optimizer').map((s) => [s.name, s.shape.join('×')]));
  for (const w of model.weights) {
    const shape = described.get(w.originalName);
    if (shape === undefined) return `weight ${w.originalName} has no values in the weights file`;
    if (shape !== w.shape.join('×')) return `weight ${w.originalName} is ${w.shape.join('×')}, the file has ${shape}`;
  }
  if (described.size !== model.weights.length)
    return `the weights file describes ${described.size} weights, the model has ${model.weights.length}`;
  return null;
}

/** Throws unless the model takes one 28×28 image (784 values) and outputs `classes` values. */
function checkShapes(model: LayersModel, classes: number): number[] {
  const input = model.inputs.length === 1 ? model.inputs[0]!.shape.slice(1) : [];
  if (!INPUT_SHAPES.includes(input.join(',')))
    throw new ModelCheckError('input', `model input is ${shapeText(input)}, expected 28×28 (784 values)`);
  const output = model.outputs.length === 1 ? model.outputs[0]!.shape.slice(1) : [];
  if (output.length !== 1 || output[0] !== classes)
    throw new ModelCheckError('output', `model output is ${shapeText(output)}, expected ${classes} classes`);
  return input as number[];
}

/** The probe's images first, then a blank and a striped one (inputs no photo or drawing gives). */
function probeInputs(probe: LabelledImages): { values: Float32Array; count: number } {
  const count = probe.count + 2;
  const values = new Float32Array(count * IMAGE_PIXELS);
  for (let i = 0; i < probe.count * IMAGE_PIXELS; i++) values[i] = probe.images[i]! / 255;
  const striped = (probe.count + 1) * IMAGE_PIXELS;
  for (let i = 0; i < IMAGE_PIXELS; i++) values[striped + i] = ((i * 7919) % 256) / 255;
  return { values, count };
}

/** Predicts all rows in growing batches, timing them: refuses the model once the budget is spent. */
async function predictBounded(
  model: LayersModel,
  inputShape: number[],
  rows: Float32Array,
  count: number,
  budgetMs: number,
) {
  const classes = model.outputs[0]!.shape[1]!;
  const out = new Float32Array(count * classes);
  // One untimed image first: the first call compiles the backend's kernels (WebGL shaders take
  // hundreds of ms on a busy machine), which says nothing about the model's own speed.
  const warm = tf.tidy(() => model.predict(tf.tensor(rows.subarray(0, IMAGE_PIXELS), [1, ...inputShape])) as tf.Tensor);
  await warm.data();
  warm.dispose();
  const started = performance.now();
  let batch = 1;
  for (let start = 0; start < count;) {
    const n = Math.min(batch, count - start);
    const y = tf.tidy(
      () =>
        model.predict(
          tf.tensor(rows.subarray(start * IMAGE_PIXELS, (start + n) * IMAGE_PIXELS), [n, ...inputShape]),
        ) as tf.Tensor,
    );
    const values = await y.data();
    y.dispose();
    out.set(values, start * classes);
    start += n;
    const elapsed = performance.now() - started;
    const perImage = elapsed / start;
    if (start < count && elapsed + perImage * Math.min(MAX_BATCH, count - start) > budgetMs)
      throw new ModelCheckError(
        'too-slow',
        `the model needs ${perImage.toFixed(0)} ms per image: too slow to check and to use`,
      );
    batch = Math.min(MAX_BATCH, batch * 4);
  }
  return { probs: out, msPerImage: (performance.now() - started) / count };
}

/** Throws unless every row is finite, sums to 1 (± 1e-3) and the rows are not all the same. */
function checkOutputs(probs: Float32Array, classes: number): void {
  const rows = probs.length / classes;
  const low = new Float32Array(classes).fill(Infinity);
  const high = new Float32Array(classes).fill(-Infinity);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const p = probs[r * classes + k]!;
      if (!Number.isFinite(p)) throw new ModelCheckError('not-finite', 'the model answers NaN or infinite values');
      sum += p;
      low[k] = Math.min(low[k]!, p);
      high[k] = Math.max(high[k]!, p);
    }
    if (Math.abs(sum - 1) > 1e-3)
      throw new ModelCheckError('not-softmax', `the outputs sum to ${sum.toFixed(3)}, not 1 (no softmax?)`);
  }
  const spread = Math.max(...high.map((h, k) => h - low[k]!));
  if (spread < CONSTANT_SPREAD) {
    const answer = [...low].map((p) => `${Math.round(p * 100)} %`).join(' / ');
    throw new ModelCheckError(
      'constant',
      `the model gives the same answer for every image (${answer}): its weights look empty`,
    );
  }
}

function accuracyOn(probs: Float32Array, labels: Uint8Array, classes: number): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
    if (best === labels[i]) right++;
  }
  return labels.length ? right / labels.length : 0;
}

/**
 * Builds a candidate model (an import, or a stored version) and checks it fully before it may be
 * used: size bound, every weight present, 28×28 in, `classes` out, finite softmax outputs that
 * depend on the image, and a quick score on the probe images, all within a time budget. Resolves
 * to the model (the caller owns it) and a report; throws {@link ModelCheckError} and disposes the model.
 */
export async function checkCandidate(
  parts: ModelParts,
  options: CandidateOptions,
): Promise<{ model: LayersModel; report: CandidateReport }> {
  const {
    classes,
    probe,
    maxParameters = CANDIDATE_LIMITS.maxParameters,
    budgetMs = CANDIDATE_LIMITS.budgetMs,
  } = options;
  const specs = parts.weightSpecs as WeightSpec[];
  const parameters = parameterCount(specs);
  if (parameters > maxParameters)
    throw new ModelCheckError(
      'too-big',
      `the model has ${parameters.toLocaleString('en-US')} parameters, more than ${maxParameters.toLocaleString('en-US')}`,
    );
  let model: LayersModel;
  try {
    model = await partsToModel(parts);
  } catch (err) {
    throw new ModelCheckError('build', `the model cannot be built: ${detail(err)}`);
  }
  try {
    const mismatch = weightsMismatch(model, specs);
    if (mismatch) throw new ModelCheckError('weights', mismatch);
    const inputShape = checkShapes(model, classes);
    const { values, count } = probeInputs(probe);
    const { probs, msPerImage } = await predictBounded(model, inputShape, values, count, budgetMs);
    checkOutputs(probs, classes);
    const accuracy = accuracyOn(probs, probe.labels.subarray(0, probe.count), classes);
    return { model, report: { parameters, inputShape, classes, accuracy, scored: probe.count, msPerImage } };
  } catch (err) {
    model.dispose();
    throw err;
  }
}
