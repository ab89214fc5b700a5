import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { photoReport, type FolderScore } from '../src/core/photo/photo-metrics';
import { verdictOf } from '../src/core/photo/verdict';
import { calibrate } from './lib/calibrate';
import { oneLineErrors } from './lib/cli-errors';
import { loadManifestModel, predictBatch } from './lib/manifest-model';
import { listPhotoFolder, photoInputs } from './lib/photo-set';
import { initNodeBackend } from './lib/tf-node';

oneLineErrors();

const USAGE = `npm run eval:photos -- [folder] [--model ID] [--models DIR] [--calibrate]
  folder: laid out as <folder>/<class folder>/*.jpg (default ../shared/data/clothing-photos/validation)`;
const ROOT = resolve(import.meta.dirname, '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string' },
    models: { type: 'string' },
    calibrate: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const dir = positionals[0] ? resolve(positionals[0]) : resolve(ROOT, '../shared/data/clothing-photos/validation');

await initNodeBackend('wasm');
const { entry, model } = await loadManifestModel(args.model, args.models ? resolve(args.models) : undefined);
const items = listPhotoFolder(dir);
if (!items.length) throw new Error(`No photos in ${dir}/<folder>/`);
console.log(`Model ${entry.id}; ${items.length} photos from ${dir}`);
const set = await photoInputs(items);
const x = Float32Array.from(set.images, (v) => v / 255);
const probs = await predictBatch(model, x);
const rowsOf = (verdict = verdictOf) =>
  items.map((item, i) => {
    const p = probs.subarray(i * 10, i * 10 + 10);
    const v = verdict(p, set.found[i] ? set.quality[i]! : null);
    return { folder: item.folder, top: v.top, sure: v.sure };
  });

const pct = (v: number | null) => (v === null ? '    –' : `${(v * 100).toFixed(1).padStart(5)}`);
const line = (s: FolderScore) =>
  `${s.folder.padEnd(15)} ${String(s.count).padStart(5)}  ${pct(s.strict)}  ${pct(s.coarse)}  ${pct(s.notSure)}  ${pct(s.strictWhenSure)}`;
const report = photoReport(rowsOf());
console.log(`\n${'folder'.padEnd(15)} ${'n'.padStart(5)}  strict  coarse  notSure  strict|sure (%)`);
for (const f of report.folders) console.log(line(f));
console.log(line(report.mapped));
console.log(line(report.outOfScope));
console.log(
  '\nfolder × predicted class (0 T-shirt 1 Trouser 2 Pullover 3 Dress 4 Coat 5 Sandal 6 Shirt 7 Sneaker 8 Bag 9 Boot)',
);
console.log(`${''.padEnd(12)}${[...Array(10).keys()].map((k) => String(k).padStart(5)).join('')}`);
report.folders.forEach((f, i) =>
  console.log(`${f.folder.padEnd(12)}${report.matrix[i]!.map((n) => String(n).padStart(5)).join('')}`),
);
console.log(
  `\nstrict ${pct(report.mapped.strict)} %, coarse ${pct(report.mapped.coarse)} %, not sure ${pct(report.mapped.notSure)} % ` +
    `of mapped photos and ${pct(report.outOfScope.notSure)} % of out-of-scope ones`,
);
if (args.calibrate) calibrate(items, probs, set);
