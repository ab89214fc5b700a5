// Writes public/examples/examples.json: a few real Fashion-MNIST test images, shipped for offline use,
// and examples.png, the same images stacked in one column: the thumbnails' picture (see Examples.tsx).
// Usage: tsx scripts/export-examples.ts [perClass=2] [datasetDir=/usr/share/datasets/fashion-mnist]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from '../src/core/classes';
import type { ExamplesFile } from '../src/core/examples';
import { parseIdx } from '../src/core/idx';

const perClass = Number(process.argv[2] ?? 2);
const dir = process.argv[3] ?? '/usr/share/datasets/fashion-mnist';
const imagesFile = join(dir, 't10k-images-idx3-ubyte.gz');
const labelsFile = join(dir, 't10k-labels-idx1-ubyte.gz');
const images = parseIdx(readFileSync(imagesFile), imagesFile, 3);
const labels = parseIdx(readFileSync(labelsFile), labelsFile, 1);

const picked: ExamplesFile['images'] = [];
const taken = new Array<number>(NUM_CLASSES).fill(0);
// Test-set order is already shuffled, so the first images of each class are a fair, fixed pick.
for (let i = 0; i < labels.data.length && picked.length < perClass * NUM_CLASSES; i++) {
  const label = labels.data[i]!;
  if (taken[label]! >= perClass) continue;
  taken[label]!++;
  const pixels = images.data.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
  picked.push({ label, index: i, pixels: Buffer.from(pixels).toString('base64') });
}
// Interleave classes so the first row of thumbnails shows ten different garments.
const rank = (e: ExamplesFile['images'][number]): number =>
  picked.filter((p) => p.label === e.label && p.index < e.index).length;
picked.sort((a, b) => rank(a) - rank(b) || a.label - b.label);

const out: ExamplesFile = { version: 1, source: 'Fashion-MNIST t10k (MIT, Zalando Research)', images: picked };
mkdirSync('public/examples', { recursive: true });
writeFileSync('public/examples/examples.json', `${JSON.stringify(out, null, 2)}\n`);
const column = Buffer.concat(picked.map((e) => Buffer.from(e.pixels, 'base64')));
await sharp(column, { raw: { width: IMAGE_SIDE, height: IMAGE_SIDE * picked.length, channels: 1 } })
  .toColourspace('b-w')
  .png({ compressionLevel: 9 })
  .toFile('public/examples/examples.png');
console.log(`wrote public/examples/examples.json and examples.png: ${picked.length} images`);
