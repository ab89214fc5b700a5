// A candidate model is built and checked before it may be used: shapes, weights, outputs, a quick
// score on shipped test images, all within bounds (issue 12, problem 3).
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabelledImages } from '../../src/core/dataset';
import { readLayersModel } from '../../src/core/retrain/read-model';
import { TEST_SET_FILES } from '../../src/core/test-set';
import { modelToParts, type ModelParts } from '../../src/ml/retrain/model-artifacts';
import { checkCandidate, ModelCheckError, type CandidateOptions } from '../../src/ml/retrain/model-check';
import { PROBE_COUNT, probeFromBytes } from '../../src/ml/retrain/probe-set';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { shippedMlp } from '../helpers/bundles';

const DATA = resolve(import.meta.dirname, '../../public/data');
let probe: LabelledImages;
let mlp: ModelParts;
const options = (extra: Partial<CandidateOptions> = {}): CandidateOptions => ({ classes: 10, probe, ...extra });

/** The problem `checkCandidate` reports for `parts`. */
async function problemOf(parts: ModelParts, extra: Partial<CandidateOptions> = {}): Promise<[string, string]> {
  const error = await checkCandidate(parts, options(extra)).then(
    ({ model }) => (model.dispose(), new Error('the model was accepted')),
    (err: unknown) => err,
  );
  if (!(error instanceof ModelCheckError)) throw error;
  return [error.problem, error.message];
}

/** Parts of a small model built here (its own random weights). */
async function partsOf(model: tf.LayersModel): Promise<ModelParts> {
  const parts = await modelToParts(model);
  model.dispose();
  return parts;
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  probe = probeFromBytes(
    new Uint8Array(readFileSync(resolve(DATA, TEST_SET_FILES.images))),
    new Uint8Array(readFileSync(resolve(DATA, TEST_SET_FILES.labels))),
  );
  const { json, weights } = shippedMlp();
  mlp = readLayersModel([
    { name: 'model.json', bytes: new TextEncoder().encode(json) },
    { name: 'group1-shard1of1.bin', bytes: weights },
  ]);
});

describe('checking a candidate model', () => {
  it('accepts the shipped mlp and scores it on the first 300 test images', async () => {
    const { model, report } = await checkCandidate(mlp, options());
    model.dispose();
    expect(probe.count).toBe(PROBE_COUNT);
    expect(report).toMatchObject({ parameters: 101_770, inputShape: [28, 28], classes: 10, scored: 300 });
    // The manifest says 0.882 on all 10,000; the first 300 give a close figure.
    expect(report.accuracy).toBeGreaterThan(0.8);
    expect(report.accuracy).toBeLessThan(0.95);
  });

  it('catches all-zero weights (one uniform 10 % answer) without scoring it as a model', async () => {
    const zeros = { ...mlp, weightData: new ArrayBuffer(mlp.weightData.byteLength) };
    const [problem, message] = await problemOf(zeros);
    expect(problem).toBe('constant');
    expect(message).toMatch(/same answer for every image \(10 % \/ 10 % \/ .*\): its weights look empty/);
  });

  it('refuses a model whose weights do not cover it (random weights would be used)', async () => {
    const [problem, message] = await problemOf({ ...mlp, weightSpecs: [], weightData: new ArrayBuffer(0) });
    expect(problem).toBe('build');
    expect(message).toMatch(/cannot be built/);
  });

  it('refuses inputs other than 28×28 and outputs other than the expected class count', async () => {
    const wide = await partsOf(
      tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [5], activation: 'softmax' })] }),
    );
    expect(await problemOf(wide)).toEqual(['input', 'model input is 5, expected 28×28 (784 values)']);
    expect(await problemOf(mlp, { classes: 11 })).toEqual(['output', 'model output is 10, expected 11 classes']);
    const flat = await partsOf(
      tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' })] }),
    );
    const { model, report } = await checkCandidate(flat, options());
    model.dispose();
    expect(report.inputShape).toEqual([784]);
  });

  it('refuses outputs that are not probabilities: no softmax, infinite values', async () => {
    const linear = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [28, 28] }), tf.layers.dense({ units: 10 })],
    });
    expect((await problemOf(await partsOf(linear)))[0]).toBe('not-softmax');
    const huge = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [28, 28] }),
        tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.constant({ value: 3e38 }) }),
      ],
    });
    expect(await problemOf(await partsOf(huge))).toEqual(['not-finite', 'the model answers NaN or infinite values']);
  });

  it('bounds the work: too many parameters are refused before building, a slow model once the budget is spent', async () => {
    const tensors = tf.memory().numTensors;
    expect(await problemOf(mlp, { maxParameters: 100_000 })).toEqual([
      'too-big',
      'the model has 101,770 parameters, more than 100,000',
    ]);
    const [problem, message] = await problemOf(mlp, { budgetMs: 0 });
    expect(problem).toBe('too-slow');
    expect(message).toMatch(/ms per image: too slow/);
    expect(tf.memory().numTensors).toBe(tensors); // refused models are disposed
  });
});
