import { createSignal } from 'solid-js';
import { errorText } from '../../core/errors';
import { decodeBundle, encodeBundle } from '../../core/retrain/bundle';
import type { VersionMeta } from '../../core/retrain/retrain-store';
import { newId } from '../../core/retrain/samples';
import { modelId } from '../../app/state';
import { retrainStore, showError } from './storage';
import { mergeSamples, samples } from './samples';
import { addVersion } from './versions';
import { adoptClasses } from './class-list';

/** Name of the latest successfully imported file, for the confirmation line. */
export const [lastImport, setLastImport] = createSignal<string | null>(null);

/** `prenda-2025-01-31-1405.zip` for a version made at that time. */
export function bundleName(createdAt: number): string {
  const d = new Date(createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `prenda-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.zip`;
}

/** Downloads version `id` with all samples as one .zip (model.json, weights.bin, samples.json, meta.json). */
export async function exportVersion(id: string): Promise<void> {
  try {
    const slot = await (await retrainStore()).getSlot(id);
    if (!slot) throw new Error('the version is not in storage');
    const blob = new Blob([encodeBundle(slot, samples()) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = bundleName(slot.meta.createdAt);
    document.body.append(link); // some browsers only follow attached links
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (err) {
    showError({ key: 'retrain.exportFailed', params: { detail: errorText(err) } });
  }
}

async function importBundle(file: File): Promise<void> {
  const bundle = decodeBundle(new Uint8Array(await file.arrayBuffer()));
  const known = new Set((await (await retrainStore()).versions()).map((v) => v.id));
  // Importing into the browser it came from would clash with the original: give it a new id.
  const id = known.has(bundle.meta.id) ? newId('v') : bundle.meta.id;
  // The file's classes join the user's list; its samples are relabelled to it.
  await mergeSamples(adoptClasses(bundle.meta.classes ?? [], bundle.samples));
  const { topology, weightSpecs, weightData, meta } = bundle;
  await addVersion({ id, topology, weightSpecs, weightData, meta: { ...meta, id } });
}

async function importLayersModel(files: File[]): Promise<void> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new Error('choose a .zip, or a model.json together with its weight files');
  const artifacts = await import('../../ml/retrain/model-artifacts');
  const model = await artifacts.modelFromFiles(
    json,
    files.filter((f) => f !== json),
  );
  try {
    const problem = artifacts.shapeProblem(model);
    if (problem) throw new artifacts.ShapeMismatchError(problem);
    const parts = await artifacts.modelToParts(model);
    const id = newId('v');
    const none = { user: null, test: null };
    const meta: VersionMeta = {
      ...{ id, createdAt: Date.now(), source: 'import', baseModelId: modelId(), name: json.name },
      ...{ samples: 0, heldOut: 0, epochs: 0, learningRate: 0, backend: '', seconds: 0, before: none, after: none },
    };
    await addVersion({ id, ...parts, meta });
  } finally {
    model.dispose();
  }
}

/** Imports a Prenda .zip, or a tfjs layers model (model.json + weight files); it becomes the model in use. */
export async function importFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  setLastImport(null);
  try {
    const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
    await (zip ? importBundle(zip) : importLayersModel(files));
    setLastImport((zip ?? files.find((f) => f.name.endsWith('.json')))!.name);
  } catch (err) {
    const problem = (err as { problem?: { part: 'input' | 'output'; shape: string } }).problem;
    if (problem)
      showError({
        key: problem.part === 'input' ? 'retrain.importInput' : 'retrain.importOutput',
        params: { shape: problem.shape },
      });
    else showError({ key: 'retrain.importFailed', params: { detail: errorText(err) } });
  }
}
