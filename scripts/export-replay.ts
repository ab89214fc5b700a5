// `npm run export-replay`: writes the class-balanced subset of Fashion-MNIST training images that
// in-browser retraining replays beside the user's samples, so the model does not forget the ten
// classes while it learns the user's drawings.
//
// Output: public/data/replay-{images-idx3,labels-idx1}-ubyte-gz.bin, gzip-compressed IDX. The
// names end in `-gz.bin`, not `.gz`, because `vite preview` (sirv) and stock Apache answer a `.gz`
// with `Content-Encoding: gzip`: the browser would unpack it in transit and the service worker
// would cache other bytes than the file (see scripts/export-test-set.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'fflate';
import { decodeImageSet } from '../src/core/dataset';
import { encodeIdx } from '../src/core/idx';
import { seededRandom } from '../src/core/random';
import { balancedSubset, RETRAIN_DATA } from '../src/core/retrain/replay-mix';
import { loadFashionMnist } from './lib/dataset-source';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '5' },
    data: { type: 'string' },
    out: { type: 'string', default: 'public/data' },
  },
});

const count = Number(args.count);
if (!Number.isInteger(count) || count < 10 || count % 10 !== 0) throw new Error('--count must be a multiple of 10');
const { train, dir } = await loadFashionMnist(args.data);
const subset = balancedSubset(train, count / 10, seededRandom(Number(args.seed)));
mkdirSync(args.out!, { recursive: true });

const write = (name: string, dims: number[], data: Uint8Array): void => {
  const bytes = gzipSync(encodeIdx(dims, data), { level: 9, mtime: 0 });
  writeFileSync(join(args.out!, name), bytes);
  console.log(`${join(args.out!, name)}: ${(bytes.length / 1024).toFixed(0)} KiB`);
};
write(RETRAIN_DATA.replayImages, [subset.count, 28, 28], subset.images);
write(RETRAIN_DATA.replayLabels, [subset.count], subset.labels);

// Read back what was written, as the app will.
const read = (name: string) => new Uint8Array(readFileSync(join(args.out!, name)));
const back = decodeImageSet(
  read(RETRAIN_DATA.replayImages),
  RETRAIN_DATA.replayImages,
  read(RETRAIN_DATA.replayLabels),
  RETRAIN_DATA.replayLabels,
);
const perClass = new Array<number>(10).fill(0);
for (const l of back.labels) perClass[l]!++;
if (back.count !== count || perClass.some((n) => n !== count / 10)) {
  throw new Error(`read back ${back.count} images, per class ${perClass.join(',')}`);
}
console.log(`${back.count} training images from ${dir} (seed ${args.seed}), ${count / 10} per class, read back`);
