import { createSignal } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { decodeImageSet, type LabelledImages } from '../../core/dataset';
import { accuracyOf, confusionMatrix } from '../../core/metrics';
import { argmaxRows, TEST_SET_FILES } from '../../core/test-set';
import { errorText } from '../../core/errors';
import { fetchBytes } from '../../app/assets';
import { activeClassifier } from '../../app/engine';
import { batchBackend, engineState, modelId } from '../../app/state';

/** Predictions of one model on the 10,000 test images, made in the app. */
export interface AppEvaluation {
  modelId: string;
  backend: string;
  probs: Float32Array;
  predicted: Uint8Array;
  matrix: number[][];
  accuracy: number;
  seconds: number;
}

/** Where the evaluation is: `data` loading the test set, `predicting`, `done` or `error`. */
export type EvalPhase = 'idle' | 'data' | 'predicting' | 'done' | 'error';

/** The phase, share done (0–1), last error and the finished evaluation. */
export const [evalPhase, setEvalPhase] = createSignal<EvalPhase>('idle');
export const [evalProgress, setEvalProgress] = createSignal(0);
export const [evalError, setEvalError] = createSignal<string | null>(null);
export const [evaluation, setEvaluation] = createSignal<AppEvaluation | null>(null);
/** The test set once loaded. */
export const [testSet, setTestSet] = createSignal<LabelledImages | null>(null);
/** The confusion-matrix cell whose images the gallery shows. */
export const [selectedCell, setSelectedCell] = createSignal<{ truth: number; predicted: number } | null>(null);

/** A cell asked for before its evaluation is done (the Lab's link to a confused pair). */
let wantedCell: { truth: number; predicted: number } | null = null;

/** Opens the gallery on cell `cell` now, or as soon as the evaluation in progress is done. */
export function showPair(cell: { truth: number; predicted: number }): void {
  wantedCell = cell;
  if (evalPhase() === 'done') setSelectedCell(cell);
}

let loading: Promise<LabelledImages> | undefined;

/** Downloads (or reads from the precache) and parses the test set, once. */
export function loadTestSet(): Promise<LabelledImages> {
  loading ??= Promise.all([
    fetchBytes(`data/${TEST_SET_FILES.images}`),
    fetchBytes(`data/${TEST_SET_FILES.labels}`),
  ]).then(([images, labels]) => {
    const set = decodeImageSet(images, TEST_SET_FILES.images, labels, TEST_SET_FILES.labels);
    setTestSet(set);
    return set;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

let generation = 0;

/**
 * The ten Fashion-MNIST columns of `count` rows of probabilities: a model with user classes has
 * more outputs, but the test images hold only the ten, so they are scored on those.
 */
function tenOutputs(probs: Float32Array, count: number): Float32Array {
  const width = probs.length / count;
  if (width === NUM_CLASSES) return probs;
  const ten = new Float32Array(count * NUM_CLASSES);
  for (let i = 0; i < count; i++) ten.set(probs.subarray(i * width, i * width + NUM_CLASSES), i * NUM_CLASSES);
  return ten;
}

/**
 * Classifies the whole test set with the active model, on the backend batch work uses (the
 * fastest measured, in a worker where possible), unless already done for them.
 */
export async function evaluateActiveModel(): Promise<void> {
  const id = modelId();
  const backend = batchBackend();
  const done = evaluation();
  const gen = ++generation; // a newer call (model or backend switch) supersedes any run in flight
  if (engineState() !== 'ready' || !backend) return void setEvalPhase('idle');
  if (done && done.modelId === id && done.backend === backend) {
    wantedCell = null; // showPair opened it already
    return void setEvalPhase('done');
  }
  const current = () => gen === generation;
  setEvalError(null);
  setEvalProgress(0);
  setEvalPhase('data');
  try {
    const set = await loadTestSet();
    const classifier = activeClassifier();
    if (!current()) return;
    if (!classifier) throw new Error('no model is loaded');
    setEvalPhase('predicting');
    const started = performance.now();
    const all = await classifier.predictMany(set.images, set.count, (n, total) => {
      if (current()) setEvalProgress(n / total);
    });
    if (!current()) return;
    const probs = tenOutputs(all, set.count);
    const predicted = argmaxRows(probs, probs.length / NUM_CLASSES);
    const matrix = confusionMatrix(set.labels, predicted);
    const seconds = (performance.now() - started) / 1000;
    setSelectedCell(wantedCell);
    wantedCell = null;
    setEvaluation({ modelId: id, backend, probs, predicted, matrix, accuracy: accuracyOf(matrix), seconds });
    setEvalPhase('done');
  } catch (err) {
    if (!current()) return;
    setEvalError(errorText(err));
    setEvalPhase('error');
  }
}
