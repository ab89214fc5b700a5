// `npm run export-test-set`: copies the official gzip files of the 10,000 Fashion-MNIST test images
// into public/data/ for the app's Evaluation view, verifying their SHA-256 and contents.
//
// The files keep their gzip bytes but end in `-gz.bin`, not `.gz`: `vite preview` (sirv) answers a
// `.gz` with `Content-Encoding: gzip` and no type, as does Apache's stock mime.conf, so the browser
// would unpack it in transit and workbox would cache other bytes than the file. `.bin` is served as
// application/octet-stream everywhere. (parseIdx accepts raw or gzip bytes either way.)
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeImageSet } from '../src/core/dataset';
import { TEST_SET_FILES } from '../src/core/test-set';
import { dataSources, FASHION_MNIST_FILES, resolveDataDir } from './lib/dataset-source';

const { values: args } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string', default: 'public/data' } },
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const source = await resolveDataDir(dataSources(args.data, process.env));
const outDir = args.out!;
mkdirSync(outDir, { recursive: true });

const pairs = [
  [FASHION_MNIST_FILES.testImages, TEST_SET_FILES.images],
  [FASHION_MNIST_FILES.testLabels, TEST_SET_FILES.labels],
] as const;
for (const [file, target] of pairs) {
  const from = join(source.dir, `${file.name}.gz`);
  if (!existsSync(from)) throw new Error(`${from} is missing: the export needs the official .gz release`);
  const digest = sha256(readFileSync(from));
  if (digest !== file.sha256) throw new Error(`${from}: SHA-256 ${digest}, expected ${file.sha256}`);
  copyFileSync(from, join(outDir, target));
  const copied = sha256(readFileSync(join(outDir, target)));
  if (copied !== file.sha256) throw new Error(`${target}: the copy's SHA-256 ${copied} does not match`);
  console.log(`${from} → ${join(outDir, target)} (SHA-256 ${digest.slice(0, 12)}… verified)`);
}

const read = (name: string) => new Uint8Array(readFileSync(join(outDir, name)));
const set = decodeImageSet(
  read(TEST_SET_FILES.images),
  TEST_SET_FILES.images,
  read(TEST_SET_FILES.labels),
  TEST_SET_FILES.labels,
);
if (set.count !== TEST_SET_FILES.count)
  throw new Error(`expected ${TEST_SET_FILES.count} test images, got ${set.count}`);
console.log(`${set.count} test images with labels, parsed back successfully`);
