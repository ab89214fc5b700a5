import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { isReplaced } from '../../src/ml/kernels/kernel-utils';

/** Runs `f` on a backend and returns plain numbers (so results can be compared across backends). */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await tf.setBackend(backend);
  const out = tf.tidy(f);
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map(async (t) => Array.from(await t.data())));
  tf.dispose(list);
  return values;
}

function expectClose(a: number[][], b: number[][], tolerance = 1e-3): void {
  expect(a.length).toBe(b.length);
  a.forEach((values, i) => {
    const ref = b[i]!;
    expect(values.length).toBe(ref.length);
    const scale = Math.max(1, ...ref.map(Math.abs));
    const worst = Math.max(...values.map((v, j) => Math.abs(v - ref[j]!)));
    expect(worst / scale).toBeLessThan(tolerance);
  });
}

const rand = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe('wasm training kernels agree with the cpu backend', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
    // The comparisons below must exercise Prenda's kernels, not the stock ones.
    for (const name of ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'BatchMatMul']) {
      expect(isReplaced(name, 'wasm'), name).toBe(true);
    }
  });

  for (const pad of ['same', 'valid'] as const) {
    for (const [h, k, ci, co] of [
      [28, 3, 1, 16],
      [14, 3, 16, 32],
      [7, 5, 8, 4],
      [6, 2, 3, 5],
    ] as const) {
      it(`conv2d gradients (${pad}, ${h}×${h}, ${k}×${k}, ${ci}→${co})`, async () => {
        const grads = () => {
          const x = rand([4, h, h, ci], 1);
          const w = rand([k, k, ci, co], 2);
          const dyScale = rand([4, pad === 'same' ? h : h - k + 1, pad === 'same' ? h : h - k + 1, co], 3);
          const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) =>
            tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 1, pad), dyScale)),
          );
          return g([x, w]);
        };
        const cpu = await on('cpu', grads);
        const wasm = await on('wasm', grads);
        expectClose(wasm, cpu);
      });
    }
  }

  it('max-pool gradient, including an odd edge dropped by valid pooling', async () => {
    const grads = () => {
      const x = rand([3, 7, 7, 5], 4);
      const dyScale = rand([3, 3, 3, 5], 5);
      return tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, 2, 2, 'valid'), dyScale)))(x);
    };
    expectClose(await on('wasm', grads), await on('cpu', grads), 1e-6);
  });

  it('matrix products with transposed operands', async () => {
    const products = () => {
      const a = rand([2, 5, 7], 6);
      const b = rand([2, 5, 3], 7);
      const c = rand([4, 7], 8);
      return [tf.matMul(a, b, true, false), tf.matMul(rand([3, 7], 9), c, false, true), tf.matMul(c, c, true, false)];
    };
    expectClose(await on('wasm', products), await on('cpu', products), 1e-5);
  });

  it('batch-norm gradient without tile matches the stock one', async () => {
    const grads = () => {
      const x = rand([4, 5, 5, 3], 10);
      const dyScale = rand([4, 5, 5, 3], 11);
      const f = (xx: tf.Tensor, scale: tf.Tensor, offset: tf.Tensor) => {
        const { mean, variance } = tf.moments(xx, [0, 1, 2]);
        return tf.sum(tf.mul(tf.batchNorm(xx, mean, variance, offset, scale, 1e-3), dyScale));
      };
      return tf.grads(f)([x, tf.fill([3], 1.5), tf.fill([3], 0.2)]);
    };
    expectClose(await on('wasm', grads), await on('cpu', grads));
  });
});
