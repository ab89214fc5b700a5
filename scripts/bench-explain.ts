// `npm run bench:explain`: how faithful and how fast each explanation method is, per shipped
// model, on the wasm backend in Node. Faithfulness: deletion AUC (pixels set to background in the
// map's order, most positive first; lower = more faithful) and insertion AUC (higher = better) of
// the top class's probability, on the first --images test images, against a random map. Speed:
// ms per map (median / p95), as the app would compute it (with an AbortSignal, so batches yield).
// Usage: npm run bench:explain [-- --models cnn,mlp,photo --images 300 --methods occ:4/2/0/l/fg,ig:16/p --sweep
//   --batch N --photos ../shared/data/clothing-photos/validation]
// Method specs: occ:PATCH/STRIDE/BASELINE/p|l, ig:STEPS/p|l, grad/p|l, gradx/p|l, random (p = probability, l = logit).
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMAGE_PIXELS, NUM_CLASSES } from '../src/core/classes';
import { batchedOutputs } from '../src/ml/explain/batched-outputs';
import { explainable, type ExplainableModel } from '../src/ml/explain/explainable';
import { faithfulness } from '../src/ml/explain/faithfulness';
import { explain, EXPLAIN_METHOD, NEIGHBOUR_COUNT } from '../src/ml/explain/explain';
import { explainMap, explainMaps, methodName, type MapMethod } from '../src/ml/explain/methods';
import { buildNeighbourIndex, nearestImages } from '../src/ml/explain/neighbours';
import type { FeatureMetric } from '../src/core/explain/nearest';
import { fileLoadHandler } from './lib/model-files';
import { listPhotoFolder, photoInputs } from './lib/photo-set';
import { readShippedSet } from './lib/shipped-data';
import { initNodeBackend } from './lib/tf-node';

const { values: args } = parseArgs({
  options: {
    models: { type: 'string', default: 'cnn,mlp,photo' },
    images: { type: 'string', default: '300' },
    methods: { type: 'string', default: 'occ:4/2/0/l/fg,ig:32/p,grad/p,gradx/p' },
    sweep: { type: 'boolean', default: false },
    /** Images per forward pass (occlusion, curves) or path points per gradient pass (integrated gradients). */
    batch: { type: 'string' },
    /** Folder of labelled photos (<folder>/<class>/*.jpg) the photo model is measured on, after preprocessing. */
    photos: { type: 'string' },
    versus: { type: 'string', default: 'occ:4/2/0/p/fg,occ:4/2/0/l/fg,ig:32/p,ig:32/l' },
  },
});

const SWEEP = [
  'occ:1/1/0/l,occ:2/1/0/l/fg,occ:2/2/0/l/fg,occ:3/1/0/l/fg,occ:3/2/0/l/fg,occ:6/3/0/l/fg',
  'occ:4/2/0/l,occ:4/2/0/p/fg,occ:4/2/0.5/l/fg,occ:2/1/0/p,ig:4/p,ig:8/p,ig:16/p,ig:64/p,ig:32/l,grad/l,gradx/l',
].join(',');

function parseMethod(spec: string, seed: number): MapMethod {
  const [kind, rest = ''] = spec.split(':');
  const parts = (kind === 'grad' || kind === 'gradx' ? spec.split('/').slice(1) : rest.split('/')).filter(Boolean);
  const foregroundOnly = parts.at(-1) === 'fg';
  if (foregroundOnly) parts.pop();
  const space = parts.at(-1) === 'l' ? 'logit' : 'probability';
  const n = (i: number) => Number(parts[i]);
  if (kind === 'occ') return { kind: 'occlusion', patch: n(0), stride: n(1), baseline: n(2), space, foregroundOnly };
  if (kind === 'ig') return { kind: 'integrated-gradients', steps: n(0), space };
  if (spec.startsWith('gradx')) return { kind: 'gradient-input', space };
  if (spec.startsWith('grad')) return { kind: 'gradient', space };
  if (kind === 'random') return { kind: 'random', seed };
  throw new Error(`Unknown method ${spec}`);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stderr = (xs: number[]) =>
  Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
/** CPU milliseconds this process used since `since`: less sensitive than wall time to other processes. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Row {
  name: string;
  ms: number[];
  cpu: number[];
  deletion: number[];
  insertion: number[];
}

async function measure(net: ExplainableModel, images: Float32Array[], classes: number[], spec: string): Promise<Row> {
  const row: Row = { name: '', ms: [], cpu: [], deletion: [], insertion: [] };
  for (let i = 0; i < images.length; i++) {
    const method = parseMethod(spec, i + 1);
    row.name = methodName(method);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const map = await explainMap(net, images[i]!, { cls: classes[i]! }, method, {
      signal: new AbortController().signal,
      batchSize,
    });
    row.ms.push(performance.now() - started);
    row.cpu.push(cpuMs(cpu));
    const f = await faithfulness(net, images[i]!, map, { cls: classes[i]!, space: 'probability' });
    row.deletion.push(f.deletion.area);
    row.insertion.push(f.insertion.area);
  }
  return row;
}

/** Paired gain of `row` over `base` in deletion AUC (mean ± s.e.) and the share of images where it is lower. */
function gain(row: Row, base: Row): string {
  const d = row.deletion.map((v, i) => base.deletion[i]! - v);
  const better = (100 * d.filter((x) => x > 0).length) / d.length;
  return `${mean(d).toFixed(3)} ± ${stderr(d).toFixed(3)} (${better.toFixed(0)} %)`;
}

function print(row: Row, random: Row, first: Row | undefined): void {
  console.log(
    [
      row.name.padEnd(36),
      `${quantile(row.ms, 0.5).toFixed(1).padStart(7)} ${quantile(row.ms, 0.95).toFixed(1).padStart(7)} ${quantile(row.cpu, 0.5).toFixed(1).padStart(6)}`,
      `${mean(row.deletion).toFixed(3)} ± ${stderr(row.deletion).toFixed(3)}`,
      `${mean(row.insertion).toFixed(3)} ± ${stderr(row.insertion).toFixed(3)}`,
      row === random ? '' : gain(row, random),
      first && row !== first && row !== random ? gain(row, first) : '',
    ].join('  '),
  );
}

/** Top two classes of one row of probabilities. */
function topTwo(probs: Float32Array, i: number): [number, number] {
  const row = Array.from(probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
  const order = row.map((_, k) => k).sort((a, b) => row[b]! - row[a]!);
  return [order[0]!, order[1]!];
}

/**
 * "Why c and not d" (d = second class): deletion AUC of p_c − p_d (and of the logit margin) for
 * maps made on the probability difference and on the logit difference.
 */
async function versusSection(net: ExplainableModel, images: Float32Array[], probs: Float32Array): Promise<void> {
  console.log(
    'versus (c = top class, d = second): method, deletion AUC of p_c − p_d (mean ± s.e.), of logit_c − logit_d',
  );
  for (const spec of args.versus!.split(',').filter(Boolean)) {
    const onProb: number[] = [];
    const onLogit: number[] = [];
    let name = '';
    for (let i = 0; i < images.length; i++) {
      const [cls, versus] = topTwo(probs, i);
      const method = parseMethod(spec, i + 1);
      name = methodName(method);
      const [map] = await explainMaps(net, images[i]!, [{ cls, versus }], method);
      onProb.push((await faithfulness(net, images[i]!, map!, { cls, versus, space: 'probability' })).deletion.area);
      onLogit.push((await faithfulness(net, images[i]!, map!, { cls, versus, space: 'logit' })).deletion.area);
    }
    const f = (xs: number[]) => `${mean(xs).toFixed(3)} ± ${stderr(xs).toFixed(3)}`;
    console.log(`  ${name.padEnd(36)}  ${f(onProb)}  ${f(onLogit)}`);
  }
}

/**
 * "It looks like these": share of the six nearest replay images (penultimate-layer features) that
 * have the image's predicted / true class, per metric; time to build the index and to query it,
 * and the whole explanation (both maps + neighbours) with the chosen method.
 */
async function neighbourSection(
  net: ExplainableModel,
  images: Float32Array[],
  probs: Float32Array,
  labels: Uint8Array | null,
): Promise<void> {
  const replay = readShippedSet('replay');
  for (const metric of ['cosine', 'l2'] as FeatureMetric[]) {
    const started = performance.now();
    const index = await buildNeighbourIndex(net, replay, { metric });
    const built = performance.now() - started;
    let samePredicted = 0;
    let sameTrue = 0;
    const ms: number[] = [];
    for (let i = 0; i < images.length; i++) {
      const t0 = performance.now();
      const near = await nearestImages(net, index, images[i]!);
      ms.push(performance.now() - t0);
      const [top] = topTwo(probs, i);
      samePredicted += near.filter((n) => n.label === top).length;
      sameTrue += near.filter((n) => n.label === labels?.[i]).length;
    }
    const total = images.length * NEIGHBOUR_COUNT;
    console.log(
      `neighbours ${metric.padEnd(6)}: index of ${replay.count} built in ${built.toFixed(0)} ms, query ${quantile(ms, 0.5).toFixed(1)} ms median; ` +
        `share of neighbours with the predicted class ${(samePredicted / total).toFixed(3)}` +
        (labels ? `, with the true class ${(sameTrue / total).toFixed(3)}` : ''),
    );
  }
  const index = await buildNeighbourIndex(net, replay);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < images.length; i++) {
    const [cls, versus] = topTwo(probs, i);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await explain(net, index, images[i]!, { cls, versus }, { signal: new AbortController().signal, batchSize });
    ms.push(performance.now() - t0);
    cpu.push(cpuMs(cpu0));
  }
  console.log(
    `explanation (${methodName(EXPLAIN_METHOD)}, map + versus map + 6 neighbours): ` +
      `${quantile(ms, 0.5).toFixed(1)} ms median, ${quantile(ms, 0.95).toFixed(1)} ms p95 over ${ms.length} images ` +
      `(CPU ${quantile(cpu, 0.5).toFixed(1)} ms median)`,
  );
}

/** The images a model is measured on: the first test images, or for `photo` the preprocessed validation photos. */
async function inputsFor(id: string): Promise<{ scaled: Float32Array; labels: Uint8Array | null; what: string }> {
  if (id === 'photo' && args.photos) {
    const items = listPhotoFolder(resolve(args.photos));
    const set = await photoInputs(items);
    const kept = items.map((_, i) => i).filter((i) => set.found[i]);
    const picked = kept.filter((_, k) => k % Math.max(1, Math.floor(kept.length / count)) === 0).slice(0, count);
    const scaled = new Float32Array(picked.length * IMAGE_PIXELS);
    picked.forEach((from, i) => {
      const src = set.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS);
      scaled.set(
        Array.from(src, (v) => v / 255),
        i * IMAGE_PIXELS,
      );
    });
    return { scaled, labels: null, what: `${picked.length} preprocessed photos of ${args.photos}` };
  }
  const scaled = Float32Array.from(test.images.subarray(0, count * IMAGE_PIXELS), (v) => v / 255);
  return { scaled, labels: test.labels, what: `the first ${count} test images` };
}

await initNodeBackend('wasm');
const count = Number(args.images);
const batchSize = args.batch === undefined ? undefined : Number(args.batch);
const test = readShippedSet('test');
const specs = [...args.methods!.split(','), ...(args.sweep ? SWEEP.split(',') : [])];
console.log(`wasm backend in Node; load average ${load()}`);
for (const id of args.models!.split(',')) {
  const model = await tf.loadLayersModel(fileLoadHandler(`public/models/${id}/model.json`));
  const net = explainable(model);
  const { scaled, labels, what } = await inputsFor(id);
  const images = Array.from({ length: scaled.length / IMAGE_PIXELS }, (_, i) =>
    scaled.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
  );
  const probs = await batchedOutputs(net, scaled, 'probability');
  const classes = images.map((_, i) => topTwo(probs, i)[0]);
  console.log(
    `\n${id} on ${what}: method, ms per map (wall median p95, CPU median), deletion AUC (mean ± s.e.), insertion AUC, ` +
      `deletion gain over random and over the first method (paired mean ± s.e., share of images better)`,
  );
  const random = await measure(net, images, classes, 'random');
  let first: Row | undefined;
  for (const spec of specs.filter((s) => s !== 'random')) {
    const row = await measure(net, images, classes, spec);
    first ??= row;
    print(row, random, first);
  }
  print(random, random, undefined);
  await versusSection(net, images, probs);
  await neighbourSection(net, images, probs, labels);
  console.log(`load average ${load()}`);
  model.dispose();
}
