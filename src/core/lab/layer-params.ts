// Layer-by-layer output shapes and parameter counts read from a tfjs layers model.json, without tf.

/** One layer of a sequential model with its output shape and parameter arithmetic. */
export interface LayerInfo {
  name: string;
  /** Keras class name: Flatten, Dense, Conv2D, MaxPooling2D, Dropout, … */
  kind: string;
  /** Output shape without the batch axis. */
  outputShape: number[];
  /** Parameters = Σ over terms of the product of each term's factors (e.g. [[784, 128], [128]]). */
  terms: number[][];
  parameters: number;
  activation?: string;
  /** Dropout rate, when the layer has one. */
  rate?: number;
}

interface RawLayer {
  class_name: string;
  config: Record<string, unknown> & { name?: string; batch_input_shape?: (number | null)[] };
}

/** The layer list of a Sequential topology, in either of the shapes tfjs and Keras write. */
function layersOf(modelJson: unknown): RawLayer[] {
  const top = (modelJson as { modelTopology?: unknown }).modelTopology ?? modelJson;
  const model = (top as { model_config?: unknown }).model_config ?? top;
  const { class_name: kind, config } = model as { class_name?: string; config?: unknown };
  if (kind !== 'Sequential') throw new Error(`model.json: only Sequential models are explained, not ${kind}`);
  const layers = Array.isArray(config) ? config : (config as { layers?: unknown }).layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('model.json: no layers');
  return layers as RawLayer[];
}

const pair = (v: unknown, fallback: number): [number, number] =>
  Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v ?? fallback), Number(v ?? fallback)];

/** Output size of a 2-D window op along one axis (channels-last, `same` or `valid`). */
export function windowOutput(size: number, kernel: number, stride: number, padding: string): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

function describe(layer: RawLayer, input: number[]): Omit<LayerInfo, 'name' | 'kind' | 'parameters'> {
  const c = layer.config;
  const last = input[input.length - 1]!;
  switch (layer.class_name) {
    case 'InputLayer':
    case 'Activation':
      return { outputShape: input, terms: [], activation: c.activation as string | undefined };
    case 'Dropout':
      return { outputShape: input, terms: [], rate: Number(c.rate) };
    case 'Flatten':
      return { outputShape: [input.reduce((a, b) => a * b, 1)], terms: [] };
    case 'Reshape':
      return { outputShape: (c.target_shape as number[]).map(Number), terms: [] };
    case 'Dense': {
      const units = Number(c.units);
      return {
        outputShape: [...input.slice(0, -1), units],
        terms: c.use_bias === false ? [[last, units]] : [[last, units], [units]],
        activation: c.activation as string,
      };
    }
    case 'Conv2D': {
      const filters = Number(c.filters);
      const [kh, kw] = pair(c.kernel_size, 3);
      const [sh, sw] = pair(c.strides, 1);
      const padding = String(c.padding ?? 'valid');
      const outputShape = [windowOutput(input[0]!, kh, sh, padding), windowOutput(input[1]!, kw, sw, padding), filters];
      const kernel = [kh, kw, last, filters];
      return {
        outputShape,
        terms: c.use_bias === false ? [kernel] : [kernel, [filters]],
        activation: c.activation as string,
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const [ph, pw] = pair(c.pool_size, 2);
      const [sh, sw] = c.strides == null ? [ph, pw] : pair(c.strides, ph);
      const padding = String(c.padding ?? 'valid');
      return {
        outputShape: [windowOutput(input[0]!, ph, sh, padding), windowOutput(input[1]!, pw, sw, padding), last],
        terms: [],
      };
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      return { outputShape: [last], terms: [] };
    case 'BatchNormalization':
      // gamma, beta (trained) plus moving mean and variance (tracked): 4 per channel.
      return { outputShape: input, terms: [[4, last]] };
    default:
      throw new Error(`model.json: layer type ${layer.class_name} is not explained`);
  }
}

/** Every layer of a tfjs layers model.json with output shapes and parameter counts. */
export function layerTable(modelJson: unknown): LayerInfo[] {
  const raw = layersOf(modelJson);
  const batchShape = raw[0]!.config.batch_input_shape;
  if (!Array.isArray(batchShape)) throw new Error('model.json: the first layer lacks batch_input_shape');
  let shape = batchShape.slice(1).map(Number);
  return raw.map((layer) => {
    const info = describe(layer, shape);
    shape = info.outputShape;
    const parameters = info.terms.reduce((sum, t) => sum + t.reduce((a, b) => a * b, 1), 0);
    return { name: String(layer.config.name ?? layer.class_name), kind: layer.class_name, parameters, ...info };
  });
}

/** Input shape (without batch) of a model.json's first layer. */
export function inputShapeOf(modelJson: unknown): number[] {
  return (layersOf(modelJson)[0]!.config.batch_input_shape ?? []).slice(1).map(Number);
}
