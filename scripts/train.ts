import { parseArgs } from 'node:util';
import type { LayersModel } from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeFirst } from '../src/core/dataset';
import { checkManifest, type EpochRecord, type Manifest, type ModelEntry } from '../src/core/manifest';
import { seededRandom } from '../src/core/random';
import { evaluate } from '../src/ml/evaluate';
import { fitImages } from '../src/ml/fit';
import { buildModel } from '../src/ml/models';
import { RECIPES, scheduleOf, type Recipe } from '../src/ml/recipes';
import { loadFashionMnist } from './lib/dataset-source';
import { upsertManifestEntry } from './lib/manifest-model';
import { fileLoadHandler, saveModelAtomically } from './lib/model-files';
import { quantizeShippedModel } from './lib/quantize-model';
import { testSetScore } from './lib/test-set-score';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run train -- [--model mlp|cnn] [--epochs N] [--hidden N] [--batch N] [--limit N]
                     [--seed N] [--out DIR] [--id ID] [--data DIR] [--backend wasm|cpu]
                     [--lr RATE] [--resume] [--float32]
  --resume continues from the exported model <out>/<id>. The export is quantized (as by npm run
  quantize) unless --float32.`;

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'mlp' },
    epochs: { type: 'string' },
    hidden: { type: 'string' },
    batch: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'public/models' },
    id: { type: 'string' },
    data: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
    lr: { type: 'string' },
    dropout: { type: 'string' },
    resume: { type: 'boolean', default: false },
    float32: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const base = RECIPES[args.model!];
if (!base) throw new Error(`Unknown --model ${args.model}; known: ${Object.keys(RECIPES).join(', ')}\n${USAGE}`);
const int = (v: string | undefined, fallback: number | undefined, name: string) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
};
const recipe: Recipe = {
  ...base,
  epochs: int(args.epochs, base.epochs, 'epochs')!,
  batchSize: int(args.batch, base.batchSize, 'batch')!,
  hidden: int(args.hidden, base.hidden, 'hidden'),
  learningRate: args.lr === undefined ? base.learningRate : Number(args.lr),
  dropout: args.dropout === undefined ? base.dropout : Number(args.dropout),
};
if (!(recipe.learningRate > 0)) throw new Error(`--lr must be a positive number, got ${args.lr}`);
const seed = int(args.seed, 1, 'seed')!;
const id = args.id ?? (recipe.kind === 'mlp' && recipe.hidden !== 128 ? `mlp-${recipe.hidden}` : args.model!);

const tf = await initNodeBackend(args.backend as 'wasm' | 'cpu');
const data = await loadFashionMnist(args.data);
const limit = int(args.limit, undefined, 'limit');
const train = limit ? takeFirst(data.train, limit) : data.train;
console.log(`Fashion-MNIST from ${data.dir} (${data.source}): ${train.count} train, ${data.test.count} test images`);
console.log(`Training ${id} on ${tf.getBackend()}: ${recipe.epochs} epochs, batch ${recipe.batchSize}, seed ${seed}`);

const outDir = args.out!;
const manifestPath = join(outDir, 'manifest.json');
const manifest: Manifest = existsSync(manifestPath)
  ? checkManifest(JSON.parse(readFileSync(manifestPath, 'utf8')))
  : { version: 1, models: [] };
const previous = manifest.models.find((m) => m.id === id);
if (args.resume && !previous) throw new Error(`--resume: no model ${id} in ${manifestPath}`);
// Resuming continues the exported model's weights in a model built from this run's recipe (so
// e.g. --dropout can change), with a fresh optimiser state, and appends to its history.
const model: LayersModel = buildModel(recipe.kind, { hidden: recipe.hidden, dropout: recipe.dropout, seed });
if (args.resume) {
  const exported = await tf.loadLayersModel(fileLoadHandler(join(outDir, previous!.file)));
  model.setWeights(exported.getWeights());
  exported.dispose();
}
const earlier = args.resume ? previous!.history : [];
const optimizer = tf.train.adam(recipe.learningRate);
const history: EpochRecord[] = [];
await fitImages(model, optimizer, train, {
  epochs: recipe.epochs,
  batchSize: recipe.batchSize,
  schedule: scheduleOf(recipe),
  random: seededRandom(seed),
  augment: recipe.augment,
  onEpoch: async (m) => {
    const test = await evaluate(model, data.test);
    history.push({ ...m, epoch: earlier.length + m.epoch, testLoss: test.loss, testAccuracy: test.accuracy });
    const f = (x: number) => x.toFixed(4);
    console.log(
      `epoch ${String(m.epoch).padStart(2)}/${recipe.epochs}  train loss ${f(m.trainLoss)} acc ${f(m.trainAccuracy)}` +
        `  test loss ${f(test.loss)} acc ${f(test.accuracy)}  ${m.seconds.toFixed(1)} s`,
    );
  },
});

function describeRate(): string | number {
  return recipe.schedule === 'one-cycle' ? `one-cycle, peak ${recipe.learningRate}` : recipe.learningRate;
}

/** One line per training phase, for resumed runs. */
function describePhase(rate: string | number, epochs: number, dropout: number | undefined): string {
  return `${epochs} epochs, learning rate ${rate}${dropout === undefined ? '' : `, dropout ${dropout}`}`;
}

const score = await testSetScore(model, data.test);
const bytes = await saveModelAtomically(model, join(outDir, id));
const entry: ModelEntry = {
  id,
  names:
    recipe.kind === 'mlp' && recipe.hidden !== 128
      ? { es: `Red densa (${recipe.hidden} neuronas)`, en: `Dense network (${recipe.hidden} units)` }
      : recipe.names,
  file: `${id}/model.json`,
  inputShape: [28, 28],
  bytes,
  ...score,
  history: [...earlier, ...history],
  training: {
    kind: recipe.kind,
    epochs: earlier.length + recipe.epochs,
    ...(args.resume
      ? {
          phases: [
            ...(previous!.training.phases ?? [
              describePhase(previous!.training.learningRate, earlier.length, previous!.training.dropout),
            ]),
            describePhase(describeRate(), recipe.epochs, recipe.dropout),
          ],
        }
      : {}),
    batchSize: recipe.batchSize,
    ...(recipe.hidden ? { hidden: recipe.hidden } : {}),
    optimizer: 'adam',
    learningRate: describeRate(),
    ...(recipe.dropout === undefined ? {} : { dropout: recipe.dropout }),
    augmentation: recipe.augment
      ? `random shift ±${recipe.augment.maxShift} px, horizontal flip p=${recipe.augment.flipProbability}` +
        (recipe.augment.keepOrientation ? ` except classes ${recipe.augment.keepOrientation.join(', ')}` : '')
      : 'none',
    seed,
    trainImages: train.count,
    backend: tf.getBackend(),
    secondsPerEpoch: history.reduce((s, h) => s + h.seconds, 0) / history.length,
  },
  dataset: { name: 'Fashion-MNIST', sha256: data.sha256 },
  date: new Date().toISOString(),
};
// Re-read at the end: another training may have written the manifest during this one.
upsertManifestEntry(outDir, entry);
if (!args.float32) await quantizeShippedModel(outDir, id, data.test, (line) => console.log(line));
console.log(
  `Saved ${id}: test accuracy ${entry.testAccuracy.toFixed(4)}, ${entry.parameters} parameters → ${join(outDir, id)}`,
);
