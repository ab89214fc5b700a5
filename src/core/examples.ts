import { IMAGE_PIXELS } from './classes';

/** One shipped Fashion-MNIST test image. */
export interface ExampleImage {
  /** Class index 0–9. */
  label: number;
  /** Index in the t10k test set. */
  index: number;
  /** 784 bytes, row-major, 0 = background, 255 = garment, base64-encoded. */
  pixels: string;
}

/** public/examples/examples.json. */
export interface ExamplesFile {
  version: 1;
  source: string;
  images: ExampleImage[];
}

/** Decodes an example's base64 bytes into the model's 0..1 input. */
export function exampleInput(example: ExampleImage): Float32Array {
  const binary = atob(example.pixels);
  if (binary.length !== IMAGE_PIXELS) throw new Error(`Example ${example.index} has ${binary.length} pixels`);
  const out = new Float32Array(IMAGE_PIXELS);
  for (let i = 0; i < IMAGE_PIXELS; i++) out[i] = binary.charCodeAt(i) / 255;
  return out;
}

/** Validates a parsed examples.json. */
export function checkExamples(value: unknown): ExamplesFile {
  const f = value as ExamplesFile;
  if (!f || f.version !== 1 || !Array.isArray(f.images))
    throw new Error('examples.json: expected { version: 1, images }');
  return f;
}
