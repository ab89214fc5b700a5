import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkManifest, type Manifest } from '../../src/core/manifest';
import { accuracyOf, confusionMatrix } from '../../src/core/metrics';
import { evaluate } from '../../src/ml/evaluate';
import { FASHION_MNIST_FILES, readFashionMnist, type FashionMnist } from '../../scripts/lib/dataset-source';
import { fileLoadHandler, readModelFiles } from '../../scripts/lib/model-files';
import { ACCURACY_TOLERANCE } from '../../scripts/lib/quantize-model';
import { storedDtype } from '../../scripts/lib/weight-quantization';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { fashionMnistDir } from '../helpers/require';

const MODELS = 'public/models';
const manifest: Manifest = checkManifest(JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')));
let data: FashionMnist;

describe('the committed models', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
    data = readFashionMnist({ kind: 'debian', dir: fashionMnistDir() });
  });

  it('include the workshop mlp and Prenda cnn', () => {
    const ids = manifest.models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['mlp', 'cnn']));
  });

  it('have complete manifest entries', () => {
    const published = Object.fromEntries(Object.values(FASHION_MNIST_FILES).map((f) => [`${f.name}.gz`, f.sha256]));
    for (const m of manifest.models) {
      expect(m.names.es.length * m.names.en.length).toBeGreaterThan(0);
      expect(m.inputShape).toEqual([28, 28]);
      expect(m.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(10000);
      expect(m.history.length).toBe(m.training.epochs);
      expect(m.dataset.sha256).toEqual(published);
      expect(Number.isNaN(Date.parse(m.date))).toBe(false);
      expect(accuracyOf(m.confusionMatrix)).toBeCloseTo(m.testAccuracy, 10);
    }
  });

  it('meet the accuracy goals: mlp ≥ 0.875, cnn ≥ 0.925 with ≤ 100K parameters', () => {
    const byId = Object.fromEntries(manifest.models.map((m) => [m.id, m]));
    expect(byId.mlp!.parameters).toBe(101_770);
    expect(byId.mlp!.testAccuracy).toBeGreaterThanOrEqual(0.875);
    expect(byId.cnn!.parameters).toBeLessThanOrEqual(100_000);
    expect(byId.cnn!.testAccuracy).toBeGreaterThanOrEqual(0.925);
  });

  for (const entry of manifest.models) {
    it(`${entry.id}: weights stored as the manifest says, within 0.1 point of the float32 accuracy`, () => {
      const files = readModelFiles(join(MODELS, entry.file));
      expect(files.weightData.byteLength).toBe(entry.bytes);
      expect(storedDtype(files.specs)).toBe(entry.weights?.dtype ?? 'float32');
      if (!entry.weights) return; // float32 as trained: nothing was traded
      const float32 = entry.weights.float32;
      expect(float32.bytes).toBe(entry.parameters * 4);
      expect(Math.abs(entry.testAccuracy - float32.testAccuracy)).toBeLessThanOrEqual(ACCURACY_TOLERANCE + 1e-9);
      const shipped = entry.weights.tried.find((t) => t.dtype === entry.weights!.dtype);
      expect(shipped).toEqual({ dtype: entry.weights.dtype, bytes: entry.bytes, testAccuracy: entry.testAccuracy });
      // Nothing smaller was within the tolerance.
      for (const t of entry.weights.tried.filter((t) => t.bytes < entry.bytes)) {
        expect(Math.abs(t.testAccuracy - float32.testAccuracy)).toBeGreaterThan(ACCURACY_TOLERANCE);
      }
    });

    it(`${entry.id}: read back with stock tf.loadLayersModel, scores what the manifest says on the 10,000 test images`, async () => {
      const model = await tf.loadLayersModel(fileLoadHandler(join(MODELS, entry.file)));
      expect(model.countParams()).toBe(entry.parameters);
      const result = await evaluate(model, data.test);
      const matrix = confusionMatrix(data.test.labels, result.predicted);
      expect(Math.abs(accuracyOf(matrix) - entry.testAccuracy)).toBeLessThanOrEqual(0.0005);
      model.dispose();
    });
  }
});
