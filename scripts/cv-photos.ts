import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMAGE_PIXELS } from '../src/core/classes';
import { seededRandom } from '../src/core/random';
import { TTA_VIEWS, ttaView } from '../src/core/photo/tta';
import { fitImages } from '../src/ml/fit';
import { RECIPES } from '../src/ml/recipes';
import { constantRate } from '../src/ml/schedule';
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
import type { PhotoInputs } from './lib/photo-set';
import { footwearLabel, mixTrainingSet, photoLabel, trainingPhotos } from './lib/photo-training-set';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run cv:photos -- [--folds K] [--epochs N] [--variants N] [--repeat N] [--fmnist N] [--lr X]
    [--base ID] [--seed N] [--photos DIR] [--report-only]
  K-fold cross-validation on the train/ photos only (stratified by folder, fixed seed). Each fold
  fine-tunes --base (default cnn: Fashion-MNIST only, never saw a photo) on the other folds'
  photos (clean + --variants augmented, labels as train:photo makes them) mixed with --fmnist
  Fashion-MNIST images, at a constant learning rate --lr, and predicts the held-out fold after
  every epoch with every test-time view (${Object.keys(TTA_VIEWS).join(', ')}). Out-of-fold
  probabilities are cached in .cache/cv-photos/<run>/ (a rerun resumes); the report then prints
  every goal's figure per epoch and view combination, with thresholds chosen on these predictions.`;
const ROOT = resolve(import.meta.dirname, '..');
const PHOTOS = resolve(ROOT, '../shared/data/clothing-photos');
const { values: a } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '6' },
    variants: { type: 'string', default: '3' },
    repeat: { type: 'string', default: '1' },
    fmnist: { type: 'string', default: '12000' },
    lr: { type: 'string', default: '0.0005' },
    base: { type: 'string', default: 'cnn' },
    'label-model': { type: 'string', default: 'mlp' },
    seed: { type: 'string', default: '1' },
    photos: { type: 'string', default: PHOTOS },
    'report-only': { type: 'boolean', default: false },
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
const seed = num('seed');
const viewNames = Object.keys(TTA_VIEWS);
const settings = {
  k,
  epochs,
  variants: num('variants'),
  repeat: num('repeat'),
  fmnist: num('fmnist'),
  lr: num('lr'),
  base: a.base,
  label: a['label-model'],
  seed,
};
const run = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);
const cacheDir = join(ROOT, '.cache/cv-photos', run);
mkdirSync(cacheDir, { recursive: true });
writeFileSync(join(cacheDir, 'settings.json'), JSON.stringify(settings, null, 2));
console.log(`CV run ${run}: ${JSON.stringify(settings)}`);

const tf = await initNodeBackend('wasm');
const photos = await trainingPhotos(join(a.photos!, 'train'), settings.variants);
const clean = photos[0]!;
const n = clean.items.length;
const folders = clean.items.map((i) => i.folder);
const fold = stratifiedFolds(folders, k, seededRandom(seed));
const scored: ScoredPhotos = { folders, found: clean.found, quality: clean.quality };

/** Out-of-fold probabilities file of fold `f`: [epoch][view][held photo][10] float32. */
const foldFile = (f: number) => join(cacheDir, `fold-${f}.bin`);

/** The photo sets cut to the items `keep` (same order in every variant). */
const subset = (sets: PhotoInputs[], keep: number[]): PhotoInputs[] =>
  sets.map((s) => {
    const images = new Uint8Array(keep.length * IMAGE_PIXELS);
    keep.forEach((i, j) => images.set(s.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), j * IMAGE_PIXELS));
    return {
      items: keep.map((i) => s.items[i]!),
      images,
      found: Uint8Array.from(keep, (i) => s.found[i]!),
      quality: keep.map((i) => s.quality[i]!),
    };
  });

if (!a['report-only']) {
  const fmnist = await loadFashionMnist();
  const labeller = await loadManifestModel(settings.label);
  const shoeProbs = await predictBatch(
    labeller.model,
    Float32Array.from(clean.images, (v) => v / 255),
  );
  const labels = Uint8Array.from(clean.items, (item, i) =>
    photoLabel(item.folder, () => footwearLabel(shoeProbs.subarray(i * 10, i * 10 + 10))),
  );
  for (let f = 0; f < k; f++) {
    if (existsSync(foldFile(f))) {
      console.log(`fold ${f + 1}/${k}: cached`);
      continue;
    }
    const { train, held } = foldSplit(fold, f);
    const random = seededRandom(seed * 1000 + f);
    const set = mixTrainingSet(
      fmnist.train,
      settings.fmnist,
      subset(photos, train),
      Uint8Array.from(train, (i) => labels[i]!),
      settings.repeat,
      random,
    );
    // Every view of every held-out photo, predicted in one batch after each epoch.
    const heldViews = new Float32Array(viewNames.length * held.length * IMAGE_PIXELS);
    viewNames.forEach((v, vi) =>
      held.forEach((i, j) => {
        const input = Float32Array.from(
          clean.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
          (p) => p / 255,
        );
        heldViews.set(ttaView(input, TTA_VIEWS[v]!), (vi * held.length + j) * IMAGE_PIXELS);
      }),
    );
    const out = new Float32Array(epochs * viewNames.length * held.length * 10);
    const { model } = await loadManifestModel(settings.base);
    const optimizer = tf.train.adam(settings.lr);
    console.log(
      `fold ${f + 1}/${k}: training on ${set.count} images (${train.length} photos), ${held.length} held out`,
    );
    await fitImages(model, optimizer, set, {
      epochs,
      batchSize: RECIPES.cnn!.batchSize,
      schedule: constantRate(settings.lr),
      random,
      augment: RECIPES.cnn!.augment,
      onEpoch: async (m) => {
        const p = await predictBatch(model, heldViews);
        out.set(p, (m.epoch - 1) * viewNames.length * held.length * 10);
        const f0 = combineViews([p.subarray(0, held.length * 10)]);
        const heldScored: ScoredPhotos = {
          folders: held.map((i) => folders[i]!),
          found: held.map((i) => clean.found[i]!),
          quality: held.map((i) => clean.quality[i]!),
        };
        const g = goalFigures(heldScored, f0);
        console.log(
          `  epoch ${m.epoch}/${epochs} train ${m.trainAccuracy.toFixed(4)} ${m.seconds.toFixed(0)} s | held-out strict ${(g.strict * 100).toFixed(1)} coarse ${(g.coarse * 100).toFixed(1)}`,
        );
      },
    });
    model.dispose();
    optimizer.dispose();
    writeFileSync(`${foldFile(f)}.part`, new Uint8Array(out.buffer));
    renameSync(`${foldFile(f)}.part`, foldFile(f));
  }
}

// Assemble the out-of-fold probabilities: oof[epoch][view] = n × 10.
const missing = [...Array(k).keys()].filter((f) => !existsSync(foldFile(f)));
if (missing.length) throw new Error(`Folds ${missing.map((f) => f + 1).join(', ')} not trained yet`);
const oof = [...Array(epochs)].map(() => viewNames.map(() => new Float32Array(n * 10)));
for (let f = 0; f < k; f++) {
  const { held } = foldSplit(fold, f);
  const bytes = readFileSync(foldFile(f));
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  for (let e = 0; e < epochs; e++)
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

const COMBOS: string[][] = [
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
let best: { key: string; choice: ReturnType<typeof chooseThresholds> } | null = null;
for (let e = 0; e < epochs; e++) {
  for (const combo of COMBOS) {
    const probs = combineViews(combo.map((v) => oof[e]![viewNames.indexOf(v)]!));
    const shipped = goalFigures(scored, probs);
    const choice = chooseThresholds(scored, probs);
    const key = `${String(e + 1).padStart(5)} ${combo.join('+').padEnd(30)}`;
    console.log(`${key} shipped 0.40/0.50/0      ${figuresLine(shipped)}`);
    const t = choice.t;
    console.log(
      `${key} ${choice.meets ? 'chosen ' : 'closest'} ${t.minConfidence.toFixed(2)}/${t.maxEntropy.toFixed(2)}/${(t.minMargin ?? 0).toFixed(1)}    ${figuresLine(choice.figures)}`,
    );
    const rank = (c: ReturnType<typeof chooseThresholds>) =>
      (c.meets ? 10 : 0) + c.figures.shareSure + c.figures.strict + c.figures.coarse;
    if (!best || rank(choice) > rank(best.choice)) best = { key, choice };
  }
}
if (best) {
  const t = best.choice.t;
  console.log(
    `\nBest by CV: epoch/views ${best.key.trim()}, minConfidence ${t.minConfidence}, maxEntropy ${t.maxEntropy}, minMargin ${t.minMargin ?? 0}` +
      ` (${best.choice.meets ? 'meets' : 'does NOT meet'} the two "sure" goals on out-of-fold predictions)\n${FIGURES_HEADER}\n${figuresLine(best.choice.figures)}`,
  );
}
