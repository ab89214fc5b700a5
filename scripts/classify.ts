import { parseArgs } from 'node:util';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { className, NUM_CLASSES } from '../src/core/classes';
import { preprocessPhoto } from '../src/core/photo/pipeline';
import { verdictOf } from '../src/core/photo/verdict';
import { decodeImageFile } from './lib/decode-image';
import { loadManifestModel, predictBatch } from './lib/manifest-model';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run classify -- <image files or folders> [--model ID] [--json]
  Decodes JPEG/PNG/WebP/GIF/AVIF, applies EXIF orientation, preprocesses like the app and prints
  the top 3 classes (default model: "photo" when the manifest has it, else the most accurate).`;
const IMAGE = /\.(jpe?g|png|webp|gif|avif|bmp|tiff?|heic|heif)$/i;

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(args.help ? 0 : 2);
}

/** Files named on the command line, folders expanded (recursively) to their image files. */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p)) return [p]; // reported as an error below
    if (!statSync(p).isDirectory()) return [p];
    return readdirSync(p, { recursive: true, encoding: 'utf8' })
      .filter((f) => IMAGE.test(f))
      .sort()
      .map((f) => join(p, f));
  });
}

/** One line of `--json` output. */
interface Result {
  file: string;
  top?: { class: number; name: string; p: number }[];
  probs?: number[];
  sure?: boolean;
  error?: string;
}

await initNodeBackend('wasm');
const { entry, model } = await loadManifestModel(args.model);
const results: Result[] = [];
for (const file of expand(positionals)) {
  const shown = relative(process.cwd(), file) || file;
  try {
    if (!existsSync(file)) throw new Error('no such file');
    const steps = preprocessPhoto(await decodeImageFile(file));
    if (!steps.input) throw new Error('no garment found in the picture');
    const probs = [...(await predictBatch(model, steps.input))];
    const order = [...Array(NUM_CLASSES).keys()].sort((a, b) => probs[b]! - probs[a]!);
    const top = order.slice(0, 3).map((k) => ({ class: k, name: className(k, 'en'), p: probs[k]! }));
    results.push({ file: shown, top, probs, sure: verdictOf(probs, steps.quality).sure });
  } catch (err) {
    results.push({ file: shown, error: err instanceof Error ? err.message : String(err) });
  }
}
if (args.json) {
  console.log(JSON.stringify(results, null, 1));
} else {
  console.log(`model ${entry.id}`);
  for (const r of results) {
    if (r.error) console.log(`${r.file}: error: ${r.error}`);
    else {
      const best = r.top!.map((t) => `${t.name} ${(t.p * 100).toFixed(1)} %`).join(', ');
      console.log(`${r.file}: ${best}${r.sure ? '' : '  (not sure)'}`);
    }
  }
}
process.exitCode = results.some((r) => r.error) ? 1 : 0;
