import { useFastBatchMatMul } from './batch-mat-mul';
import { registerBroadcastBatchNormGradient } from './batch-norm-gradient';
import { ensureConv2dBackpropFilter } from './conv2d-backprop-filter';
import { useFastConv2dBackpropInput } from './conv2d-backprop-input';
import { useFastMaxPoolGrad } from './max-pool-grad';

/**
 * Makes the wasm backend able to train Prenda's models, and fast at it: adds the missing
 * Conv2DBackpropFilter and replaces the slow generic BatchMatMul (transposed), conv input
 * gradient and max-pool gradient. Used by the Node trainer and the browser's retraining alike.
 */
export function prepareWasmTraining(): void {
  registerBroadcastBatchNormGradient();
  ensureConv2dBackpropFilter('wasm');
  useFastConv2dBackpropInput('wasm');
  useFastMaxPoolGrad('wasm');
  useFastBatchMatMul('wasm');
}
