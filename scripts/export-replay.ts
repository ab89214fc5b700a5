// `npm run export-replay`: writes the class-balanced subset of Fashion-MNIST training images that
// in-browser retraining replays beside the user's samples, so the model does not forget the ten
// classes while it learns the user's drawings.
//
// Output: public/data/replay-{images-idx3,labels-idx1}-ubyte-gz.bin, gzip-compressed IDX. The
// names end in `-gz.bin`, not `.gz`, because `vite preview` (sirv) and stock Apache answer a `.gz`
// with `Content-Encoding: gzip`: the browser would unpack it in transit and the service worker
// would cache other bytes than the file (see scripts/export-test-set.ts).
//
// `--photos` writes the photo replay set instead (public/data/replay-photo-*): `--per` preprocessed
// train photos of each folder mapped to the ten (../shared/data/clothing-photos/train, never
// validation, never hat/shorts/skirt), which retraining the `photo` model mixes in beside the
// Fashion-MNIST images, so "it is a photo" is no cue for a class taught from photos.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'fflate';
import { decodeImageSet } from '../src/core/dataset';
import { encodeIdx } from '../src/core/idx';
import { seededRandom } from '../src/core/random';
import { balancedSubset, RETRAIN_DATA } from '../src/core/retrain/replay-mix';
import { loadFashionMnist } from './lib/dataset-source';
import { loadManifestModel } from './lib/manifest-model';
import { photoReplaySet } from './lib/photo-replay';
import { initNodeBackend } from './lib/tf-node';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '5' },
    data: { type: 'string' },
    out: { type: 'string', default: 'public/data' },
    photos: { type: 'boolean', default: false },
    per: { type: 'string', default: '40' },
    'photo-dir': { type: 'string', default: resolve(import.meta.dirname, '../../shared/data/clothing-photos/train') },
    'label-model': { type: 'string', default: 'mlp' },
  },
});

const write = (name: string, dims: number[], data: Uint8Array): void => {
  const bytes = gzipSync(encodeIdx(dims, data), { level: 9, mtime: 0 });
  writeFileSync(join(args.out!, name), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  console.log(`${join(args.out!, name)}: ${(bytes.length / 1024).toFixed(0)} KiB, SHA-256 ${sha}`);
};
// Read back what was written, as the app will.
const read = (name: string) => new Uint8Array(readFileSync(join(args.out!, name)));
const readBack = (images: string, labels: string) => decodeImageSet(read(images), images, read(labels), labels);

if (args.photos) {
  const per = Number(args.per);
  if (!Number.isInteger(per) || per < 1) throw new Error('--per must be a positive integer');
  await initNodeBackend('wasm');
  const { model } = await loadManifestModel(args['label-model']);
  const set = await photoReplaySet(args['photo-dir']!, per, model, seededRandom(Number(args.seed)));
  mkdirSync(args.out!, { recursive: true });
  write(RETRAIN_DATA.photoReplayImages, [set.count, 28, 28], set.images);
  write(RETRAIN_DATA.photoReplayLabels, [set.count], set.labels);
  const back = readBack(RETRAIN_DATA.photoReplayImages, RETRAIN_DATA.photoReplayLabels);
  if (back.count !== set.count || back.labels.some((l, i) => l !== set.labels[i])) throw new Error('read back differs');
  const perLabel = new Map<string, number>();
  set.folders.forEach((f, i) =>
    perLabel.set(`${f}→${set.labels[i]}`, (perLabel.get(`${f}→${set.labels[i]}`) ?? 0) + 1),
  );
  console.log(`${back.count} photos from ${args['photo-dir']} (seed ${args.seed}), read back:`);
  console.log([...perLabel].map(([k, n]) => `${k}: ${n}`).join(', '));
  process.exit(0);
}

const count = Number(args.count);
if (!Number.isInteger(count) || count < 10 || count % 10 !== 0) throw new Error('--count must be a multiple of 10');
const { train, dir } = await loadFashionMnist(args.data);
const subset = balancedSubset(train, count / 10, seededRandom(Number(args.seed)));
mkdirSync(args.out!, { recursive: true });
write(RETRAIN_DATA.replayImages, [subset.count, 28, 28], subset.images);
write(RETRAIN_DATA.replayLabels, [subset.count], subset.labels);

const back = readBack(RETRAIN_DATA.replayImages, RETRAIN_DATA.replayLabels);
const perClass = new Array<number>(10).fill(0);
for (const l of back.labels) perClass[l]!++;
if (back.count !== count || perClass.some((n) => n !== count / 10)) {
  throw new Error(`read back ${back.count} images, per class ${perClass.join(',')}`);
}
console.log(`${back.count} training images from ${dir} (seed ${args.seed}), ${count / 10} per class, read back`);
