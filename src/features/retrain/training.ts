import { batch, createSignal } from 'solid-js';
import type { Accuracies, VersionSlot } from '../../core/retrain/retrain-store';
import { RETRAIN_DATA } from '../../core/retrain/replay-mix';
import { RETRAIN_DEFAULTS, type TrainedLayers } from '../../core/retrain/retrain-settings';
import { newId, splitSamples, toImageSet, toTrainingSet } from '../../core/retrain/samples';
import type { RetrainEpoch } from '../../ml/retrain/retrain';
import type { FromWorker } from '../../ml/retrain/retrain-protocol';
import { errorText } from '../../core/errors';
import { assetUrl } from '../../app/assets';
import { activeClassifier, pageTfjs } from '../../app/engine';
import { params } from '../../app/params';
import { backendName, modelId } from '../../app/state';
import { StorageFullError, StorageUnavailableError } from '../../core/retrain/storage-errors';
import { samples } from './samples';
import { showError } from './storage';
import { trainAlone, trainingElsewhere } from './tabs';
import { saveAndUse, unsaved, useUnsaved, versions } from './versions';
import { activeVersion } from '../../app/user-model';
import { classPlan, recordScores } from './class-list';

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
/** Whether the latest finished run's model was saved (false: in use for this session only). */
export const [saved, setSaved] = createSignal(true);

let controller: AbortController | null = null;
/** Set from the click until the run ends: a second click meanwhile (a double-click) starts nothing. */
let starting = false;

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

/**
 * Fine-tunes the model in use on the user's samples plus replay images and saves a new version,
 * in one tab at a time: when another tab trains, says so and does nothing.
 */
export async function startTraining(): Promise<void> {
  if (starting || status() === 'training' || trainingElsewhere()) return;
  starting = true;
  try {
    const outcome = await trainAlone(train);
    if (!outcome.ran) showError({ key: 'retrain.trainingElsewhere' });
  } finally {
    starting = false;
  }
}

/**
 * Manifest id of the model a run starts from, through any earlier versions: a version retrained
 * from the photo model is still a photo model (it gets the photo replay set).
 */
export function baseModelOf(active: string | null): string {
  const kept = unsaved();
  const metas = kept ? [...versions(), kept.slot.meta] : versions();
  const version = active === null ? undefined : metas.find((v) => v.id === active);
  return version?.baseModelId ?? modelId();
}

/** Saves the trained slot and uses it; when storage cannot keep it, uses it for this session only. */
async function keep(slot: VersionSlot): Promise<boolean> {
  const [{ loadChecked }] = await Promise.all([import('../../ml/retrain/model-artifacts'), pageTfjs()]);
  const model = await loadChecked(slot);
  try {
    await saveAndUse(slot, model);
    return true;
  } catch (err) {
    if (!(err instanceof StorageFullError || err instanceof StorageUnavailableError)) {
      model.dispose();
      throw err;
    }
    await useUnsaved(slot, model, errorText(err));
    return false;
  }
}

async function train(): Promise<void> {
  const classifier = activeClassifier();
  const list = samples();
  if (status() === 'training' || !classifier || list.length === 0) return;
  const plan = await classPlan();
  if ('key' in plan) return showError(plan);
  const split = splitSamples(list);
  const measured = split.hasHoldOut ? split.heldOut : split.train;
  const settings = { ...RETRAIN_DEFAULTS, layers: trainedLayers(), epochs: epochs(), learningRate: learningRate() };
  const base = baseModelOf(activeVersion());
  controller = new AbortController();
  batch(() => {
    setStatus('training');
    setSaved(true);
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
      train: toTrainingSet(split.train),
      measure: toImageSet(measured),
      settings,
      outputs: plan.outputs,
    };
    const outcome = await runRetrain({
      job,
      dataUrl: new URL(assetUrl('data/'), location.href).href,
      // Photos of the ten replayed beside the user's photos (README "Your own classes").
      photos: base === 'photo',
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
        classes: plan.classes,
      },
    };
    let kept: boolean;
    try {
      kept = await keep(slot);
    } catch (err) {
      setStatus('error');
      return showError({ key: 'retrain.retrainSaveFailed', params: { detail: errorText(err) } });
    }
    batch(() => {
      setReport((r) => r && { ...r, before: outcome.before, after: outcome.after, seconds: outcome.seconds });
      setSaved(kept);
      setStatus('done');
      recordScores(outcome.classes, plan.classes);
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
