import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { CLASS_NAMES } from '../src/core/classes';
import { preprocessPhoto } from '../src/core/photo/pipeline';
import { classifyWithTta } from '../src/core/photo/tta';
import { verdictOf } from '../src/core/photo/verdict';
import { oneLineErrors, UsageError } from './lib/cli-errors';
import { decodeImageFile } from './lib/decode-image';
import { listImages, skipReason } from './lib/image-files';
import { isExportPath, loadExportModel } from './lib/export-model';
import { loadManifestModel, manifestEntry } from './lib/manifest-model';
import { nodeClassifier } from './lib/photo-predict';
import { initNodeBackend } from './lib/tf-node';

oneLineErrors();

const USAGE = `npm run classify -- <image files or folders> [--model ID | --model export.zip] [--json]
  Decodes JPEG/PNG/WebP/GIF/AVIF, applies EXIF orientation, preprocesses like the app and prints
  the top 3 classes (default model: "photo" when the manifest has it, else the most accurate).
  --model export.zip: a version exported from the app, with the classes the user added.`;

const { values: args, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
})();
if (args.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(args.help ? 0 : 2);
}

/** One line of `--json` output. */
interface Result {
  file: string;
  top?: { class: number; name: string; p: number }[];
  probs?: number[];
  sure?: boolean;
  error?: string;
  /** Why a file found in a folder was not classified. */
  skipped?: string;
}

// An unknown model id is a one-line usage error, before tfjs starts.
if (!isExportPath(args.model)) manifestEntry(args.model);
const shown = (file: string) => relative(process.cwd(), file) || file;
const { files, skipped } = listImages(positionals);
const skippedRows: Result[] = skipped.map((s) => ({ file: shown(s.file), skipped: s.reason }));
if (files.length === 0) {
  if (args.json) console.log(JSON.stringify(skippedRows, null, 1));
  else for (const r of skippedRows) console.log(`${r.file}: skipped: ${r.skipped}`);
  const what = skipped.length ? ` (${skipped.length} other files skipped${args.json ? '' : ', listed above'})` : '';
  console.error(`No images to classify in ${positionals.join(', ')}${what}`);
  process.exit(1);
}

await initNodeBackend('wasm');
const { id, model, names } = isExportPath(args.model)
  ? await loadExportModel(args.model)
  : await loadManifestModel(args.model).then(({ entry, model }) => ({
      id: entry.id,
      model,
      names: [...CLASS_NAMES.en],
    }));
const results: Result[] = [];
for (const file of files) {
  try {
    if (!existsSync(file)) throw new Error('no such file');
    if (extname(file).toLowerCase() === '.svg') throw new Error(skipReason(file));
    const steps = preprocessPhoto(await decodeImageFile(file));
    if (!steps.input) throw new Error('no garment found in the picture');
    // The app's path: the test-time views of core/photo/tta.ts, averaged.
    const [p] = await classifyWithTta([steps.input], nodeClassifier(model));
    const probs = [...p!];
    const order = [...names.keys()].sort((a, b) => probs[b]! - probs[a]!);
    const top = order.slice(0, 3).map((k) => ({ class: k, name: names[k]!, p: probs[k]! }));
    results.push({ file: shown(file), top, probs, sure: verdictOf(probs, steps.quality).sure });
  } catch (err) {
    results.push({ file: shown(file), error: err instanceof Error ? err.message : String(err) });
  }
}
if (args.json) {
  console.log(JSON.stringify([...results, ...skippedRows], null, 1));
} else {
  console.log(`model ${id}`);
  if (names.length > 10) console.log(`user classes: ${names.slice(10).join(', ')}`);
  for (const r of [...results, ...skippedRows]) {
    if (r.skipped) console.log(`${r.file}: skipped: ${r.skipped}`);
    else if (r.error) console.log(`${r.file}: error: ${r.error}`);
    else {
      const best = r.top!.map((t) => `${t.name} ${(t.p * 100).toFixed(1)} %`).join(', ');
      console.log(`${r.file}: ${best}${r.sure ? '' : '  (not sure)'}`);
    }
  }
}
process.exitCode = results.some((r) => r.error) ? 1 : 0;
