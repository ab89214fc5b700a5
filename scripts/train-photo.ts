import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import type { EpochRecord } from '../src/core/manifest';
import { photoReport } from '../src/core/photo/photo-metrics';
import { verdictOf } from '../src/core/photo/verdict';
import { seededRandom } from '../src/core/random';
import { evaluate } from '../src/ml/evaluate';
import { fitImages } from '../src/ml/fit';
import { buildModel } from '../src/ml/models';
import { RECIPES, scheduleOf } from '../src/ml/recipes';
import { loadFashionMnist } from './lib/dataset-source';
import { loadManifestModel, predictBatch } from './lib/manifest-model';
import { fileLoadHandler } from './lib/model-files';
import { exportPhotoModel } from './lib/photo-export';
import { listPhotoFolder, photoInputs } from './lib/photo-set';
import { footwearLabel, mixTrainingSet, photoLabel, trainingPhotos } from './lib/photo-training-set';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run train:photo -- [--epochs N] [--variants N] [--repeat N] [--fmnist N] [--seed N]
    [--init ID] [--lr X] [--label-model ID|model.json] [--photos DIR] [--out DIR] [--id ID] [--data DIR]
    [--float32] [--watch-validation]
  Fashion-MNIST plus the train/ photos (mapped folders with their class, shoes labelled by
  --label-model, hat/shorts/skirt with a uniform target), preprocessed like the app. --init ID
  fine-tunes that shipped model at the constant learning rate --lr (the recipe npm run cv:photos
  cross-validates); without it a fresh cnn trains with the one-cycle schedule. The export is then
  quantized (npm run quantize) unless --float32. The validation photos are not looked at unless
  --watch-validation (they are reported once, by npm run eval:photos).`;
const ROOT = resolve(import.meta.dirname, '..');
const PHOTOS = resolve(ROOT, '../shared/data/clothing-photos');
const { values: a } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    variants: { type: 'string', default: '6' },
    repeat: { type: 'string', default: '2' },
    fmnist: { type: 'string', default: '60000' },
    seed: { type: 'string', default: '1' },
    'label-model': { type: 'string' },
    photos: { type: 'string', default: PHOTOS },
    out: { type: 'string', default: 'public/models' },
    id: { type: 'string', default: 'photo' },
    data: { type: 'string' },
    float32: { type: 'boolean', default: false },
    init: { type: 'string' },
    lr: { type: 'string' },
    'watch-validation': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (a.help) {
  console.log(USAGE);
  process.exit(0);
}
const num = (k: keyof typeof a) => Number(a[k]);
const recipe = {
  ...RECIPES.cnn!,
  epochs: num('epochs'),
  ...(a.lr ? { learningRate: num('lr') } : {}),
  ...(a.init ? { schedule: 'constant' as const } : {}),
};
const seed = num('seed');
const tf = await initNodeBackend('wasm');
const fmnist = await loadFashionMnist(a.data);

// Shoe photos may be sandals, sneakers or boots: a Fashion-MNIST-only model helps pick which.
const labelModel = a['label-model'] ?? 'mlp';
const labeller = labelModel.endsWith('.json')
  ? { model: await tf.loadLayersModel(fileLoadHandler(resolve(labelModel))) }
  : await loadManifestModel(labelModel);
const photos = await trainingPhotos(join(a.photos!, 'train'), num('variants'));
const clean = photos[0]!;
const shoeProbs = await predictBatch(
  labeller.model,
  Float32Array.from(clean.images, (v) => v / 255),
);
const labels = Uint8Array.from(clean.items, (item, i) =>
  photoLabel(item.folder, () => footwearLabel(shoeProbs.subarray(i * 10, i * 10 + 10))),
);
const random = seededRandom(seed);
const train = mixTrainingSet(fmnist.train, num('fmnist'), photos, labels, num('repeat'), random);
const validation = a['watch-validation'] ? listPhotoFolder(join(a.photos!, 'validation')) : [];
const valSet = await photoInputs(validation);
const valX = Float32Array.from(valSet.images, (v) => v / 255);
const shoes = [5, 7, 9].map(
  (k) => `${k}: ${labels.filter((l, i) => l === k && clean.items[i]!.folder === 'shoes').length}`,
);
console.log(`Shoe photos labelled ${shoes.join(', ')} (5 sandal, 7 sneaker, 9 ankle boot)`);
console.log(
  `Training ${a.id}: ${train.count} images (${clean.items.length} photos × ${photos.length} variants × ${a.repeat})`,
);

const model = a.init ? (await loadManifestModel(a.init, resolve(a.out!))).model : buildModel('cnn', { seed });
const optimizer = tf.train.adam(recipe.learningRate);
const history: EpochRecord[] = [];
const photoScore = async () => {
  const p = await predictBatch(model, valX);
  const rows = validation.map((item, i) => {
    const v = verdictOf(p.subarray(i * 10, i * 10 + 10), valSet.found[i] ? valSet.quality[i]! : null);
    return { folder: item.folder, top: v.top, sure: v.sure };
  });
  return photoReport(rows);
};
await fitImages(model, optimizer, train, {
  epochs: recipe.epochs,
  batchSize: recipe.batchSize,
  schedule: scheduleOf(recipe),
  random,
  augment: recipe.augment,
  onEpoch: async (m) => {
    const test = await evaluate(model, fmnist.test);
    history.push({ ...m, testLoss: test.loss, testAccuracy: test.accuracy });
    const r = validation.length ? (await photoScore()).mapped : null;
    console.log(
      `epoch ${m.epoch}/${recipe.epochs} train ${m.trainAccuracy.toFixed(4)} fmnist test ${test.accuracy.toFixed(4)}` +
        (r
          ? ` | validation photos strict ${r.strict!.toFixed(3)} coarse ${r.coarse!.toFixed(3)} not sure ${r.notSure.toFixed(3)}`
          : '') +
        `  ${m.seconds.toFixed(0)} s`,
    );
  },
});

await exportPhotoModel(model, fmnist.test, {
  out: a.out!,
  id: a.id!,
  epochs: recipe.epochs,
  batchSize: recipe.batchSize,
  learningRate: a.init
    ? `constant ${recipe.learningRate}, fine-tuned from the shipped ${a.init} model (chosen by npm run cv:photos)`
    : `one-cycle, peak ${recipe.learningRate}`,
  augmentation:
    `photos: ${a.variants} random variants each (rotation ±12°, zoom 0.85–1.15, shift ±6 %, mirror, light and colour jitter) ` +
    `+ the clean one, repeated ${a.repeat}×; hat/shorts/skirt photos trained towards the uniform distribution ` +
    `(outlier exposure); all: random shift ±2 px, horizontal flip p=0.5`,
  seed,
  trainImages: train.count,
  backend: tf.getBackend(),
  fmnistSha: fmnist.sha256,
  history,
  quantize: !a.float32,
});
if (validation.length) console.log(`Validation photos strict ${(await photoScore()).mapped.strict}`);
