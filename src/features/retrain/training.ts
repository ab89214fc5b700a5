import { batch, createSignal } from 'solid-js';
import type { Accuracies, VersionSlot } from '../../core/retrain/retrain-store';
import { RETRAIN_DATA } from '../../core/retrain/replay-mix';
import { RETRAIN_DEFAULTS, type TrainedLayers } from '../../core/retrain/retrain-settings';
import { newId, splitSamples, toImageSet } from '../../core/retrain/samples';
import type { RetrainEpoch } from '../../ml/retrain/retrain';
import type { FromWorker } from '../../ml/retrain/retrain-protocol';
import { errorText } from '../../core/errors';
import { assetUrl } from '../../app/assets';
import { activeClassifier, pageTfjs } from '../../app/engine';
import { params } from '../../app/params';
import { backendName, modelId } from '../../app/state';
import { samples } from './samples';
import { showError } from './storage';
import { addVersion } from './versions';

/** Lifecycle of a run, as the `retrain-status` test id's data-state shows it. */
export type RetrainStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

/** What the before/after table shows for the latest run. */
export interface RunReport {
  before: Accuracies;
  after: Accuracies | null;
  /** Samples measured on, and whether they were held out from training. */
  measured: number;
  heldOut: boolean;
  testCount: number;
  seconds: number | null;
}

/** State of the latest run. */
export const [status, setStatus] = createSignal<RetrainStatus>('idle');
/** Epochs of the next run (the user may change them). */
export const [epochs, setEpochs] = createSignal(RETRAIN_DEFAULTS.epochs);
/** Learning rate of the next run. */
export const [learningRate, setLearningRate] = createSignal(RETRAIN_DEFAULTS.learningRate);
/** Which layers the next run trains. */
export const [trainedLayers, setTrainedLayers] = createSignal<TrainedLayers>(RETRAIN_DEFAULTS.layers);
/** Batches done out of the run's total, or null before the first report. */
export const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
/** Metrics of each finished epoch of the latest run. */
export const [history, setHistory] = createSignal<readonly RetrainEpoch[]>([]);
/** Where the latest run trains: backend name and whether in a worker. */
export const [trainer, setTrainer] = createSignal<{ name: string; where: 'worker' | 'main' } | null>(null);
/** Before/after accuracies of the latest run. */
export const [report, setReport] = createSignal<RunReport | null>(null);

let controller: AbortController | null = null;

/** `?retrain=main` trains on the page instead of in a worker (for comparison). */
const where = params.retrain ?? 'worker';
/** `?trainBackend=webgl` trains on that backend even where it is a software GPU (benchmarks). */
const forced = params.trainBackend;

function onMessage(m: FromWorker): void {
  if (m.type === 'backend') setTrainer({ name: m.name, where: m.where ?? 'worker' });
  else if (m.type === 'progress') setProgress({ done: m.done, total: m.total });
  else if (m.type === 'epoch') setHistory((h) => [...h, m.metrics]);
  else if (m.type === 'before') setReport((r) => (r ? { ...r, before: m.before } : r));
}

/** Fine-tunes the model in use on the user's samples plus replay images; saves a new version. */
export async function startTraining(): Promise<void> {
  const classifier = activeClassifier();
  const list = samples();
  if (status() === 'training' || !classifier || list.length === 0) return;
  const split = splitSamples(list);
  const measured = split.hasHoldOut ? split.heldOut : split.train;
  const settings = { ...RETRAIN_DEFAULTS, layers: trainedLayers(), epochs: epochs(), learningRate: learningRate() };
  const base = modelId();
  controller = new AbortController();
  batch(() => {
    setStatus('training');
    setProgress(null);
    setHistory([]);
    setTrainer(null);
    const none = { user: null, test: null };
    setReport({
      before: none,
      after: null,
      measured: measured.length,
      heldOut: split.hasHoldOut,
      testCount: RETRAIN_DATA.testCount,
      seconds: null,
    });
  });
  try {
    const [{ runRetrain }, model] = await Promise.all([
      import('../../ml/retrain/retrain-client'),
      classifier.parts(),
      // Training on the page (?retrain=main, or where workers fail) needs tfjs there too.
      pageTfjs(),
    ]);
    const job = {
      model,
      train: toImageSet(split.train),
      measure: toImageSet(measured),
      settings,
    };
    const outcome = await runRetrain({
      job,
      dataUrl: new URL(assetUrl('data/'), location.href).href,
      backend: forced ?? (backendName() || undefined),
      force: forced !== undefined,
      where,
      signal: controller.signal,
      onMessage,
    });
    const id = newId('v');
    const t = trainer();
    const slot: VersionSlot = {
      id,
      ...outcome.model,
      meta: {
        id,
        createdAt: Date.now(),
        source: 'retrain',
        baseModelId: base,
        samples: split.train.length,
        heldOut: split.heldOut.length,
        epochs: settings.epochs,
        learningRate: settings.learningRate,
        backend: t ? `${t.name} (${t.where})` : '',
        seconds: outcome.seconds,
        before: outcome.before,
        after: outcome.after,
      },
    };
    try {
      await addVersion(slot);
    } catch (err) {
      setStatus('error');
      return showError({ key: 'retrain.retrainSaveFailed', params: { detail: errorText(err) } });
    }
    batch(() => {
      setReport((r) => r && { ...r, before: outcome.before, after: outcome.after, seconds: outcome.seconds });
      setStatus('done');
    });
  } catch (err) {
    const kind = (err as { kind?: string }).kind;
    if (kind === 'cancelled') return void setStatus('cancelled');
    setStatus('error');
    showError(
      kind === 'nan'
        ? { key: 'retrain.retrainNaN' }
        : { key: 'retrain.retrainFailed', params: { detail: errorText(err) } },
    );
  } finally {
    controller = null;
  }
}

/** Stops the run; the model in use does not change. */
export function cancelTraining(): void {
  controller?.abort();
}
