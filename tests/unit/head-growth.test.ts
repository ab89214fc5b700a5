// Growing the output layer for user classes: the old outputs are untouched before training, new
// rows start from their samples (imprinting), shrinking back is exact, and a short run learns the
// new class while keeping the ten.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { decodeImageSet, takeFirst, type LabelledImages } from '../../src/core/dataset';
import { outputRows } from '../../src/core/retrain/classes';
import { RETRAIN_DATA } from '../../src/core/retrain/replay-mix';
import { RETRAIN_DEFAULTS, type RetrainSettings } from '../../src/core/retrain/retrain-settings';
import { growOutputs, hiddenUnits, outputCount, resizeOutput, widenHidden } from '../../src/ml/retrain/head-resize';
import { seededRandom } from '../../src/core/random';
import { loadChecked, modelToParts, type ModelParts } from '../../src/ml/retrain/model-artifacts';
import { retrain } from '../../src/ml/retrain/retrain';
import { evaluate } from '../../src/ml/evaluate';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { initNodeBackend } from '../../scripts/lib/tf-node';

const DATA = resolve(import.meta.dirname, '../../public/data');
const read = (name: string) => new Uint8Array(readFileSync(resolve(DATA, name)));
let replay: LabelledImages;
let test: LabelledImages;
let cnn: ModelParts;

/** `n` slightly different crosses (an "X"), labelled `label`. */
function crosses(n: number, label: number): LabelledImages {
  const images = new Uint8Array(n * IMAGE_PIXELS);
  for (let i = 0; i < n; i++) {
    const inset = 4 + (i % 3);
    for (let k = inset; k < 28 - inset; k++) {
      images[i * IMAGE_PIXELS + k * 28 + k] = 255;
      images[i * IMAGE_PIXELS + k * 28 + 27 - k] = 255;
    }
  }
  return { images, labels: new Uint8Array(n).fill(label), count: n };
}

async function predict(parts: ModelParts, set: LabelledImages): Promise<Float32Array> {
  const model = await loadChecked(parts);
  const x = tf.tensor(set.images, [set.count, 28, 28]).div(255);
  const y = model.predict(x) as tf.Tensor;
  const out = (await y.data()) as Float32Array;
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  replay = decodeImageSet(read(RETRAIN_DATA.replayImages), 'replay', read(RETRAIN_DATA.replayLabels), 'labels');
  test = takeFirst(decodeImageSet(read(RETRAIN_DATA.testImages), 'test', read(RETRAIN_DATA.testLabels), 'labels'), 300);
  const shipped = await tf.loadLayersModel(
    fileLoadHandler(resolve(import.meta.dirname, '../../public/models/cnn/model.json')),
  );
  cnn = await modelToParts(shipped);
  shipped.dispose();
});

describe('growing the output layer', () => {
  it('keeps the ten logits exactly before training: their probabilities are only renormalised', async () => {
    const grown = await growOutputs(cnn, outputRows([], ['X', 'O']), {
      ...crosses(6, 10),
      labels: new Uint8Array([10, 10, 10, 11, 11, 11]),
    });
    expect(outputCount(grown)).toBe(12);
    const sample = takeFirst(test, 50);
    const [old, now] = [await predict(cnn, sample), await predict(grown, sample)];
    for (let i = 0; i < sample.count; i++) {
      const row = now.subarray(i * 12, i * 12 + 10);
      const ten = row.reduce((a, b) => a + b, 0);
      for (let k = 0; k < 10; k++) expect(row[k]! / ten).toBeCloseTo(old[i * 10 + k]!, 5);
    }
  });

  it('imprints a new class from its samples: crosses lean to it, garments do not', async () => {
    const grown = await growOutputs(cnn, outputRows([], ['X']), crosses(5, 10));
    const onCrosses = await predict(grown, crosses(3, 10));
    const onTest = await predict(grown, takeFirst(test, 100));
    const mean = (p: Float32Array) => {
      let s = 0;
      for (let i = 10; i < p.length; i += 11) s += p[i]!;
      return s / (p.length / 11);
    };
    expect(mean(onCrosses)).toBeGreaterThan(mean(onTest) + 0.2);
  });

  it('shrinks back to the ten bit for bit, and reorders user classes by name', async () => {
    const grown = await growOutputs(cnn, outputRows([], ['X']), crosses(5, 10));
    const back = resizeOutput(
      grown,
      outputRows(['X'], []).map((from) => ({ from: from! })),
    );
    expect(Buffer.from(back.weightData).equals(Buffer.from(cnn.weightData))).toBe(true);
    expect(back.weightSpecs).toEqual(cnn.weightSpecs);
    const two = await growOutputs(cnn, outputRows([], ['X', 'O']), {
      ...crosses(4, 10),
      labels: new Uint8Array([10, 10, 11, 11]),
    });
    const swapped = resizeOutput(
      two,
      outputRows(['X', 'O'], ['O', 'X']).map((from) => ({ from: from! })),
    );
    const sample = takeFirst(test, 5);
    const [a, b] = [await predict(two, sample), await predict(swapped, sample)];
    for (let i = 0; i < 5; i++) {
      expect(b[i * 12 + 10]).toBeCloseTo(a[i * 12 + 11]!, 6);
      expect(b[i * 12 + 3]).toBeCloseTo(a[i * 12 + 3]!, 6);
    }
  });

  it('widens the hidden layer keeping every output exactly, the old units bit for bit', async () => {
    expect(hiddenUnits(cnn)).toBe(32);
    const wide = widenHidden(cnn, 64, seededRandom(1));
    expect(hiddenUnits(wide)).toBe(64);
    expect(outputCount(wide)).toBe(10);
    // Already as wide: the same parts back.
    expect(widenHidden(wide, 48, seededRandom(1))).toBe(wide);
    const sample = takeFirst(test, 50);
    const [old, now] = [await predict(cnn, sample), await predict(wide, sample)];
    for (let i = 0; i < old.length; i++) expect(now[i]).toBeCloseTo(old[i]!, 6);
    const model = await loadChecked(wide);
    const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
    const [kernel, bias] = dense[0]!.getWeights().map((w) => w.dataSync() as Float32Array);
    const [outKernel] = dense[1]!.getWeights().map((w) => w.dataSync() as Float32Array);
    const original = await loadChecked(cnn);
    const oldKernel = original.layers
      .filter((l) => l.getClassName() === 'Dense')[0]!
      .getWeights()[0]!
      .dataSync();
    const inputs = kernel!.length / 64;
    for (let f = 0; f < inputs; f += 97)
      for (let j = 0; j < 32; j++) expect(kernel![f * 64 + j]).toBe(oldKernel[f * 32 + j]);
    // The new units: some incoming weight, no bias, nothing going out.
    expect(
      kernel!
        .subarray(0, 64)
        .slice(32)
        .some((v) => v !== 0),
    ).toBe(true);
    expect(bias!.slice(32).every((v) => v === 0)).toBe(true);
    expect(outKernel!.slice(32 * 10).every((v) => v === 0)).toBe(true);
    model.dispose();
    original.dispose();
  });

  /** Teaches the cnn a drawn cross as class 10 (last layers), with these settings over the app's. */
  const teachCross = (settings: Partial<RetrainSettings>) =>
    retrain({
      model: cnn,
      train: crosses(8, 10),
      measure: crosses(3, 10),
      replay,
      test,
      settings: { ...RETRAIN_DEFAULTS, layers: 'head', ...settings },
      outputs: outputRows([], ['X']),
    });

  it('a short head run learns the new class and keeps the ten', async () => {
    const out = await teachCross({}); // the app's defaults: 5 epochs, 1,000 replay images each
    expect(outputCount(out.model)).toBe(11);
    expect(out.after.user).toBe(1);
    expect(out.classes).toEqual([{ label: 10, right: 3, count: 3 }]);
    expect(out.after.test!).toBeGreaterThan(out.before.test! - 0.02); // the goal: ≤ 2 points
    // "Before" is the model the user had (ten outputs), not the grown one.
    const original = await loadChecked(cnn);
    expect(out.before.test).toBe((await evaluate(original, test)).accuracy);
    expect(out.before.user).toBe(0);
    original.dispose();
  });

  /** The grown model's ten outputs, renormalised among themselves, equal the base model's on test images. */
  const expectTenAsBefore = async (model: ModelParts): Promise<void> => {
    const sample = takeFirst(test, 50);
    const [old, now] = [await predict(cnn, sample), await predict(model, sample)];
    for (let i = 0; i < sample.count; i++) {
      const row = now.subarray(i * 11, i * 11 + 10);
      const ten = row.reduce((a, b) => a + b, 0);
      for (let k = 0; k < 10; k++) expect(row[k]! / ten).toBeCloseTo(old[i * 10 + k]!, 4);
    }
  };

  it('with the ten kept (keepRate 0) and no new units, their logits stay exactly as they were, and the new class is learnt', async () => {
    const out = await teachCross({ epochs: 3, keepRate: 0, hiddenGrowth: 0 });
    expect(hiddenUnits(out.model)).toBe(32);
    expect(out.after.user).toBe(1);
    await expectTenAsBefore(out.model);
  });

  it('widened (32 → 64 units) with the old ones kept (keepRate 0): the ten stay exact and the new class is learnt', async () => {
    const out = await teachCross({ epochs: 3, keepRate: 0, hiddenGrowth: 32 });
    expect(hiddenUnits(out.model)).toBe(64);
    expect(out.after.user).toBe(1);
    await expectTenAsBefore(out.model);
  });

  it('distilling the base on replayed photos learns the new class and moves the ten less on them than without', async () => {
    const photos = decodeImageSet(
      read(RETRAIN_DATA.photoReplayImages),
      'photos',
      read(RETRAIN_DATA.photoReplayLabels),
      'labels',
    );
    const run = (distill: number) =>
      retrain({
        model: cnn,
        train: crosses(8, 10),
        measure: crosses(3, 10),
        replay,
        photoReplay: photos,
        test,
        // Distillation acts only where the old rows may move (keepRate > 0).
        settings: { ...RETRAIN_DEFAULTS, layers: 'head', epochs: 3, learningRate: 3e-3, keepRate: 1, distill },
        outputs: outputRows([], ['X']),
      });
    const [plain, distilled] = [await run(0), await run(2)];
    expect(distilled.after.user).toBe(1);
    const sample = takeFirst(photos, 100);
    const old = await predict(cnn, sample);
    /** Mean absolute change of the ten's probabilities (renormalised among themselves). */
    const drift = async (parts: ModelParts) => {
      const now = await predict(parts, sample);
      let sum = 0;
      for (let i = 0; i < sample.count; i++) {
        const row = now.subarray(i * 11, i * 11 + 10);
        const ten = row.reduce((a, b) => a + b, 0);
        for (let k = 0; k < 10; k++) sum += Math.abs(row[k]! / ten - old[i * 10 + k]!);
      }
      return sum / sample.count;
    };
    expect(await drift(distilled.model)).toBeLessThan(await drift(plain.model));
  });
});
