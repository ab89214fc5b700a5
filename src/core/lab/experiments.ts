// Schema of public/experiments/results.json, written by `npm run experiments` (scripts/experiments.ts).

/** Metrics of one run after one epoch. */
export interface ExperimentEpoch {
  epoch: number;
  /**
   * Running means over the epoch's mini-batches while the weights were still changing, as Keras
   * prints them during `fit` (dropout-free here, but early batches are seen by a worse model).
   */
  runningLoss: number;
  runningAccuracy: number;
  /** The model at the end of the epoch evaluated on the whole training set: the fair train figure. */
  trainLoss: number;
  trainAccuracy: number;
  /** The model at the end of the epoch evaluated on the test set. */
  testLoss: number;
  testAccuracy: number;
  /** Wall-clock seconds of the epoch's training (evaluations excluded). */
  seconds: number;
}

/** One training run: one setting, one seed (initial weights and shuffling). */
export interface ExperimentRun {
  seed: number;
  epochs: ExperimentEpoch[];
}

/** All runs of one mlp width. */
export interface ExperimentSetting {
  hidden: number;
  parameters: number;
  runs: ExperimentRun[];
}

/** public/experiments/results.json. */
export interface ExperimentResults {
  version: 1;
  /** True for a `--quick` smoke run (small subsets): never the committed file. */
  quick: boolean;
  date: string;
  recipe: {
    model: 'mlp';
    optimizer: 'adam';
    learningRate: number;
    batchSize: number;
    epochs: number;
    augmentation: 'none';
    trainImages: number;
    testImages: number;
    backend: string;
  };
  settings: ExperimentSetting[];
}

const METRICS = ['runningLoss', 'runningAccuracy', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const;

function fail(problem: string): never {
  throw new Error(`results.json: ${problem}`);
}

function checkRun(run: ExperimentRun, hidden: number, epochs: number): void {
  const where = `hidden ${hidden}, seed ${run.seed}`;
  if (!Number.isInteger(run.seed)) fail(`a run of hidden ${hidden} lacks an integer seed`);
  if (!Array.isArray(run.epochs) || run.epochs.length !== epochs) fail(`${where}: expected ${epochs} epochs`);
  run.epochs.forEach((e, i) => {
    if (e.epoch !== i + 1) fail(`${where}: epoch ${i + 1} is numbered ${e.epoch}`);
    for (const k of METRICS) {
      const v = e[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(`${where}, epoch ${i + 1}: bad ${k}`);
      if (k.endsWith('Accuracy') && v > 1) fail(`${where}, epoch ${i + 1}: ${k} ${v} > 1`);
    }
  });
}

/** Validates a parsed results.json; throws a message naming the first problem. */
export function checkExperimentResults(value: unknown): ExperimentResults {
  const r = value as ExperimentResults;
  if (!r || r.version !== 1 || !Array.isArray(r.settings)) fail('expected { version: 1, settings: [...] }');
  if (typeof r.quick !== 'boolean' || typeof r.date !== 'string') fail('lacks quick or date');
  const epochs = r.recipe?.epochs;
  if (!Number.isInteger(epochs) || epochs < 1) fail('recipe.epochs must be a positive integer');
  if (r.settings.length === 0) fail('no settings');
  for (const s of r.settings) {
    if (!Number.isInteger(s.hidden) || s.hidden < 1) fail('a setting lacks a positive hidden size');
    if (!Number.isInteger(s.parameters)) fail(`hidden ${s.hidden}: parameters missing`);
    if (!Array.isArray(s.runs) || s.runs.length === 0) fail(`hidden ${s.hidden}: no runs`);
    s.runs.forEach((run) => checkRun(run, s.hidden, epochs));
  }
  return r;
}
