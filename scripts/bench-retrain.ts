// Times in-browser retraining in headless Chromium: five epochs over 50 user samples plus 1,000
// replay images per epoch, per backend, in the worker (and on the page with --main), and how
// smoothly the page keeps drawing frames meanwhile. Needs `npm run build` first.
// Each backend is forced (`?trainBackend=`), software GPU or not; `auto` is the app's own choice
// with the page on WebGL (on SwiftShader it trains on wasm).
// `--layers head,all` times both ways of training (the cnn only has a head to train alone).
// Usage: npm run bench:retrain [-- --backends auto,wasm,webgl,webgpu --models mlp,cnn --layers head --main]
import { parseArgs } from 'node:util';
import { launch, openApp, startServer, waitReady, type Server } from '../support/browser/harness';
import {
  addSamples,
  drawCross,
  percentile,
  recordFrames,
  setSettings,
  stopFrames,
  startRun,
  waitFinished,
} from '../support/browser/retrain-drive';

const { values: args } = parseArgs({
  options: {
    backends: { type: 'string', default: 'auto,wasm,webgl,webgpu' },
    models: { type: 'string', default: 'mlp,cnn' },
    layers: { type: 'string', default: 'head' },
    samples: { type: 'string', default: '50' },
    main: { type: 'boolean', default: false },
    /** Seconds a run may take before it is recorded as a timeout (SwiftShader is very slow). */
    timeout: { type: 'string', default: '600' },
  },
});

type Layers = 'head' | 'all';

interface Row {
  backend: string;
  model: string;
  layers: Layers;
  where: string;
  trainer: string;
  seconds: number;
  wall: number;
  p95: number;
  state: string;
}

async function run(
  server: Server,
  backend: string,
  model: string,
  layers: Layers,
  where: 'worker' | 'main',
): Promise<Row> {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    const pageBackend = backend === 'auto' ? 'webgl' : backend;
    const force = backend === 'auto' ? '' : `&trainBackend=${backend}`;
    const main = where === 'main' ? '&retrain=main' : '';
    const { page } = await openApp(
      browser,
      server.origin,
      `?backend=${pageBackend}${force}&model=${model}&lang=en${main}`,
    );
    await waitReady(page, 180_000);
    await drawCross(page);
    const n = Number(args.samples);
    for (let label = 0; label < 10; label++) await addSamples(page, label, Math.ceil(n / 10));
    await setSettings(page, 5, '0.001', layers);
    await recordFrames(page);
    const started = Date.now();
    await startRun(page);
    const state = await waitFinished(page, Number(args.timeout) * 1000).catch(() => 'timeout');
    const wall = (Date.now() - started) / 1000;
    const gaps = await stopFrames(page);
    const seconds =
      state === 'done' ? Number(await page.getAttribute('[data-testid=retrain-status]', 'data-seconds')) : NaN;
    const trainer = (await page.getAttribute('[data-testid=retrain-backend]', 'data-backend')) ?? '?';
    return { backend, model, layers, where, trainer, seconds, wall, p95: percentile(gaps, 95), state };
  } finally {
    await browser.close();
  }
}

const secondsText = (r: Row, value: number): string => (r.state === 'timeout' ? `> ${args.timeout}` : value.toFixed(1));

const server = await startServer();
const rows: Row[] = [];
try {
  for (const model of args.models!.split(',')) {
    for (const layers of args.layers!.split(',') as Layers[]) {
      for (const backend of args.backends!.split(',')) {
        for (const where of args.main ? (['worker', 'main'] as const) : (['worker'] as const)) {
          const row = await run(server, backend, model, layers, where);
          rows.push(row);
          console.log(
            `${model} (${layers}), ${backend}: trained on ${row.trainer} (${where}): ${row.state}, training ${secondsText(row, row.seconds)} s, ` +
              `click to done ${secondsText(row, row.wall)} s, frame gap p95 ${row.p95.toFixed(0)} ms`,
          );
        }
      }
    }
  }
} finally {
  await server.close();
}
console.log(
  `\n${args.samples} user samples (+ augmented copies) and 1,000 replay images per epoch, 5 epochs, batch 32:`,
);
console.table(
  rows.map((r) => ({
    model: r.model,
    layers: r.layers,
    asked: r.backend,
    trainer: `${r.trainer} (${r.where})`,
    'training s': secondsText(r, r.seconds),
    'click→done s': secondsText(r, r.wall),
    'frame p95 ms': r.p95.toFixed(0),
    'goal ≤ 20 s': r.state === 'done' && r.wall <= 20 ? 'yes' : 'no',
  })),
);
