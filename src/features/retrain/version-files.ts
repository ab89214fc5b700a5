import { createSignal } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { errorText } from '../../core/errors';
import type { LabelledImages } from '../../core/dataset';
import { ImportError } from '../../core/retrain/import-error';
import type { VersionMeta, VersionSlot } from '../../core/retrain/retrain-store';
import type { CheckedModelParts } from '../../core/retrain/read-model';
import { newId, type Sample } from '../../core/retrain/samples';
import { StorageFullError, StorageUnavailableError } from '../../core/retrain/storage-errors';
import { assetUrl } from '../../app/assets';
import { pageTfjs } from '../../app/engine';
import type { Message } from '../../app/i18n';
import { modelId } from '../../app/state';
import { retrainStore, showError } from './storage';
import { samples } from './samples';
import { saveAndUse, unsaved } from './versions';
import { adoptClasses } from './class-list';

/** Name of the latest successfully imported file, for the confirmation line. */
export const [lastImport, setLastImport] = createSignal<string | null>(null);

/** Where an import is: checking the files, asking about a low score, saving, or how it ended. */
export type ImportState = 'idle' | 'checking' | 'asking' | 'saving' | 'done' | 'failed' | 'cancelled';

/** State of the latest import (`import-status` data-state). */
export const [importState, setImportState] = createSignal<ImportState>('idle');

/** The question asked before using a model that scores badly on the shipped test images. */
export interface ImportQuestion {
  name: string;
  /** Share of the probe images it answers right (0–1). */
  accuracy: number;
  scored: number;
  answer: (use: boolean) => void;
}

/** The open "use it anyway?" question, or null. */
export const [question, setQuestion] = createSignal<ImportQuestion | null>(null);

/** `prenda-2025-01-31-1405.zip` for a version made at that time. */
export function bundleName(createdAt: number): string {
  const d = new Date(createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `prenda-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.zip`;
}

async function download(slot: VersionSlot): Promise<void> {
  // The zip code (fflate) loads with the first export: evaluating it with the retraining card was
  // a long task on a phone, for a button most visits never press.
  const { encodeBundle } = await import('../../core/retrain/bundle');
  const blob = new Blob([encodeBundle(slot, samples()) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = bundleName(slot.meta.createdAt);
  document.body.append(link); // some browsers only follow attached links
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads version `id` with all samples as one .zip (model.json, weights.bin, samples.json, meta.json). */
export async function exportVersion(id: string): Promise<void> {
  try {
    const slot = unsaved()?.slot.id === id ? unsaved()!.slot : await (await retrainStore()).getSlot(id);
    if (!slot) throw new Error('the version is not in storage');
    await download(slot);
  } catch (err) {
    showError({ key: 'retrain.exportFailed', params: { detail: errorText(err) } });
  }
}

/** A checked import: the model's parts, its metadata and the samples that come with it. */
interface Candidate {
  parts: CheckedModelParts;
  meta: VersionMeta;
  samples: Sample[];
  name: string;
}

async function readZip(file: File): Promise<Candidate> {
  const { readBundleOffThread } = await import('../../ml/retrain/bundle-client');
  const bundle = await readBundleOffThread(new Uint8Array(await file.arrayBuffer()), NUM_CLASSES);
  const known = new Set((await (await retrainStore()).versions()).map((v) => v.id));
  // Importing into the browser it came from would clash with the original: give it a new id.
  const id = known.has(bundle.meta.id) ? newId('v') : bundle.meta.id;
  const { topology, weightSpecs, weightData } = bundle;
  return {
    parts: { topology, weightSpecs, weightData },
    meta: { ...bundle.meta, id },
    samples: bundle.samples,
    name: file.name,
  };
}

async function readModelFiles(files: File[]): Promise<Candidate> {
  const { readLayersModel } = await import('../../core/retrain/read-model');
  const named = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const parts = readLayersModel(named);
  const name = files.find((f) => f.name.toLowerCase().endsWith('.json'))?.name ?? 'model.json';
  const id = newId('v');
  const none = { user: null, test: null };
  const meta: VersionMeta = {
    ...{ id, createdAt: Date.now(), source: 'import', baseModelId: modelId(), name },
    ...{ samples: 0, heldOut: 0, epochs: 0, learningRate: 0, backend: '', seconds: 0, before: none, after: none },
  };
  return { parts, meta, samples: [], name };
}

let probe: Promise<LabelledImages> | undefined;

/** A few hundred shipped test images to score a candidate on (fetched once, precached). */
function probeSet(): Promise<LabelledImages> {
  probe ??= import('../../ml/retrain/probe-set').then((m) =>
    m.loadProbeSet(new URL(assetUrl('data/'), location.href).href),
  );
  probe.catch(() => (probe = undefined));
  return probe;
}

/** Asks "this model gets N % right — use it anyway?" and waits for the answer. */
function ask(name: string, accuracy: number, scored: number): Promise<boolean> {
  setImportState('asking');
  return new Promise<boolean>((resolve) =>
    setQuestion({
      name,
      accuracy,
      scored,
      answer: (use) => {
        setQuestion(null);
        resolve(use);
      },
    }),
  );
}

/** The message for a refused import. */
function refusal(err: unknown): Message {
  if (err instanceof StorageFullError) return { key: 'retrain.importFull' };
  if (err instanceof StorageUnavailableError)
    return { key: 'retrain.importNotStored', params: { detail: err.message } };
  const problem = (err as { problem?: unknown }).problem;
  if ((problem === 'input' || problem === 'output') && !(err instanceof ImportError))
    return { key: 'retrain.importModel', params: { detail: errorText(err) } };
  return { key: 'retrain.importFailed', params: { detail: errorText(err) } };
}

/**
 * Imports a Prenda .zip, or a tfjs layers model (model.json + weight files): every file is parsed
 * and checked, the model is built, checked (finite softmax outputs) and scored on shipped test
 * images, a low score is asked about, and only then version and samples are stored together and
 * the model is used. Anything refused leaves storage and the model in use as they were.
 */
export async function importFiles(files: File[]): Promise<void> {
  if (files.length === 0 || question()) return;
  setLastImport(null);
  setImportState('checking');
  try {
    const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
    const candidate = await (zip ? readZip(zip) : readModelFiles(files));
    const [{ checkCandidate, SUSPECT_ACCURACY }, images] = await Promise.all([
      import('../../ml/retrain/model-check'),
      probeSet(),
      pageTfjs(),
    ]);
    const classes = NUM_CLASSES + (candidate.meta.classes?.length ?? 0);
    const { model, report } = await checkCandidate(candidate.parts, { classes, probe: images });
    if (report.accuracy < SUSPECT_ACCURACY && !(await ask(candidate.name, report.accuracy, report.scored))) {
      model.dispose();
      return void setImportState('cancelled');
    }
    setImportState('saving');
    const { meta } = candidate;
    const slot: VersionSlot = { id: meta.id, ...candidate.parts, meta };
    try {
      // The file's classes join the user's list; its samples are relabelled to it.
      await saveAndUse(slot, model, adoptClasses(meta.classes ?? [], candidate.samples));
    } catch (err) {
      model.dispose();
      throw err;
    }
    setLastImport(candidate.name);
    setImportState('done');
  } catch (err) {
    setImportState('failed');
    showError(refusal(err));
  }
}
