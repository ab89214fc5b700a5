import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countCorrect, sparseCrossEntropy, UNIFORM_LABEL } from '../../src/ml/losses';
import { initNodeBackend } from '../../scripts/lib/tf-node';

describe('cross-entropy with "none of the classes" rows (wasm backend)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const probs = () =>
    tf.tensor2d([
      [0.7, 0.2, 0.1],
      [0.2, 0.3, 0.5],
    ]);

  it('is unchanged for ordinary labels', async () => {
    const loss = sparseCrossEntropy(tf.tensor1d([0, 2], 'int32'), probs());
    expect((await loss.data())[0]).toBeCloseTo((-Math.log(0.7) - Math.log(0.5)) / 2, 5);
  });

  it('scores a UNIFORM_LABEL row against the uniform distribution, never as correct', async () => {
    const labels = tf.tensor1d([0, UNIFORM_LABEL], 'int32');
    const loss = sparseCrossEntropy(labels, probs());
    const uniform = -(Math.log(0.2) + Math.log(0.3) + Math.log(0.5)) / 3;
    expect((await loss.data())[0]).toBeCloseTo((-Math.log(0.7) + uniform) / 2, 5);
    expect((await countCorrect(labels, probs()).data())[0]).toBe(1);
  });

  it('pulls the output of such rows towards uniform', async () => {
    const logits = tf.variable(tf.tensor2d([[3, 0, -1]]));
    const { grads } = tf.variableGrads(
      () => sparseCrossEntropy(tf.tensor1d([UNIFORM_LABEL], 'int32'), tf.softmax(logits) as tf.Tensor2D),
      [logits],
    );
    const g = await grads[logits.name]!.data();
    expect(g[0]).toBeGreaterThan(0); // lower the confident class
    expect(g[2]).toBeLessThan(0); // raise the unlikely one
  });
});
