import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabelledImages } from '../../src/core/dataset';
import { checkManifest, type ModelEntry, type WeightDtype, type WeightEncoding } from '../../src/core/manifest';
import { upsertManifestEntry } from './manifest-model';
import { readModelFiles, replaceDirAtomically, writeModelFiles } from './model-files';
import { testSetScore } from './test-set-score';
import { quantizeWeights, storedDtype } from './weight-quantization';

/** How far (absolute) the shipped weights' test accuracy may be from the float32 weights': 0.1 point. */
export const ACCURACY_TOLERANCE = 0.001;

/** Smallest first: the order in which encodings are preferred. */
const BY_SIZE: WeightDtype[] = ['uint8', 'float16', 'float32'];

/** One encoding's weights and scores. */
interface Scored {
  dtype: WeightDtype;
  encoded: ReturnType<typeof quantizeWeights>;
  score: Awaited<ReturnType<typeof testSetScore>>;
}

/** What quantizing one model measured and chose. */
export interface QuantizeResult {
  id: string;
  float32: WeightEncoding & { testLoss: number };
  tried: WeightEncoding[];
  chosen: WeightDtype;
}

/**
 * Scores model `id` of `dir`/manifest.json on `test` with float32, float16 and uint8 weights (decoded
 * by stock tfjs), ships the smallest within {@link ACCURACY_TOLERANCE} of float32 and records it in
 * the manifest (bytes and scores of the shipped weights, the float32 figures, every encoding tried).
 * The model's files must hold float32 weights, as the trainers write them.
 */
export async function quantizeShippedModel(
  dir: string,
  id: string,
  test: LabelledImages,
  log: (line: string) => void = () => {},
): Promise<QuantizeResult> {
  const manifest = checkManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`No model "${id}" in ${dir}/manifest.json`);
  const path = join(dir, entry.file);
  const files = readModelFiles(path);
  const stored = storedDtype(files.specs);
  if (stored !== 'float32') {
    const was = entry.weights ? ` (from float32 weights scoring ${entry.weights.float32.testAccuracy})` : '';
    throw new Error(
      `${id} already ships ${stored ?? 'mixed'} weights${was}: quantize the float32 weights a training run writes`,
    );
  }
  const json: Record<string, unknown> = { ...files.json };
  delete json.weightsManifest;
  const scored: Scored[] = [];
  for (const dtype of [...BY_SIZE].reverse()) {
    const encoded = quantizeWeights(files.specs, files.weightData, dtype);
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: files.json.modelTopology,
        weightSpecs: encoded.specs,
        weightData: encoded.data.buffer,
      }),
    );
    const score = await testSetScore(model, test);
    model.dispose();
    scored.push({ dtype, encoded, score });
    log(`${id} ${dtype}: ${encoded.data.length} bytes, test accuracy ${score.testAccuracy.toFixed(4)}`);
  }
  const float32 = scored.find((s) => s.dtype === 'float32')!;
  const fits = (s: Scored) => Math.abs(s.score.testAccuracy - float32.score.testAccuracy) <= ACCURACY_TOLERANCE + 1e-9;
  const chosen = BY_SIZE.map((d) => scored.find((s) => s.dtype === d)!).find(fits)!;
  if (chosen.dtype !== 'float32') {
    await replaceDirAtomically(dirname(path), (temp) =>
      writeModelFiles(temp, json, chosen.encoded.specs as tf.io.WeightsManifestEntry[], chosen.encoded.data),
    );
  }
  const encoding = (s: Scored): WeightEncoding => ({
    dtype: s.dtype,
    bytes: s.encoded.data.length,
    testAccuracy: s.score.testAccuracy,
  });
  const result: QuantizeResult = {
    id,
    float32: { ...encoding(float32), testLoss: float32.score.testLoss },
    tried: BY_SIZE.map((d) => encoding(scored.find((s) => s.dtype === d)!)),
    chosen: chosen.dtype,
  };
  const shipped: ModelEntry = {
    ...entry,
    ...chosen.score,
    bytes: chosen.encoded.data.length,
    weights: { dtype: chosen.dtype, float32: result.float32, tried: result.tried },
  };
  upsertManifestEntry(dir, shipped);
  return result;
}
