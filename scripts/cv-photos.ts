import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMAGE_PIXELS } from '../src/core/classes';
import { permutation, seededRandom } from '../src/core/random';
import { GROUPS } from '../src/core/photo/folders';
import { photoReport } from '../src/core/photo/photo-metrics';
import { TTA_VIEWS, ttaView } from '../src/core/photo/tta';
import { VERDICT_THRESHOLDS, type VerdictThresholds } from '../src/core/photo/verdict';
import { loadFashionMnist } from './lib/dataset-source';
import { loadManifestModel, predictBatch } from './lib/manifest-model';
import {
  chooseThresholds,
  combineViews,
  FIGURES_HEADER,
  figuresLine,
  goalFigures,
  PHOTO_GOALS,
  type ScoredPhotos,
} from './lib/photo-cv-report';
import { foldSplit, stratifiedFolds } from './lib/photo-folds';
import { coarseErrorLines, coarseErrors, saveInputMontage } from './lib/photo-errors';
import { exportPhotoModel } from './lib/photo-export';
import { addHead, headSeed, singleHeadSettings } from './lib/photo-heads';
import { pairedWins, signTestP } from './lib/photo-paired';
import {
  featuresOf,
  FOOTWEAR_LABEL,
  headOf,
  headProbs,
  photoModelOf,
  splitCnn,
  trainHead,
  type FeatureSet,
  type SplitAt,
} from './lib/photo-head';
import { footwearLabel, photoLabel, trainingPhotos } from './lib/photo-training-set';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run cv:photos -- [--folds K] [--epochs N] [--fmnist N] [--lr X] [--base ID] [--seed N]
    [--mirror-shoes] [--balance P] [--footwear-sum] [--last-conv] [--hidden N] [--smooth E] [--heads H]
    [--quick] [--ensemble W,...] [--errors DIR] [--compare RUN]
    [--photos DIR] [--report-only] [--final EPOCHS [--out DIR] [--id ID]] [--in-sample ID]
  K-fold cross-validation on the train/ photos only (stratified by folder, fixed seed). The recipe
  fine-tunes --base (default cnn: Fashion-MNIST only, never saw a photo): its convolutions stay,
  its dense head is trained on the other folds' photos (labels as train:photo makes them: shoes
  by the cnn, hat/shorts/skirt towards the uniform distribution), each photo in every test-time
  view (${Object.keys(TTA_VIEWS).join(', ')}; shoes never mirrored), mixed with --fmnist
  Fashion-MNIST images, Adam at a constant --lr; the held-out fold is predicted in every view
  every --record-every epochs. Features and out-of-fold probabilities are cached in .cache/cv-photos/; the
  report prints every goal's figure per epoch and view combination with thresholds chosen on the
  out-of-fold predictions. --final E trains the same recipe on all train/ photos for E epochs and
  exports it as the shipped model --id (default photo, quantized as npm run quantize does).
  Levers (each changes the run's cache key): --mirror-shoes also trains on the mirrored views of
  shoe photos (most are pairs or top-down shots, not Fashion-MNIST's side view); --balance P repeats
  each folder's photos round((largest folder / folder)^P) times (0 = off, 1 = class-balanced);
  --footwear-sum trains shoe photos on −log(p5 + p7 + p9) instead of one footwear label.
  --last-conv also trains the last convolution (its input is cached per photo and view instead of
  the flattened features); --hidden N widens the hidden dense layer to N units (the extra ones start
  small); --smooth E smooths the labels by E; --heads H trains H heads per fold with different seeds
  and averages their probabilities (an ensemble; head 1 is the single-head run's, taken from its
  cache when that run's fold is there).
  --quick reports only the six views averaged (the shipped combination). --ensemble W1,W2 also
  reports the out-of-fold probabilities mixed with the base model's at each weight. --errors DIR
  lists the coarse errors of the best setting (folder → class, how many "sure") and writes the
  28×28 inputs of each folder's coarse errors to DIR/coarse-<folder>.png (dark on light) to look at.
  --compare RUN (another cached run's id, same folds) counts, photo by photo, the photos only the
  best setting or only RUN's last recorded epoch (six views) gets right, with a sign test.
  --in-sample ID also prints a shipped model's figures on these photos, one view (an upper bound
  when that model was trained on them: the shipped photo model was).`;
const ROOT = resolve(import.meta.dirname, '..');
const PHOTOS = resolve(ROOT, '../shared/data/clothing-photos');
const { values: a } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '12' },
    'record-every': { type: 'string', default: '3' },
    fmnist: { type: 'string', default: '5000' },
    lr: { type: 'string', default: '0.001' },
    base: { type: 'string', default: 'cnn' },
    'label-model': { type: 'string', default: 'cnn' },
    seed: { type: 'string', default: '1' },
    photos: { type: 'string', default: PHOTOS },
    'report-only': { type: 'boolean', default: false },
    final: { type: 'string' },
    'in-sample': { type: 'string' },
    out: { type: 'string', default: 'public/models' },
    id: { type: 'string', default: 'photo' },
    'mirror-shoes': { type: 'boolean', default: false },
    balance: { type: 'string', default: '0' },
    'footwear-sum': { type: 'boolean', default: false },
    'last-conv': { type: 'boolean', default: false },
    hidden: { type: 'string', default: '0' },
    smooth: { type: 'string', default: '0' },
    heads: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    ensemble: { type: 'string' },
    errors: { type: 'string' },
    compare: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (a.help) {
  console.log(USAGE);
  process.exit(0);
}
const num = (k: keyof typeof a) => Number(a[k]);
const k = num('folds');
const epochs = num('epochs');
const every = num('record-every');
/** The epochs after which the held-out fold is predicted (1-based). */
const recorded = [...Array(Math.floor(epochs / every)).keys()].map((r) => (r + 1) * every);
const seed = num('seed');
const viewNames = Object.keys(TTA_VIEWS);
const settings = {
  recipe: 'head',
  k,
  epochs,
  every,
  fmnist: num('fmnist'),
  lr: num('lr'),
  base: a.base!,
  label: a['label-model']!,
  seed,
  photos: resolve(a.photos!),
  // Levers join the key only when on, so runs made before they existed keep their cache.
  ...(a['mirror-shoes'] && { mirrorShoes: true }),
  ...(Number(a.balance) > 0 && { balance: Number(a.balance) }),
  ...(a['footwear-sum'] && { footwearSum: true }),
  ...(a['last-conv'] && { lastConv: true }),
  ...(num('hidden') > 0 && { hidden: num('hidden') }),
  ...(num('smooth') > 0 && { smooth: num('smooth') }),
  ...(num('heads') > 1 && { heads: num('heads') }),
};
const splitAt: SplitAt = settings.lastConv ? 'last-conv' : 'flatten';
/** The cut joins the feature caches' keys only when it is not the original one (old caches stay valid). */
const cut = splitAt === 'flatten' ? [] : [splitAt];
const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);
const run = hash(settings);
/** The single-head run (same settings, --heads 1) whose folds an ensemble's first head repeats. */
const singleRun = hash(singleHeadSettings(settings));
const cacheRoot = join(ROOT, '.cache/cv-photos');
const cacheDir = join(cacheRoot, run);
mkdirSync(cacheDir, { recursive: true });
writeFileSync(join(cacheDir, 'settings.json'), JSON.stringify(settings, null, 2));
console.log(`CV run ${run}: ${JSON.stringify(settings)}`);

await initNodeBackend('wasm');
const [clean] = await trainingPhotos(join(a.photos!, 'train'), 0);
const n = clean!.items.length;
const folders = clean!.items.map((i) => i.folder);
const fold = stratifiedFolds(folders, k, seededRandom(seed));
const scored: ScoredPhotos = { folders, found: clean!.found, quality: clean!.quality };
const FOOTWEAR = new Set(GROUPS.footwear);

/** Convolution features of every photo in every view: [view][photo][width] float32. */
const featuresFile = join(cacheRoot, `features-${hash([settings.base, settings.photos, n, viewNames, ...cut])}.bin`);

/** Out-of-fold probabilities file of fold `f`: [recorded epoch][view][held photo][10] float32. */
const foldFile = (f: number) => join(cacheDir, `fold-${f}.bin`);

/** Float32 data cached in `file`, computed by `make` when absent. */
async function cachedFloats(file: string, make: () => Promise<Float32Array>): Promise<Float32Array> {
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  }
  const data = await make();
  writeFileSync(`${file}.part`, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  renameSync(`${file}.part`, file);
  return data;
}

const needTraining = !a['report-only'] && ([...Array(k).keys()].some((f) => !existsSync(foldFile(f))) || a.final);
if (needTraining) {
  const { model: base } = await loadManifestModel(settings.base);
  const split = splitCnn(base, splitAt);
  const { width, shape } = split;
  const headOptions = { hidden: settings.hidden };
  const trainOptions = { lr: settings.lr, footwearSum: settings.footwearSum, smooth: settings.smooth };
  // Features of every photo in every view: [view][photo][width].
  const photoFeatures = await cachedFloats(featuresFile, async () => {
    const out = new Float32Array(viewNames.length * n * width);
    for (const [v, name] of viewNames.entries()) {
      console.log(`features of view ${name} (${v + 1}/${viewNames.length})`);
      const views = new Float32Array(n * IMAGE_PIXELS);
      for (let i = 0; i < n; i++) {
        const input = Float32Array.from(
          clean!.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
          (p) => p / 255,
        );
        views.set(ttaView(input, TTA_VIEWS[name]!), i * IMAGE_PIXELS);
      }
      out.set(await featuresOf(split, views), v * n * width);
    }
    return out;
  });
  const fmnist = await loadFashionMnist();
  const chosen = permutation(fmnist.train.count, seededRandom(seed)).subarray(0, settings.fmnist);
  const fmnistFeatures = await cachedFloats(
    join(cacheRoot, `fmnist-${hash([settings.base, settings.fmnist, seed, ...cut])}.bin`),
    async () => {
      const x = new Float32Array(chosen.length * IMAGE_PIXELS);
      chosen.forEach((src, j) =>
        x.set(
          Float32Array.from(fmnist.train.images.subarray(src * IMAGE_PIXELS, (src + 1) * IMAGE_PIXELS), (p) => p / 255),
          j * IMAGE_PIXELS,
        ),
      );
      return featuresOf(split, x);
    },
  );
  const labeller = await loadManifestModel(settings.label);
  const shoeProbs = await predictBatch(
    labeller.model,
    Float32Array.from(clean!.images, (v) => v / 255),
  );
  const labels = Uint8Array.from(clean!.items, (item, i) =>
    photoLabel(item.folder, () => footwearLabel(shoeProbs.subarray(i * 10, i * 10 + 10))),
  );
  const footwearPhoto = (i: number) => FOOTWEAR.has(labels[i]!);
  // With --footwear-sum a shoe photo's target is any footwear class, not the one the cnn picked.
  const targets = Uint8Array.from(labels, (l) => (settings.footwearSum && FOOTWEAR.has(l) ? FOOTWEAR_LABEL : l));
  const folderCount = new Map<string, number>();
  for (const f of folders) folderCount.set(f, (folderCount.get(f) ?? 0) + 1);
  const largest = Math.max(...folderCount.values());
  /** How many times each photo of `folder` is repeated in training (--balance). */
  const repeats = (folder: string) =>
    Math.max(1, Math.round((largest / folderCount.get(folder)!) ** (settings.balance ?? 0)));
  console.log(`photo repeats per folder: ${[...folderCount.keys()].map((f) => `${f} ${repeats(f)}`).join(', ')}`);
  const featureAt = (v: number, i: number) => photoFeatures.subarray((v * n + i) * width, (v * n + i + 1) * width);

  /** Fashion-MNIST features plus every view of the photos `train` (shoes unmirrored; no garment found: left out). */
  const trainingSet = (train: number[]): FeatureSet => {
    const rows: [number, number][] = [];
    for (const i of train) {
      if (!clean!.found[i]) continue;
      viewNames.forEach((name, v) => {
        if (TTA_VIEWS[name]!.mirror && footwearPhoto(i) && !settings.mirrorShoes) return;
        for (let r = repeats(folders[i]!); r > 0; r--) rows.push([v, i]);
      });
    }
    const count = chosen.length + rows.length;
    const features = new Float32Array(count * width);
    const out = new Uint8Array(count);
    features.set(fmnistFeatures);
    chosen.forEach((src, j) => (out[j] = fmnist.train.labels[src]!));
    rows.forEach(([v, i], j) => {
      features.set(featureAt(v, i), (chosen.length + j) * width);
      out[chosen.length + j] = targets[i]!;
    });
    return { features, labels: out, width, shape };
  };

  for (let f = 0; f < k && !a['report-only']; f++) {
    if (existsSync(foldFile(f))) {
      console.log(`fold ${f + 1}/${k}: cached`);
      continue;
    }
    const { train, held } = foldSplit(fold, f);
    const set = trainingSet(train);
    const heldFeatures = new Float32Array(viewNames.length * held.length * width);
    viewNames.forEach((_, v) =>
      held.forEach((i, j) => heldFeatures.set(featureAt(v, i), (v * held.length + j) * width)),
    );
    const heldScored: ScoredPhotos = {
      folders: held.map((i) => folders[i]!),
      found: held.map((i) => clean!.found[i]!),
      quality: held.map((i) => clean!.quality[i]!),
    };
    const out = new Float32Array(recorded.length * viewNames.length * held.length * 10);
    const heads = settings.heads ?? 1;
    // Head 1 is the single-head recipe (same seed): when that run has this fold cached, start from it.
    const single = join(cacheRoot, singleRun, `fold-${f}.bin`);
    const reuse = heads > 1 && existsSync(single);
    if (reuse) {
      const bytes = readFileSync(single);
      if (bytes.length !== out.byteLength)
        throw new Error(`${single}: ${bytes.length} bytes, expected ${out.byteLength}`);
      out.set(new Float32Array(bytes.buffer, bytes.byteOffset, out.length));
      console.log(`fold ${f + 1}/${k}, head 1/${heads}: run ${singleRun}'s (the single-head recipe, same seed)`);
    }
    for (let h = reuse ? 1 : 0; h < heads; h++) {
      const seedOfHead = headSeed(seed, f, h);
      const head = headOf(split, seedOfHead, headOptions);
      console.log(
        `fold ${f + 1}/${k}, head ${h + 1}/${heads}: training on ${set.labels.length} feature vectors (${train.length} photos), ${held.length} held out`,
      );
      await trainHead(head, set, {
        ...trainOptions,
        epochs,
        random: seededRandom(seedOfHead),
        onEpoch: async (m) => {
          const r = recorded.indexOf(m.epoch);
          if (r < 0) return;
          const p = await headProbs(head, heldFeatures, shape);
          // Running mean over the heads trained so far (the ensemble averages probabilities).
          const at = r * viewNames.length * held.length * 10;
          addHead(out.subarray(at, at + p.length), h, p);
          const g = goalFigures(heldScored, out.subarray(at, at + held.length * 10));
          console.log(
            `  epoch ${m.epoch}/${epochs} train ${m.trainAccuracy.toFixed(4)} ${m.seconds.toFixed(1)} s | held-out strict ${(g.strict * 100).toFixed(1)} coarse ${(g.coarse * 100).toFixed(1)}`,
          );
        },
      });
      head.dispose();
    }
    writeFileSync(`${foldFile(f)}.part`, new Uint8Array(out.buffer));
    renameSync(`${foldFile(f)}.part`, foldFile(f));
  }

  if (a.final) {
    const finalEpochs = Number(a.final);
    const all = [...Array(n).keys()];
    const set = trainingSet(all);
    if ((settings.heads ?? 1) > 1) throw new Error('--final exports one head; an ensemble is not a shippable model');
    const head = headOf(split, seed, headOptions);
    console.log(
      `final: training the head on ${set.labels.length} feature vectors (all ${n} train/ photos), ${finalEpochs} epochs`,
    );
    const history = await trainHead(head, set, { ...trainOptions, epochs: finalEpochs, random: seededRandom(seed) });
    await exportPhotoModel(await photoModelOf(base, split, head), fmnist.test, {
      out: a.out!,
      id: a.id!,
      epochs: finalEpochs,
      batchSize: 64,
      learningRate:
        `constant ${settings.lr}; the shipped ${settings.base} model's ` +
        (settings.lastConv
          ? 'first two convolutions kept, its last convolution and dense head fine-tuned '
          : 'convolutions kept, its dense head fine-tuned ') +
        `(recipe and epochs chosen by 4-fold CV on train/, npm run cv:photos)`,
      augmentation:
        `every train/ photo in six test-time views (as is, mirrored, zoom 0.9 and 1.1, and mirrored so; ` +
        `${settings.mirrorShoes ? 'shoes too' : 'shoes never mirrored'}), ` +
        (settings.balance ? `each folder repeated round((largest/folder)^${settings.balance}) times, ` : '') +
        (settings.footwearSum ? 'shoe photos trained on −log(p5 + p7 + p9), ' : '') +
        (settings.smooth ? `labels smoothed by ${settings.smooth}, ` : '') +
        `hat/shorts/skirt photos trained towards the uniform distribution ` +
        `(outlier exposure), mixed with ${settings.fmnist} Fashion-MNIST training images`,
      seed,
      trainImages: set.labels.length,
      backend: 'wasm',
      fmnistSha: fmnist.sha256,
      history,
    });
  }
}

/** Out-of-fold probabilities of the run in `dir` with `epochCount` recorded epochs: [epoch][view] = n × 10. */
function loadOof(dir: string, epochCount: number): Float32Array[][] {
  const oof = [...Array(epochCount).keys()].map(() => viewNames.map(() => new Float32Array(n * 10)));
  for (let f = 0; f < k; f++) {
    const { held } = foldSplit(fold, f);
    const bytes = readFileSync(join(dir, `fold-${f}.bin`));
    const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    for (let e = 0; e < epochCount; e++)
      for (let v = 0; v < viewNames.length; v++)
        held.forEach((i, j) =>
          oof[e]![v]!.set(
            data.subarray(
              ((e * viewNames.length + v) * held.length + j) * 10,
              ((e * viewNames.length + v) * held.length + j + 1) * 10,
            ),
            i * 10,
          ),
        );
  }
  return oof;
}

const missing = [...Array(k).keys()].filter((f) => !existsSync(foldFile(f)));
if (missing.length) throw new Error(`Folds ${missing.map((f) => f + 1).join(', ')} not trained yet`);
const oof = loadOof(cacheDir, recorded.length);

/** Strict accuracy (%) of each mapped folder, top class as is (no verdict). */
function perFolderStrict(probs: Float32Array): string {
  const rows = folders.map((folder, i) => {
    const p = probs.subarray(i * 10, i * 10 + 10);
    return { folder, top: p.indexOf(Math.max(...p)), sure: true };
  });
  return photoReport(rows)
    .folders.filter((f) => f.strict !== null)
    .map((f) => `${f.folder} ${(f.strict! * 100).toFixed(1)}`)
    .join(', ');
}

/** Thresholds as conf/entropy/margin. */
const thresholdsText = (t: VerdictThresholds) =>
  `${t.minConfidence.toFixed(2)}/${t.maxEntropy.toFixed(2)}/${(t.minMargin ?? 0).toFixed(2)}`;

const COMBOS: string[][] = a.quick
  ? [viewNames]
  : [
      ['id'],
      ['id', 'mirror'],
      ['id', 'out'],
      ['id', 'in'],
      ['id', 'out', 'in'],
      ['id', 'mirror', 'out', 'mirrorOut'],
      ['id', 'mirror', 'in', 'mirrorIn'],
      viewNames,
    ];
const goals = PHOTO_GOALS;
console.log(
  `\nOut-of-fold figures on ${n} train/ photos (${k} folds). Goals: strict ≥ ${goals.strict * 100}, coarse ≥ ${goals.coarse * 100},` +
    ` sure ≥ ${goals.shareSure * 100}, strict|sure ≥ ${goals.strictSure * 100}, out-of-scope not sure ≥ ${goals.outOfScopeNotSure * 100} (%)`,
);
console.log(`\nepoch views${' '.repeat(26)}thresholds (conf/ent/margin)  ${FIGURES_HEADER}`);
let best: { key: string; choice: ReturnType<typeof chooseThresholds>; probs: Float32Array } | null = null;
for (const [e, epoch] of recorded.entries()) {
  for (const combo of COMBOS) {
    const probs = combineViews(combo.map((v) => oof[e]![viewNames.indexOf(v)]!));
    const shipped = goalFigures(scored, probs);
    const choice = chooseThresholds(scored, probs);
    const key = `${String(epoch).padStart(5)} ${combo.join('+').padEnd(30)}`;
    console.log(`${key} current ${thresholdsText(VERDICT_THRESHOLDS)}    ${figuresLine(shipped)}`);
    console.log(
      `${key} ${choice.meets ? 'chosen ' : 'closest'} ${thresholdsText(choice.t)}    ${figuresLine(choice.figures)}`,
    );
    const rank = (c: ReturnType<typeof chooseThresholds>) =>
      (c.meets ? 10 : 0) + c.figures.shareSure + c.figures.strict + c.figures.coarse;
    if (!best || rank(choice) > rank(best.choice)) best = { key, choice, probs };
    if (combo === viewNames) console.log(`${key} strict per folder: ${perFolderStrict(probs)}`);
  }
}
if (best) {
  const t = best.choice.t;
  console.log(
    `\nBest by CV: epoch/views ${best.key.trim()}, minConfidence ${t.minConfidence}, maxEntropy ${t.maxEntropy}, minMargin ${t.minMargin ?? 0}` +
      ` (${best.choice.meets ? 'meets' : 'does NOT meet'} the two "sure" goals on out-of-fold predictions)\n${FIGURES_HEADER}\n${figuresLine(best.choice.figures)}`,
  );
}

if (a.errors && best) {
  const { kinds, byFolder } = coarseErrors(scored, best.probs, best.choice.t);
  const total = kinds.reduce((s, k) => s + k.count, 0);
  console.log(`\nCoarse errors of the best setting (${total}; folder → class):\n${coarseErrorLines(kinds).join('\n')}`);
  mkdirSync(a.errors, { recursive: true });
  for (const [folder, indices] of byFolder) {
    const file = join(a.errors, `coarse-${folder}.png`);
    await saveInputMontage(file, clean!.images, indices.slice(0, 48));
    console.log(`${file}: ${Math.min(48, indices.length)} of ${indices.length} inputs`);
  }
}

if (a.compare && best) {
  const other = JSON.parse(readFileSync(join(cacheRoot, a.compare, 'settings.json'), 'utf8')) as typeof settings;
  if (other.k !== k || other.seed !== seed || other.photos !== settings.photos)
    throw new Error(`--compare ${a.compare}: not the same folds (k, seed and photos must match)`);
  const theirs = loadOof(join(cacheRoot, a.compare), Math.floor(other.epochs / other.every));
  const wins = pairedWins(folders, best.probs, combineViews(theirs.at(-1)!));
  console.log(
    `\nPhoto by photo against run ${a.compare} (${JSON.stringify(other)}), its epoch ${other.epochs}, six views:`,
  );
  for (const kind of ['strict', 'coarse'] as const)
    console.log(
      `${kind}: only this run right ${wins[kind].a}, only ${a.compare} right ${wins[kind].b}, sign test p = ${signTestP(wins[kind]).toFixed(3)}`,
    );
}

if (a.ensemble && existsSync(featuresFile)) {
  // The base model's own probabilities per view (its dense head on the cached features), mixed
  // into the out-of-fold ones with weight w before the views are averaged (last recorded epoch).
  const { model: base } = await loadManifestModel(settings.base);
  const split = splitCnn(base, splitAt);
  const bytes = readFileSync(featuresFile);
  const feats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const baseHead = headOf(split, seed);
  const baseViews: Float32Array[] = [];
  for (let v = 0; v < viewNames.length; v++)
    baseViews.push(
      await headProbs(baseHead, feats.subarray(v * n * split.width, (v + 1) * n * split.width), split.shape),
    );
  const e = recorded.length - 1;
  console.log(
    `\nEnsemble with ${settings.base} (epoch ${recorded[e]}, six views): weight, figures at chosen thresholds`,
  );
  for (const w of a.ensemble.split(',').map(Number)) {
    const mixed = viewNames.map((_, v) =>
      Float32Array.from(oof[e]![v]!, (p, j) => (1 - w) * p + w * baseViews[v]![j]!),
    );
    const probs = combineViews(mixed);
    const choice = chooseThresholds(scored, probs);
    console.log(
      `w ${w.toFixed(2)} ${thresholdsText(choice.t)} ${figuresLine(choice.figures)} | strict per folder: ${perFolderStrict(probs)}`,
    );
  }
}

if (a['in-sample']) {
  const { model } = await loadManifestModel(a['in-sample']);
  const probs = await predictBatch(
    model,
    Float32Array.from(clean!.images, (v) => v / 255),
  );
  const choice = chooseThresholds(scored, probs);
  console.log(`\nModel ${a['in-sample']} on the same photos, in sample (it may have trained on them), one view:`);
  console.log(`${FIGURES_HEADER}\n${figuresLine(goalFigures(scored, probs))}  (shipped thresholds)`);
  console.log(`${figuresLine(choice.figures)}  (best thresholds ${JSON.stringify(choice.t)})`);
}
