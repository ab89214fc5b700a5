// npm run classify / eval:photos with --model export.zip: a version exported from the app (here a
// zip made in the test, with an 11th class "hat" that always wins) is read, checked and scored,
// its user class printed by name.
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBundle } from '../../src/core/retrain/bundle';
import { resizeOutput } from '../../src/ml/retrain/head-resize';
import { modelToParts } from '../../src/ml/retrain/model-artifacts';
import { fileLoadHandler } from '../../scripts/lib/model-files';
import { initNodeBackend } from '../../scripts/lib/tf-node';
import { devPhotos } from '../helpers/photos';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (script: string, args: string[]) =>
  promisify(execFile)(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, maxBuffer: 1 << 24 }).catch(
    (err: { stdout: string; stderr: string; code: number }) => ({ ...err, failed: err.code }),
  );

let dir: string;
let zip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prenda-export-cli-'));
  await initNodeBackend('wasm');
  const shipped = await tf.loadLayersModel(fileLoadHandler(join(ROOT, 'public/models/photo/model.json')));
  const parts = await modelToParts(shipped);
  shipped.dispose();
  // Ten outputs kept, an 11th "hat" with a zero kernel and a huge bias: it wins every photo.
  const grown = resizeOutput(parts, [
    ...Array.from({ length: 10 }, (_, i) => ({ from: i })),
    { kernel: new Float32Array(32), bias: 50 },
  ]);
  const none = { user: null, test: null };
  const meta = {
    ...{ id: 'v-1', createdAt: 1, source: 'retrain' as const, baseModelId: 'photo', samples: 5, heldOut: 1 },
    ...{ epochs: 5, learningRate: 0.001, backend: 'wasm', seconds: 1, before: none, after: none, classes: ['hat'] },
  };
  zip = join(dir, 'prenda-export.zip');
  writeFileSync(zip, encodeBundle({ id: 'v-1', ...grown, meta }, []));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a version exported from the app, in Node', () => {
  it('npm run classify -- --model export.zip prints the user class by name', async () => {
    const photo = devPhotos('pants')[0]!;
    const out = await run('classify.ts', ['--model', zip, '--json', photo]);
    const [row] = JSON.parse(out.stdout) as { probs: number[]; top: { class: number; name: string }[] }[];
    expect(row!.probs).toHaveLength(11);
    expect(row!.top[0]).toMatchObject({ class: 10, name: 'hat' });
    const text = await run('classify.ts', ['--model', zip, photo]);
    expect(text.stdout).toMatch(/user classes: hat/);
    expect(text.stdout).toMatch(/: hat 100\.0 %/);
  });

  it('npm run eval:photos -- --model export.zip scores a folder named like the class against it', async () => {
    const set = join(dir, 'set');
    for (const folder of ['hat', 'pants']) {
      mkdirSync(join(set, folder), { recursive: true });
      for (const p of devPhotos(folder, 2)) symlinkSync(p, join(set, folder, basename(p)));
    }
    const out = await run('eval-photos.ts', [set, '--model', zip]);
    expect(out.stdout).toMatch(/User classes: 10 hat/);
    expect(out.stdout).toMatch(/^hat\s+2\s+100\.0 %\s+→ 10 hat/m);
    expect(out.stdout).toMatch(/^pants\s+2\s+0\.0\s/m); // every pants photo called "hat": wrong
  });

  it('refuses a file that is not a Prenda export, in one line', async () => {
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, 'not a zip');
    const out = await run('classify.ts', ['--model', bad, devPhotos('pants')[0]!]);
    expect(out).toHaveProperty('failed');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});
