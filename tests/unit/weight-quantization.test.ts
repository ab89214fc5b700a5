import * as tf from '@tensorflow/tfjs';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeFirst, type LabelledImages } from '../../src/core/dataset';
import { checkManifest } from '../../src/core/manifest';
import { accuracyOf, confusionMatrix } from '../../src/core/metrics';
import { evaluate } from '../../src/ml/evaluate';
import { readFashionMnist } from '../../scripts/lib/dataset-source';
import { fileLoadHandler, readModelFiles, saveModelAtomically } from '../../scripts/lib/model-files';
import { ACCURACY_TOLERANCE, quantizeShippedModel } from '../../scripts/lib/quantize-model';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { float16Bits, quantizeUint8, quantizeWeights, storedDtype } from '../../scripts/lib/weight-quantization';
import { fashionMnistDir } from '../helpers/require';

/** Decodes weights with tfjs's own loader code (what the app and tf.loadLayersModel run). */
function decode(specs: tf.io.WeightsManifestEntry[], data: Uint8Array): Float32Array {
  const named = tf.io.decodeWeights(data.slice().buffer, specs);
  const out = Float32Array.from(specs.flatMap((s) => [...named[s.name]!.dataSync()]));
  tf.dispose(Object.values(named));
  return out;
}

describe('weight quantization in the tfjs layers format', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('float16: tfjs decodes every value to its nearest half-precision neighbour', () => {
    const values = new Float32Array([0, -0, 1, -2.5, 1 / 3, 65504, 1e-5, -3e-7, 6.1e-5, 0.0999, 123.456, 1e6]);
    const specs = [{ name: 'w', shape: [values.length], dtype: 'float32' as const }];
    const encoded = quantizeWeights(specs, values.buffer, 'float16');
    expect(encoded.data.length).toBe(values.length * 2);
    expect(encoded.specs[0]!.quantization).toEqual({ dtype: 'float16' });
    const back = decode(encoded.specs as tf.io.WeightsManifestEntry[], encoded.data);
    for (let i = 0; i < values.length - 1; i++) {
      const v = values[i]!;
      // Relative error ≤ 2^-11 for normals; absolute ≤ 2^-25 in the subnormal range.
      expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
    }
    expect(back[values.length - 1]).toBe(Infinity); // beyond 65504
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // a tie rounds to even (down) ...
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // ... and up when the even neighbour is above
  });

  it('uint8: zero is exact, every value within half a step, constants survive', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * (i % 7) * 0.3 - 0.2);
    values[17] = 0;
    const constant = new Float32Array(5).fill(0.25);
    const specs = [
      { name: 'a', shape: [10, 100], dtype: 'float32' as const },
      { name: 'b', shape: [5], dtype: 'float32' as const },
    ];
    const joined = new Float32Array([...values, ...constant]);
    const encoded = quantizeWeights(specs, joined.buffer, 'uint8');
    expect(encoded.data.length).toBe(1005);
    const back = decode(encoded.specs as tf.io.WeightsManifestEntry[], encoded.data);
    const { scale } = quantizeUint8(values);
    expect(back[17]).toBeCloseTo(0, 6);
    for (let i = 0; i < values.length; i++) expect(Math.abs(back[i]! - values[i]!)).toBeLessThanOrEqual(scale * 0.51);
    expect([...back.subarray(1000)]).toEqual([...constant]);
    expect(storedDtype(encoded.specs)).toBe('uint8');
    expect(() => quantizeWeights(encoded.specs, encoded.data.buffer as ArrayBuffer, 'uint8')).toThrow(/already/);
  });
});

describe('quantizeShippedModel on a real model and the real test images', () => {
  let dir: string;
  let test: LabelledImages;

  beforeAll(async () => {
    await initNodeBackend('wasm');
    test = takeFirst(readFashionMnist({ kind: 'debian', dir: fashionMnistDir() }).test, 2000);
    dir = mkdtempSync(join(tmpdir(), 'prenda-quantize-'));
    // The shipped mlp's manifest entry and a float32 copy of its weights, as a training run writes them.
    const shipped = await tf.loadLayersModel(fileLoadHandler('public/models/mlp/model.json'));
    await saveModelAtomically(shipped, join(dir, 'mlp'));
    shipped.dispose();
    cpSync('public/models/manifest.json', join(dir, 'manifest.json'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the smallest encoding within 0.1 point, readable by stock tf.loadLayersModel, and records it', async () => {
    const result = await quantizeShippedModel(dir, 'mlp', test);
    const within = result.tried.filter(
      (t) => Math.abs(t.testAccuracy - result.float32.testAccuracy) <= ACCURACY_TOLERANCE + 1e-9,
    );
    const smallest = within.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    expect(result.chosen).toBe(smallest.dtype);

    const entry = checkManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).models.find(
      (m) => m.id === 'mlp',
    )!;
    expect(entry.weights?.dtype).toBe(result.chosen);
    expect(entry.bytes).toBe(smallest.bytes);
    expect(readModelFiles(join(dir, 'mlp/model.json')).weightData.byteLength).toBe(smallest.bytes);
    expect(existsSync(join(dir, 'mlp.tmp-' + process.pid))).toBe(false);

    const model = await tf.loadLayersModel(fileLoadHandler(join(dir, 'mlp/model.json')));
    const matrix = confusionMatrix(test.labels, (await evaluate(model, test)).predicted);
    expect(accuracyOf(matrix)).toBeCloseTo(entry.testAccuracy, 10);
    expect(entry.confusionMatrix).toEqual(matrix);
    model.dispose();

    if (result.chosen !== 'float32') {
      await expect(quantizeShippedModel(dir, 'mlp', test)).rejects.toThrow(/already ships/);
    }
  });
});
