// `npm run experiments`: the workshop's questions 3 and 4 measured. Trains the workshop mlp with
// 128 and 500 hidden units, several seeds each, recording train and test metrics after every epoch.
import { parseArgs } from 'node:util';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { takeFirst } from '../src/core/dataset';
import { checkExperimentResults, type ExperimentResults, type ExperimentRun } from '../src/core/lab/experiments';
import { seededRandom } from '../src/core/random';
import { evaluate } from '../src/ml/evaluate';
import { fitImages } from '../src/ml/fit';
import { buildModel } from '../src/ml/models';
import { RECIPES, scheduleOf } from '../src/ml/recipes';
import { loadFashionMnist } from './lib/dataset-source';
import { writeJsonAtomically } from './lib/model-files';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run experiments -- [--quick] [--hidden 128,500] [--seeds 1,2,3] [--epochs 20]
                           [--limit N] [--test-limit N] [--out FILE] [--data DIR]`;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    hidden: { type: 'string', default: '128,500' },
    seeds: { type: 'string' },
    epochs: { type: 'string' },
    limit: { type: 'string' },
    'test-limit': { type: 'string' },
    out: { type: 'string', default: 'public/experiments/results.json' },
    data: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const ints = (v: string, name: string): number[] =>
  v.split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs positive integers, got ${v}\n${USAGE}`);
    return n;
  });
const quick = args.quick!;
const hiddens = ints(args.hidden!, 'hidden');
const seeds = ints(args.seeds ?? (quick ? '1,2' : '1,2,3'), 'seeds');
const [epochs] = ints(args.epochs ?? (quick ? '3' : '20'), 'epochs');
const [trainLimit] = ints(args.limit ?? (quick ? '2000' : '60000'), 'limit');
const [testLimit] = ints(args['test-limit'] ?? (quick ? '2000' : '10000'), 'test-limit');
const recipe = RECIPES.mlp!; // the workshop recipe: adam 0.001, batch 32, no augmentation

const tf = await initNodeBackend('wasm');
const data = await loadFashionMnist(args.data);
const train = takeFirst(data.train, trainLimit!);
const test = takeFirst(data.test, testLimit!);
console.log(`${train.count} train, ${test.count} test images from ${data.dir}; hidden ${hiddens}, seeds ${seeds}`);

const results: ExperimentResults = {
  version: 1,
  quick,
  date: new Date().toISOString(),
  recipe: {
    model: 'mlp',
    optimizer: 'adam',
    learningRate: recipe.learningRate,
    batchSize: recipe.batchSize,
    epochs: epochs!,
    augmentation: 'none',
    trainImages: train.count,
    testImages: test.count,
    backend: tf.getBackend(),
  },
  settings: [],
};

const round = (x: number, digits = 6): number => Number(x.toFixed(digits));

/** Trains one model and evaluates it on the full train and test sets after each epoch. */
async function run(hidden: number, seed: number): Promise<{ run: ExperimentRun; parameters: number }> {
  const model = buildModel('mlp', { hidden, seed });
  const out: ExperimentRun = { seed, epochs: [] };
  await fitImages(model, tf.train.adam(recipe.learningRate), train, {
    epochs: epochs!,
    batchSize: recipe.batchSize,
    schedule: scheduleOf(recipe),
    random: seededRandom(seed),
    onEpoch: async (m) => {
      const onTrain = await evaluate(model, train);
      const onTest = await evaluate(model, test);
      out.epochs.push({
        epoch: m.epoch,
        runningLoss: round(m.trainLoss),
        runningAccuracy: round(m.trainAccuracy),
        trainLoss: round(onTrain.loss),
        trainAccuracy: round(onTrain.accuracy),
        testLoss: round(onTest.loss),
        testAccuracy: round(onTest.accuracy),
        seconds: round(m.seconds, 2),
      });
      const f = (x: number) => x.toFixed(4);
      console.log(
        `hidden ${hidden} seed ${seed} epoch ${String(m.epoch).padStart(2)}: running acc ${f(m.trainAccuracy)}` +
          `  train acc ${f(onTrain.accuracy)} loss ${f(onTrain.loss)}  test acc ${f(onTest.accuracy)}` +
          ` loss ${f(onTest.loss)}  ${m.seconds.toFixed(1)} s`,
      );
    },
  });
  const parameters = model.countParams();
  model.dispose();
  return { run: out, parameters };
}

const outFile = args.out!;
mkdirSync(dirname(outFile), { recursive: true });
for (const hidden of hiddens) {
  const setting = { hidden, parameters: 0, runs: [] as ExperimentRun[] };
  results.settings.push(setting);
  for (const seed of seeds) {
    const r = await run(hidden, seed);
    setting.parameters = r.parameters;
    setting.runs.push(r.run);
    // Progress survives a crash: the partial file holds every finished run.
    writeJsonAtomically(`${outFile}.partial`, results);
  }
}
checkExperimentResults(results);
writeJsonAtomically(outFile, results);
rmSync(`${outFile}.partial`, { force: true });
console.log(`Wrote ${outFile}`);
