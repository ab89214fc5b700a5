import { createMemo, createResource } from 'solid-js';
import { answerValues } from '../../core/lab/answer-values';
import { fillAnswers, type FilledAnswer } from './answer-format';
import { checkExperimentResults, type ExperimentResults } from '../../core/lab/experiments';
import { layerTable, type LayerInfo } from '../../core/lab/layer-params';
import type { ModelEntry } from '../../core/manifest';
import { fetchJson } from '../../app/assets';
import { lang } from '../../app/i18n';
import { models } from '../../app/state';

/** Loads public/experiments/results.json (written by `npm run experiments`). */
export async function loadResults(): Promise<ExperimentResults> {
  return checkExperimentResults(await fetchJson('experiments/results.json'));
}

const topologies = new Map<string, Promise<LayerInfo[]>>();

/** The layer table of a manifest model, read from its model.json (no tf needed); cached. */
export function loadLayers(entry: ModelEntry): Promise<LayerInfo[]> {
  let p = topologies.get(entry.id);
  if (!p) {
    p = fetchJson(`models/${entry.file}`).then(layerTable);
    p.catch(() => topologies.delete(entry.id));
    topologies.set(entry.id, p);
  }
  return p;
}

/** The workshop's model in the manifest: id `mlp`, else the first 128-unit mlp. */
export function workshopModel(list: readonly ModelEntry[]): ModelEntry | undefined {
  return list.find((m) => m.id === 'mlp') ?? list.find((m) => m.training.kind === 'mlp' && m.training.hidden === 128);
}

/** Experiment results, the workshop model's layers, and the five answers filled in the current language. */
export function createLab() {
  const [results] = createResource(loadResults);
  const [workshopLayers] = createResource(
    () => workshopModel(models()),
    (entry) => loadLayers(entry),
  );
  const answers = createMemo<FilledAnswer[] | undefined>(() => {
    if (results.error || workshopLayers.error) return undefined; // reading a failed resource throws
    const r = results();
    const entry = workshopModel(models());
    const layers = workshopLayers();
    if (!r || !entry || !layers) return undefined;
    return fillAnswers(answerValues(r, entry, layers), lang());
  });
  return { results, workshopLayers, answers };
}
