import { parseArgs } from 'node:util';
import { CLASS_NAMES, NUM_CLASSES } from '../src/core/classes';
import { resolve } from 'node:path';
import { photoReport, type FolderScore } from '../src/core/photo/photo-metrics';
import { verdictOf } from '../src/core/photo/verdict';
import { calibrate } from './lib/calibrate';
import { FIGURES_HEADER, figuresLine, goalFigures, PHOTO_GOALS } from './lib/photo-cv-report';
import { oneLineErrors } from './lib/cli-errors';
import { isExportPath, loadExportModel } from './lib/export-model';
import { loadManifestModel } from './lib/manifest-model';
import { photoProbs } from './lib/photo-predict';
import { userClassScores } from './lib/user-class-scores';
import { listPhotoFolder, photoInputs } from './lib/photo-set';
import { initNodeBackend } from './lib/tf-node';

oneLineErrors();

const USAGE = `npm run eval:photos -- [folder] [--model ID | --model export.zip] [--models DIR] [--calibrate]
  folder: laid out as <folder>/<class folder>/*.jpg (default ../shared/data/clothing-photos/validation)
  --model export.zip: a version exported from the app; a folder named like one of its user classes
  (case ignored, e.g. hat) is scored against that class.`;
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
const { id, model, names } = isExportPath(args.model)
  ? await loadExportModel(args.model)
  : await loadManifestModel(args.model, args.models ? resolve(args.models) : undefined).then(({ entry, model }) => ({
      id: entry.id,
      model,
      names: [...CLASS_NAMES.en],
    }));
const width = names.length;
const items = listPhotoFolder(dir);
if (!items.length) throw new Error(`No photos in ${dir}/<folder>/`);
console.log(`Model ${id}; ${items.length} photos from ${dir}`);
if (width > NUM_CLASSES)
  console.log(
    `User classes: ${names
      .slice(NUM_CLASSES)
      .map((n, k) => `${NUM_CLASSES + k} ${n}`)
      .join(', ')}`,
  );
const set = await photoInputs(items);
// The app's path: the test-time views of core/photo/tta.ts, averaged.
const probs = await photoProbs(model, set.images);
const rowsOf = (verdict = verdictOf) =>
  items.map((item, i) => {
    const p = probs.subarray(i * width, (i + 1) * width);
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
console.log(
  `${''.padEnd(12)}${[...Array(report.matrix[0]?.length ?? 10).keys()].map((k) => String(k).padStart(5)).join('')}`,
);
report.folders.forEach((f, i) =>
  console.log(`${f.folder.padEnd(12)}${report.matrix[i]!.map((n) => String(n).padStart(5)).join('')}`),
);
console.log(
  `\nstrict ${pct(report.mapped.strict)} %, coarse ${pct(report.mapped.coarse)} %, not sure ${pct(report.mapped.notSure)} % ` +
    `of mapped photos and ${pct(report.outOfScope.notSure)} % of out-of-scope ones`,
);
if (width === NUM_CLASSES) {
  const g = goalFigures({ folders: items.map((i) => i.folder), found: set.found, quality: set.quality }, probs);
  const pass = (v: number, goal: number) =>
    `${(v * 100).toFixed(1)} % (goal ≥ ${goal * 100} %: ${v >= goal ? 'met' : 'NOT met'})`;
  console.log(`\ngoals (issue 13)`);
  console.log(`  strict                      ${pass(g.strict, PHOTO_GOALS.strict)}`);
  console.log(`  coarse                      ${pass(g.coarse, PHOTO_GOALS.coarse)}`);
  console.log(`  mapped answers "sure"       ${pass(g.shareSure, PHOTO_GOALS.shareSure)}`);
  console.log(`  strict among "sure"         ${pass(g.strictSure, PHOTO_GOALS.strictSure)}`);
  console.log(`  hat/shorts/skirt not sure   ${pass(g.outOfScopeNotSure, PHOTO_GOALS.outOfScopeNotSure)}`);
  for (const [folder, v] of Object.entries(g.notSureByFolder))
    console.log(`    ${folder.padEnd(25)} ${(v * 100).toFixed(1)} % not sure`);
  console.log(`${FIGURES_HEADER}\n${figuresLine(g)}`);
}
const userScores = userClassScores(rowsOf(), names);
if (userScores.length) {
  console.log(`\nuser classes (top class = the folder's class)`);
  for (const s of userScores)
    console.log(`${s.folder.padEnd(15)} ${String(s.count).padStart(5)}  ${pct(s.right)} %  → ${s.index} ${s.name}`);
  const all = userScores.reduce((a, s) => ({ n: a.n + s.count, r: a.r + (s.right ?? 0) * s.count }), { n: 0, r: 0 });
  console.log(`all user-class folders: ${pct(all.n ? all.r / all.n : null)} % right of ${all.n} photos`);
}
if (args.calibrate) calibrate(items, probs.length === items.length * 10 ? probs : tenOf(probs, width), set);

/** Rows of `probs` cut to the ten Fashion-MNIST outputs (what calibration tunes on). */
function tenOf(all: Float32Array, w: number): Float32Array {
  const out = new Float32Array((all.length / w) * NUM_CLASSES);
  for (let i = 0; i < all.length / w; i++) out.set(all.subarray(i * w, i * w + NUM_CLASSES), i * NUM_CLASSES);
  return out;
}
