// Ships each model's weights in the smallest encoding (uint8, float16, float32) whose test accuracy
// stays within 0.1 point of the float32 weights, and records it in the manifest. The trainers run
// this after exporting (unless --float32); run it by hand for a model trained otherwise.
import { parseArgs } from 'node:util';
import { checkManifest } from '../src/core/manifest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFashionMnist } from './lib/dataset-source';
import { MODELS_DIR } from './lib/manifest-model';
import { ACCURACY_TOLERANCE, quantizeShippedModel } from './lib/quantize-model';
import { initNodeBackend } from './lib/tf-node';

const USAGE = `npm run quantize -- --model ID [--model ID ...] [--dir DIR] [--data DIR]
  (default: every model of the manifest whose files hold float32 weights)`;
const { values: args } = parseArgs({
  options: {
    model: { type: 'string', multiple: true },
    dir: { type: 'string', default: MODELS_DIR },
    data: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const manifest = checkManifest(JSON.parse(readFileSync(join(args.dir!, 'manifest.json'), 'utf8')));
const ids = args.model ?? manifest.models.filter((m) => !m.weights || m.weights.dtype === 'float32').map((m) => m.id);
await initNodeBackend('wasm');
const data = await loadFashionMnist(args.data);
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
for (const id of ids) {
  const r = await quantizeShippedModel(args.dir!, id, data.test, (line) => console.log(line));
  const chosen = r.tried.find((t) => t.dtype === r.chosen)!;
  console.log(
    `${id}: ships ${r.chosen} weights, ${chosen.bytes} bytes (float32 ${r.float32.bytes}), test accuracy ` +
      `${pct(chosen.testAccuracy)} (float32 ${pct(r.float32.testAccuracy)}, tolerance ±${pct(ACCURACY_TOLERANCE)})`,
  );
}
