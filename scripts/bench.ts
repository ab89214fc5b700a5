import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { takeFirst, type LabelledImages } from '../src/core/dataset';
import { seededRandom } from '../src/core/random';
import { imagesToTensor } from '../src/ml/evaluate';
import { fitImages } from '../src/ml/fit';
import { buildModel, type ModelKind } from '../src/ml/models';
import { RECIPES, scheduleOf } from '../src/ml/recipes';
import { prepareWasmTraining } from '../src/ml/kernels';
import { loadFashionMnist } from './lib/dataset-source';
import { initNodeBackend } from './lib/tf-node';

const { values: args } = parseArgs({
  options: {
    limit: { type: 'string', default: '60000' },
    'cnn-limit': { type: 'string', default: '60000' },
    data: { type: 'string' },
    'skip-cpu': { type: 'boolean', default: false },
  },
});

/** Seconds per epoch of the stock Keras-style `model.fit` (workshop mlp, batch 32), scaled to 60,000 images. */
async function stockFit(set: LabelledImages): Promise<number> {
  const model = buildModel('mlp', { seed: 1 });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const xs = imagesToTensor(set.images, 0, set.count);
  const ys = tf.tensor1d(set.labels, 'float32');
  const started = performance.now();
  await model.fit(xs, ys, { batchSize: 32, epochs: 1, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([xs, ys]);
  model.dispose();
  return (seconds * 60000) / set.count;
}

/** Seconds per epoch of Prenda's training loop for `kind` with its recipe, scaled to 60,000 images. */
async function prendaFit(kind: ModelKind, set: LabelledImages): Promise<number> {
  const recipe = RECIPES[kind]!;
  const model = buildModel(kind, { seed: 1 });
  const optimizer = tf.train.adam(recipe.learningRate);
  const [epoch] = await fitImages(model, optimizer, set, {
    epochs: 1,
    batchSize: recipe.batchSize,
    schedule: scheduleOf(recipe),
    random: seededRandom(1),
    augment: recipe.augment,
  });
  optimizer.dispose();
  model.dispose();
  return (epoch!.seconds * 60000) / set.count;
}

const data = await loadFashionMnist(args.data);
const mlpSet = takeFirst(data.train, Number(args.limit));
const cnnSet = takeFirst(data.train, Number(args['cnn-limit']));
const rows: [string, number][] = [];
const report = (label: string, seconds: number) => {
  rows.push([label, seconds]);
  console.log(`${label.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s/epoch`);
};

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${mlpSet.count} images (mlp), ${cnnSet.count} (cnn)`,
);
await initNodeBackend('wasm', { stockKernels: true });
report('baseline: stock model.fit, mlp, wasm (stock kernels)', await stockFit(mlpSet));
prepareWasmTraining();
report('stock model.fit, mlp, wasm + Prenda kernels', await stockFit(mlpSet));
report('Prenda fit, mlp (batch 32), wasm', await prendaFit('mlp', mlpSet));
report('Prenda fit, cnn (batch 64, augmented), wasm', await prendaFit('cnn', cnnSet));
if (!args['skip-cpu']) {
  await initNodeBackend('cpu');
  report('baseline: stock model.fit, mlp, cpu (pure JS)', await stockFit(takeFirst(mlpSet, 10000)));
}
