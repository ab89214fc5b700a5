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

/** The topology's layers (Sequential or functional Keras JSON). */
function layersOf(topology: object): { layers: LayerJson[]; outputName: string | undefined } {
  const root = ((topology as { model_config?: object }).model_config ?? topology) as {
    config?: { layers?: LayerJson[]; output_layers?: [string, ...unknown[]][] };
  };
  const layers = root.config?.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('the model has no layers');
  return { layers, outputName: root.config?.output_layers?.[0]?.[0] };
}

/** The topology's output layer, a Dense. */
function outputLayer(topology: object): LayerJson {
  const { layers, outputName: name } = layersOf(topology);
  const last = name === undefined ? layers.at(-1)! : layers.find((l) => l.config.name === name);
  if (!last || last.class_name !== 'Dense' || typeof last.config.units !== 'number')
    throw new Error('the model does not end in a Dense layer');
  return last;
}

/** Layers between the hidden and the output Dense that leave the features as they are. */
const PASS_THROUGH = new Set(['Dropout', 'Activation']);

/**
 * The Dense layer feeding the output layer of a Sequential topology (only shape-keeping layers
 * between them), or null when there is none.
 */
function hiddenLayer(topology: object): LayerJson | null {
  const { layers, outputName } = layersOf(topology);
  if (outputName !== undefined) return null; // functional graphs: the layer list is not the data flow
  for (let i = layers.length - 2; i >= 0; i--) {
    const layer = layers[i]!;
    if (layer.class_name === 'Dense' && typeof layer.config.units === 'number') return layer;
    if (!PASS_THROUGH.has(layer.class_name)) return null;
  }
  return null;
}

/** Units of the hidden layer before the output layer, or null when it has none (hiddenLayer). */
export function hiddenUnits(parts: Pick<ModelParts, 'topology'>): number | null {
  return hiddenLayer(parts.topology)?.config.units ?? null;
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
  const kernelName = `${layer.config.name}/kernel`;
  const biasName = `${layer.config.name}/bias`;
  const specs = parts.weightSpecs as Spec[];
  if (!specs.some((s) => s.name === kernelName) || !specs.some((s) => s.name === biasName))
    throw new Error(`the output layer's weights ${kernelName} and ${biasName} were not found`);
  return rewriteWeights(parts, topology, {
    [biasName]: (old) => ({
      values: Float32Array.from(columns, (c) => ('from' in c ? old[c.from]! : c.bias)),
      shape: [units],
    }),
    [kernelName]: (old, spec) => {
      const inputs = spec.shape[0]!;
      const kernel = new Float32Array(inputs * units);
      columns.forEach((c, j) => {
        for (let f = 0; f < inputs; f++)
          kernel[f * units + j] = 'from' in c ? old[f * oldUnits + c.from]! : c.kernel[f]!;
      });
      return { values: kernel, shape: [inputs, units] };
    },
  });
}

/** Rewrites some float32 weights of `parts` (by name); the others are copied as they are. */
function rewriteWeights(
  parts: ModelParts,
  topology: object,
  edits: Record<string, (old: Float32Array, spec: Spec) => { values: Float32Array; shape: number[] }>,
): ModelParts {
  const chunks: Uint8Array[] = [];
  const specs: Spec[] = [];
  let offset = 0;
  for (const spec of parts.weightSpecs as Spec[]) {
    if (spec.dtype !== 'float32' || spec.quantization) throw new Error(`weight ${spec.name} is not plain float32`);
    const bytes = new Uint8Array(parts.weightData, offset, bytesOf(spec));
    offset += bytes.length;
    const edit = edits[spec.name];
    if (!edit) {
      chunks.push(bytes);
      specs.push(spec);
      continue;
    }
    const { values, shape } = edit(new Float32Array(bytes.slice().buffer), spec);
    chunks.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    specs.push({ ...spec, shape });
  }
  const weightData = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    weightData.set(c, at);
    at += c.length;
  }
  return { topology, weightSpecs: specs, weightData: weightData.buffer };
}

/**
 * The model with the hidden layer before its output layer widened to `units` (unchanged when it
 * has as many already, or no such layer). The old units are copied bit for bit; each new unit
 * gets Glorot-uniform incoming weights (seeded by `random`), bias 0 and outgoing weights 0, so
 * every output is exactly what it was until training moves them. A hidden layer of 32 units
 * shared by 10 classes has no room left for new ones (README "Your own classes").
 */
export function widenHidden(parts: ModelParts, units: number, random: () => number): ModelParts {
  const topology = structuredClone(parts.topology);
  const hidden = hiddenLayer(topology);
  const old = hidden?.config.units ?? units;
  if (!hidden || old >= units) return parts;
  const output = outputLayer(topology);
  const outputs = output.config.units!;
  hidden.config.units = units;
  const names = [`${hidden.config.name}/kernel`, `${hidden.config.name}/bias`, `${output.config.name}/kernel`];
  if (names.some((name) => !(parts.weightSpecs as Spec[]).some((s) => s.name === name)))
    throw new Error(`the weights ${names.join(', ')} were not found`);
  const widened = rewriteWeights(parts, topology, {
    [names[0]!]: (w, spec) => {
      const inputs = spec.shape[0]!;
      const limit = Math.sqrt(6 / (inputs + units));
      const values = new Float32Array(inputs * units);
      for (let f = 0; f < inputs; f++)
        for (let j = 0; j < units; j++) values[f * units + j] = j < old ? w[f * old + j]! : (random() * 2 - 1) * limit;
      return { values, shape: [inputs, units] };
    },
    [names[1]!]: (b) => {
      const values = new Float32Array(units);
      values.set(b);
      return { values, shape: [units] };
    },
    // Rows of the new units in the output kernel: zeros after the old [old, outputs] block.
    [names[2]!]: (w) => {
      const values = new Float32Array(units * outputs);
      values.set(w);
      return { values, shape: [units, outputs] };
    },
  });
  return widened;
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
