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
  const before = {
    uncaught: process.listeners('uncaughtException'),
    rejected: process.listeners('unhandledRejection'),
  };
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
  // The wasm module (Emscripten) installs handlers that rethrow any uncaught error from inside its
  // own minified source, so Node printed that whole 39 KB line before the real message: remove them.
  for (const l of process.listeners('uncaughtException'))
    if (!before.uncaught.includes(l)) process.off('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection'))
    if (!before.rejected.includes(l)) process.off('unhandledRejection', l);
  if (name === 'wasm' && !stockKernels) prepareWasmTraining();
  return tf;
}
