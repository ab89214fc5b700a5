// Growing (or shrinking, or reordering) a model's output layer to another class list, on the
// model's plain parts: the topology's last Dense gets the new number of units and its kernel and
// bias are rebuilt column by column. Kept rows are copied bit for bit, so before any training the
// logits of the classes both lists share are exactly what they were.
import type { LabelledImages } from '../../core/dataset';
import { extractFeatures } from './head-training';
import { partsToModel, type ModelParts } from './model-artifacts';

/** One output column of the new layer: copied from old column `from`, or given outright. */
export type OutputColumn = { from: number } | { kernel: Float32Array; bias: number };

interface LayerJson {
  class_name: string;
  config: { name: string; units?: number; [key: string]: unknown };
  [key: string]: unknown;
}

interface Spec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
  [key: string]: unknown;
}

/** The topology's layers and the name of its output layer (Sequential or functional Keras JSON). */
function outputLayer(topology: object): LayerJson {
  const root = ((topology as { model_config?: object }).model_config ?? topology) as {
    config?: { layers?: LayerJson[]; output_layers?: [string, ...unknown[]][] };
  };
  const layers = root.config?.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('the model has no layers');
  const name = root.config?.output_layers?.[0]?.[0];
  const last = name === undefined ? layers.at(-1)! : layers.find((l) => l.config.name === name);
  if (!last || last.class_name !== 'Dense' || typeof last.config.units !== 'number')
    throw new Error('the model does not end in a Dense layer');
  return last;
}

/** Number of outputs of the model described by `parts`. */
export function outputCount(parts: Pick<ModelParts, 'topology'>): number {
  return outputLayer(parts.topology).config.units!;
}

const bytesOf = (spec: Spec): number => spec.shape.reduce((a, b) => a * b, 1) * 4;

/**
 * The model with its output layer replaced by `columns` (one per new output, in order). Every
 * weight must be plain float32 (versions and models read back through tfjs always are).
 */
export function resizeOutput(parts: ModelParts, columns: readonly OutputColumn[]): ModelParts {
  const topology = structuredClone(parts.topology);
  const layer = outputLayer(topology);
  const oldUnits = layer.config.units!;
  const units = columns.length;
  layer.config.units = units;
  const specs = parts.weightSpecs as Spec[];
  const kernelName = `${layer.config.name}/kernel`;
  const biasName = `${layer.config.name}/bias`;
  const chunks: Uint8Array[] = [];
  const newSpecs: Spec[] = [];
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32' || spec.quantization) throw new Error(`weight ${spec.name} is not plain float32`);
    const bytes = new Uint8Array(parts.weightData, offset, bytesOf(spec));
    offset += bytes.length;
    if (spec.name !== kernelName && spec.name !== biasName) {
      chunks.push(bytes);
      newSpecs.push(spec);
      continue;
    }
    const old = new Float32Array(bytes.slice().buffer);
    if (spec.name === biasName) {
      const bias = Float32Array.from(columns, (c) => ('from' in c ? old[c.from]! : c.bias));
      chunks.push(new Uint8Array(bias.buffer));
      newSpecs.push({ ...spec, shape: [units] });
      continue;
    }
    const inputs = spec.shape[0]!;
    const kernel = new Float32Array(inputs * units);
    columns.forEach((c, j) => {
      for (let f = 0; f < inputs; f++) kernel[f * units + j] = 'from' in c ? old[f * oldUnits + c.from]! : c.kernel[f]!;
    });
    chunks.push(new Uint8Array(kernel.buffer));
    newSpecs.push({ ...spec, shape: [inputs, units] });
  }
  if (newSpecs.filter((s) => s.name === kernelName || s.name === biasName).length !== 2)
    throw new Error(`the output layer's weights ${kernelName} and ${biasName} were not found`);
  const weightData = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    weightData.set(c, at);
    at += c.length;
  }
  return { topology, weightSpecs: newSpecs, weightData: weightData.buffer };
}

/**
 * Weight imprinting (Qi, Brown & Lowe 2018) for the outputs `rows` marks null: the new column is
 * the mean penultimate feature of that class's samples in `train` (label = the output's index),
 * scaled to the mean length of the existing columns; its bias is the mean of the old biases. So
 * a new class starts where its examples are, as confident as an old class, before any training.
 */
export async function growOutputs(
  parts: ModelParts,
  rows: readonly (number | null)[],
  train: LabelledImages,
): Promise<ModelParts> {
  const model = await partsToModel(parts);
  try {
    const last = model.layers.at(-1)!;
    const [kernelT, biasT] = last.getWeights();
    if (!kernelT || !biasT) throw new Error('the output layer has no bias');
    const [inputs, oldUnits] = kernelT.shape as [number, number];
    const kernel = kernelT.dataSync() as Float32Array;
    const bias = biasT.dataSync() as Float32Array;
    let norms = 0;
    for (let j = 0; j < oldUnits; j++) {
      let s = 0;
      for (let f = 0; f < inputs; f++) s += kernel[f * oldUnits + j]! ** 2;
      norms += Math.sqrt(s);
    }
    const scale = norms / oldUnits;
    const meanBias = bias.reduce((a, b) => a + b, 0) / oldUnits;
    const wanted = new Set(rows.flatMap((row, j) => (row === null ? [j] : [])));
    const picked = [...train.labels.keys()].filter((i) => wanted.has(train.labels[i]!));
    const shape = model.inputs[0]!.shape.slice(1) as number[];
    const features = await extractFeatures(model.layers.slice(0, -1), subset(train, picked), shape);
    const columns: OutputColumn[] = rows.map((row, j) => {
      if (row !== null) return { from: row };
      const mean = new Float32Array(inputs);
      let n = 0;
      picked.forEach((at, i) => {
        if (train.labels[at] !== j) return;
        n++;
        for (let f = 0; f < inputs; f++) mean[f] = mean[f]! + features.values[i * inputs + f]!;
      });
      const length = Math.sqrt(mean.reduce((a, b) => a + b * b, 0));
      // No samples (or all-zero features): a zero column, the class starts at its bias alone.
      if (n > 0 && length > 0) for (let f = 0; f < inputs; f++) mean[f] = (mean[f]! / length) * scale;
      return { kernel: mean, bias: meanBias };
    });
    return resizeOutput(parts, columns);
  } finally {
    model.dispose();
  }
}

/** The images of `set` at `indices`, in that order. */
function subset(set: LabelledImages, indices: readonly number[]): LabelledImages {
  const side = set.images.length / Math.max(1, set.count);
  const images = new Uint8Array(indices.length * side);
  const labels = new Uint8Array(indices.length);
  indices.forEach((from, i) => {
    images.set(set.images.subarray(from * side, (from + 1) * side), i * side);
    labels[i] = set.labels[from]!;
  });
  return { images, labels, count: indices.length };
}
