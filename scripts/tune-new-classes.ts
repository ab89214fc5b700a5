// Chooses the settings of the real-photo proof of issue 14 on train/ only (validation/ is scored
// once, with the chosen settings, through the browser: scripts/teach-photo-classes.ts). In Node,
// it teaches the photo model new classes the way the app does — the first --per photos of each
// train/<class>/ folder as photo samples (with --variants augmented variants each), the app's
// hold-out split, ml/retrain/retrain — then scores OTHER train/ photos: the next --score photos
// of each new folder and --score random ones of each mapped folder outside the photo replay set,
// beside the base model.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMAGE_PIXELS, NUM_CLASSES } from '../src/core/classes';
import { decodeImageSet } from '../src/core/dataset';
import { argmax } from '../src/core/metrics';
import { PHOTO_FOLDERS } from '../src/core/photo/folders';
import { photoReport } from '../src/core/photo/photo-metrics';
import { preprocessPhoto } from '../src/core/photo/pipeline';
import { verdictOf } from '../src/core/photo/verdict';
import { permutation, seededRandom } from '../src/core/random';
import { photoVariants } from '../src/core/retrain/photo-variants';
import { RETRAIN_DATA } from '../src/core/retrain/replay-mix';
import { RETRAIN_DEFAULTS, type TrainedLayers } from '../src/core/retrain/retrain-settings';
import { splitSamples, toImageSet, toSamplePixels, toTrainingSet, type Sample } from '../src/core/retrain/samples';
import { modelToParts, partsToModel } from '../src/ml/retrain/model-artifacts';
import { retrain } from '../src/ml/retrain/retrain';
import { decodeImageFile } from './lib/decode-image';
import { loadManifestModel, predictBatch } from './lib/manifest-model';
import { listPhotoFolder, photoInputs, type PhotoItem } from './lib/photo-set';
import { readShippedSet } from './lib/shipped-data';
import { initNodeBackend } from './lib/tf-node';

const { values: args } = parseArgs({
  options: {
    classes: { type: 'string', default: 'hat,shorts,skirt' },
    per: { type: 'string', default: '20' },
    score: { type: 'string', default: '40' },
    variants: { type: 'string', default: '0' },
    epochs: { type: 'string', default: String(RETRAIN_DEFAULTS.epochs) },
    layers: { type: 'string', default: RETRAIN_DEFAULTS.layers },
    lr: { type: 'string', default: String(RETRAIN_DEFAULTS.learningRate) },
    balance: { type: 'string', default: String(RETRAIN_DEFAULTS.balance) },
    'keep-rate': { type: 'string', default: String(RETRAIN_DEFAULTS.keepRate) },
    distill: { type: 'string', default: String(RETRAIN_DEFAULTS.distill) },
    'hidden-growth': { type: 'string', default: String(RETRAIN_DEFAULTS.hiddenGrowth) },
    'replay-per-epoch': { type: 'string', default: String(RETRAIN_DEFAULTS.replayPerEpoch) },
    seed: { type: 'string', default: String(RETRAIN_DEFAULTS.seed) },
    // Also scores the taught model with these offsets added to the new classes' logits (a trade-off curve).
    offsets: { type: 'string', default: '' },
    // Pipeline variants of each replayed photo too (made here from its train/ file, cached in /tmp).
    'replay-variants': { type: 'string', default: '0' },
    photos: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data/clothing-photos/train') },
  },
});
const classes = args.classes.split(',').map((c) => c.trim());
const [per, scored, variants] = [Number(args.per), Number(args.score), Number(args.variants)];

await initNodeBackend('wasm');
const { model: base } = await loadManifestModel('photo');
const parts = await modelToParts(base);

// The samples, as the app stores them after "add" on each photo.
const started = performance.now();
// Cached in /tmp: the same photos and seeds give the same samples, and making them is slow.
const sampleCache = `/tmp/prenda-tune-samples-${classes.join('+')}-${per}-${variants}.json`;
const samples: Sample[] = [];
try {
  for (const s of JSON.parse(readFileSync(sampleCache, 'utf8')) as (Sample & { p: string; v?: string })[]) {
    const { p, v, ...rest } = s;
    samples.push({
      ...rest,
      pixels: new Uint8Array(Buffer.from(p, 'base64')),
      ...(v && { variants: new Uint8Array(Buffer.from(v, 'base64')) }),
    });
  }
} catch {
  for (const [k, name] of classes.entries()) {
    for (const file of readdirSync(join(args.photos, name)).sort().slice(0, per)) {
      const steps = preprocessPhoto(await decodeImageFile(join(args.photos, name, file)));
      if (!steps.input) continue; // the app's add button stays disabled: no garment found
      const id = `s-${name}-${file}`;
      samples.push({
        id,
        label: NUM_CLASSES + k,
        pixels: toSamplePixels(steps.input),
        thumb: null,
        createdAt: samples.length,
        ...(variants > 0 && { variants: photoVariants(steps.photo, variants, seededRandom(samples.length + 1)) }),
      });
    }
  }
  const stored = samples.map(({ pixels, variants: v, ...rest }) => ({
    ...rest,
    p: Buffer.from(pixels).toString('base64'),
    ...(v && { v: Buffer.from(v).toString('base64') }),
  }));
  writeFileSync(sampleCache, JSON.stringify(stored));
}
console.log(`${samples.length} samples, variants ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const read = (images: string, labels: string) =>
  decodeImageSet(readFileSync(join('public/data', images)), images, readFileSync(join('public/data', labels)), labels);
const D = RETRAIN_DATA;
// The photo replay set; the mapped train/ photos in it are not scored (found by their 28×28 input).
const photoReplay = read(D.photoReplayImages, D.photoReplayLabels);
const replayed = new Set<string>();
for (let i = 0; i < photoReplay.count; i++)
  replayed.add(Buffer.from(photoReplay.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)).toString('base64'));
const listed = listPhotoFolder(args.photos);
const listedInputs = await photoInputs(listed);
const all = listed.filter(
  (_, i) =>
    !replayed.has(
      Buffer.from(listedInputs.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)).toString('base64'),
    ),
);
console.log(`${listed.length - all.length} train/ photos left out of the scores: they are in the photo replay set`);
const test = readShippedSet('test');
const split = splitSamples(samples);
const settings = {
  ...RETRAIN_DEFAULTS,
  layers: args.layers as TrainedLayers,
  epochs: Number(args.epochs),
  learningRate: Number(args.lr),
  balance: args.balance === 'true',
  keepRate: Number(args['keep-rate']),
  distill: Number(args.distill),
  hiddenGrowth: Number(args['hidden-growth']),
  replayPerEpoch: Number(args['replay-per-epoch']),
  seed: Number(args.seed),
};
const replayVariants = Number(args['replay-variants']);
console.log(JSON.stringify({ variants, replayVariants, ...settings }));
const key = (images: Uint8Array, i: number) =>
  Buffer.from(images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)).toString('base64');
/** The photo replay set with `k` pipeline variants after each photo, as a photo sample's are stored. */
async function replayWithVariants(k: number) {
  const cache = `/tmp/prenda-replay-variants-${k}.bin`;
  let extra: Uint8Array;
  try {
    extra = new Uint8Array(readFileSync(cache));
  } catch {
    const fileOf = new Map<string, PhotoItem>();
    listed.forEach((item, i) => fileOf.set(key(listedInputs.images, i), item));
    const parts: Uint8Array[] = [];
    for (let i = 0; i < photoReplay.count; i++) {
      const item = fileOf.get(key(photoReplay.images, i));
      const out = new Uint8Array(k * IMAGE_PIXELS);
      if (item) {
        const steps = preprocessPhoto(await decodeImageFile(item.file));
        const v = photoVariants(steps.photo, k, seededRandom(1000 + i));
        out.set(v);
        // A variant without a garment: the photo itself in its place.
        for (let j = v.length / IMAGE_PIXELS; j < k; j++)
          out.set(photoReplay.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), j * IMAGE_PIXELS);
      } else
        for (let j = 0; j < k; j++)
          out.set(photoReplay.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), j * IMAGE_PIXELS);
      parts.push(out);
    }
    extra = new Uint8Array(photoReplay.count * k * IMAGE_PIXELS);
    parts.forEach((p, i) => extra.set(p, i * k * IMAGE_PIXELS));
    writeFileSync(cache, extra);
  }
  const n = photoReplay.count * (k + 1);
  const images = new Uint8Array(n * IMAGE_PIXELS);
  const labels = new Uint8Array(n);
  for (let i = 0; i < photoReplay.count; i++) {
    const at = i * (k + 1);
    images.set(photoReplay.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), at * IMAGE_PIXELS);
    images.set(extra.subarray(i * k * IMAGE_PIXELS, (i + 1) * k * IMAGE_PIXELS), (at + 1) * IMAGE_PIXELS);
    labels.fill(photoReplay.labels[i]!, at, at + k + 1);
  }
  return { images, labels, count: n };
}
const outcome = await retrain({
  model: parts,
  train: toTrainingSet(split.train),
  measure: toImageSet(split.heldOut),
  replay: readShippedSet('replay'),
  photoReplay: replayVariants > 0 ? await replayWithVariants(replayVariants) : photoReplay,
  test: {
    images: test.images.slice(0, D.testCount * 784),
    labels: test.labels.slice(0, D.testCount),
    count: D.testCount,
  },
  settings,
  outputs: [...Array.from({ length: NUM_CLASSES }, (_, i) => i), ...classes.map(() => null)],
});
console.log(
  `trained ${split.train.length} samples (${toTrainingSet(split.train).count} images) in ${outcome.seconds.toFixed(1)} s; ` +
    `held-out ${outcome.before.user ?? '–'} → ${outcome.after.user}; Fashion-MNIST 1,000 ${outcome.before.test} → ${outcome.after.test}`,
);

// Scored: train/ photos the run did not teach from (new folders), a seeded pick of the mapped ones.
const random = seededRandom(7);
const items: PhotoItem[] = [];
for (const folder of [...new Set(all.map((i) => i.folder))]) {
  const inFolder = all.filter((i) => i.folder === folder);
  if (classes.includes(folder)) items.push(...inFolder.slice(per, per + scored));
  else if (PHOTO_FOLDERS[folder]?.accepted.length)
    items.push(...[...permutation(inFolder.length, random)].slice(0, scored).map((i) => inFolder[i]!));
}
const inputs = await photoInputs(items);
const x = Float32Array.from(inputs.images, (v) => v / 255);
const trained = await partsToModel(outcome.model);
{
  // The samples it trained on (their own input, not the variants): does the run fit them at all?
  const taught = toImageSet(split.train);
  const probs = await predictBatch(
    trained,
    Float32Array.from(taught.images, (v) => v / 255),
  );
  const width = probs.length / taught.count;
  let right = 0;
  for (let i = 0; i < taught.count; i++) if (argmax(probs, i * width, width) === taught.labels[i]) right++;
  console.log(`taught samples right: ${right}/${taught.count}`);
}
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
/** The new classes' probabilities times e^offset, renormalised: what an offset on their logits does. */
function shifted(probs: Float32Array, width: number, offset: number): Float32Array {
  const out = new Float32Array(probs.length);
  for (let i = 0; i < probs.length / width; i++) {
    let total = 0;
    for (let j = 0; j < width; j++)
      total += out[i * width + j] = probs[i * width + j]! * (j >= NUM_CLASSES ? Math.exp(offset) : 1);
    for (let j = 0; j < width; j++) out[i * width + j]! /= total;
  }
  return out;
}
const taughtProbs = await predictBatch(trained, x);
const extra = args.offsets ? args.offsets.split(',').map(Number) : [];
for (const [label, probs] of [
  ['base', await predictBatch(base, x)],
  ['taught', taughtProbs],
  ...extra.map(
    (o) => [`${o >= 0 ? '+' : ''}${o}`, shifted(taughtProbs, taughtProbs.length / items.length, o)] as const,
  ),
] as const) {
  const width = probs.length / items.length;
  const rows = items.map((item, i) => {
    const v = verdictOf(probs.subarray(i * width, (i + 1) * width), inputs.found[i] ? inputs.quality[i]! : null);
    return { folder: item.folder, top: v.top, sure: v.sure };
  });
  const perClass = classes.map((name, k) => {
    const mine = rows.filter((r) => r.folder === name);
    return { name, n: mine.length, right: mine.filter((r) => r.top === NUM_CLASSES + k).length };
  });
  const tops = classes.map((name) => {
    const count = new Map<number, number>();
    for (const r of rows) if (r.folder === name) count.set(r.top, (count.get(r.top) ?? 0) + 1);
    return `${name} → ${[...count]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c}:${n}`)
      .join(' ')}`;
  });
  if (label !== 'base') {
    console.log(`        top classes: ${tops.join('; ')}`);
    // Which mapped folders lose photos to which new class (the confusion the new rows cause).
    const taken = [...new Set(rows.map((r) => r.folder))]
      .filter((f) => !classes.includes(f))
      .map((f) => {
        const lost = classes.map((c, k) => rows.filter((r) => r.folder === f && r.top === NUM_CLASSES + k).length);
        return lost.some((n) => n > 0) ? `${f} → ${classes.map((c, k) => `${c}:${lost[k]}`).join(' ')}` : '';
      })
      .filter(Boolean);
    console.log(`        taken by the new classes: ${taken.join('; ') || 'none'}`);
  }
  const right = perClass.reduce((a, c) => a + c.right, 0);
  const n = perClass.reduce((a, c) => a + c.n, 0);
  const report = photoReport(rows);
  const mappedFolders = report.folders.filter((f) => f.strict !== null && !classes.includes(f.folder));
  console.log(`${label.padEnd(7)} mapped: ${mappedFolders.map((f) => `${f.folder} ${pct(f.strict)}`).join(', ')}`);
  console.log(
    `${label.padEnd(7)} new: ${perClass.map((c) => `${c.name} ${pct(c.right / c.n)}`).join(', ')}, three ${pct(right / n)} (${n}); ` +
      `mapped strict ${pct(report.mapped.strict)} (${rows.length - n})`,
  );
}
