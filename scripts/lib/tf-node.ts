import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { prepareWasmTraining } from '../../src/ml/kernels';

/**
 * Starts tfjs in Node on the wasm backend (tfjs-node needs a native download), or on `cpu`.
 * `stockKernels` leaves the wasm backend as shipped (for the benchmark's baseline).
 */
export async function initNodeBackend(
  name: 'wasm' | 'cpu' = 'wasm',
  { stockKernels = false } = {},
): Promise<typeof tf> {
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  }
  tf.enableProdMode(); // silences the "install tfjs-node" banner: that package cannot install here
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
  if (name === 'wasm' && !stockKernels) prepareWasmTraining();
  return tf;
}
