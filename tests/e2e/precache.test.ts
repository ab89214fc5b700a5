// Reads the built service worker: every file of dist/ is in its manifest (so it can be cached),
// and the part precached at install (the core) is what the README says, within its download budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkManifest, mostAccurate } from '../../src/core/manifest';
import type { AssetEntry } from '../../src/sw/protocol';
import { injectedManifest } from '../../support/build/injected-manifest';
import { precacheSizes } from '../../support/build/precache-sizes';
import { useApp } from './fixture';

const dist = resolve(import.meta.dirname, '../../dist');
/** What the first install may download: text files as hosts serve them (gzip), binaries as they are. */
const CORE_DOWNLOAD_BUDGET = 1_500_000;
let entries: AssetEntry[];
let core: Set<string>;

const groupOf = (url: string) => entries.find((e) => e.url === url)?.group ?? 'core';
const filesUnder = (dir: string): string[] =>
  readdirSync(join(dist, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dist, join(d.parentPath, d.name)));

/** Model files (model.json and its weights) of manifest model `id`. */
function modelFiles(id: string): string[] {
  const manifest = checkManifest(JSON.parse(readFileSync(join(dist, 'models/manifest.json'), 'utf8')));
  const file = manifest.models.find((m) => m.id === id)!.file;
  const json = JSON.parse(readFileSync(join(dist, 'models', file), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const dir = file.replace(/[^/]*$/, '');
  return [`models/${file}`, ...json.weightsManifest.flatMap((g) => g.paths).map((p) => `models/${dir}${p}`)];
}

// Reads the build only: no server, no browser (the fixture still checks both exist).
useApp({ serve: false });

beforeAll(() => {
  entries = injectedManifest(readFileSync(join(dist, 'sw.js'), 'utf8'));
  core = new Set(entries.filter((e) => (e.group ?? 'core') === 'core').map((e) => e.url));
});

describe('dist/sw.js precache manifest', () => {
  it("lists every file of dist/ once (but the worker and the host's _headers), with its size", () => {
    const urls = entries.map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    // The worker itself, and the static host's header rules (read by the host, never served).
    const files = filesUnder('.').filter((f) => f !== 'sw.js' && f !== '_headers');
    expect([...urls].sort()).toEqual(files.sort());
    for (const e of entries.filter((e) => e.group)) expect(e.bytes, e.url).toBe(readFileSync(join(dist, e.url)).length);
  });

  it('core: shell, web manifest, icons, examples, the default and photo models, one wasm binary', () => {
    const manifest = checkManifest(JSON.parse(readFileSync(join(dist, 'models/manifest.json'), 'utf8')));
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const shell = [...html.matchAll(/(?:src|href)="\/?((?:assets\/)?[^"]+\.(?:js|css|png|svg|ico|webmanifest))"/g)];
    expect(shell.length).toBeGreaterThan(2);
    for (const [, file] of shell) expect(core, file).toContain(file);
    for (const file of [
      'index.html',
      'manifest.webmanifest',
      'examples/examples.json',
      'examples/examples.png',
      'models/manifest.json',
    ]) {
      expect(core, file).toContain(file);
    }
    for (const file of filesUnder('.').filter((f) => /^[^/]+\.(png|ico|svg)$/.test(f))) expect(core).toContain(file);
    for (const id of [mostAccurate(manifest)!.id, 'photo']) {
      for (const file of modelFiles(id)) expect(core, file).toContain(file);
    }
    const wasm = [...core].filter((f) => f.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/);
  });

  it('core: the tfjs code of the WebGL and wasm backends, not the WebGPU and cpu fallbacks', () => {
    const coreJs = [...core].filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8'));
    const lazyJs = entries
      .filter((e) => e.group === 'lazy' && e.url.endsWith('.js'))
      .map((e) => readFileSync(join(dist, e.url), 'utf8'));
    // Each backend package registers itself: registerBackend(`name`, () => new Backend(), priority).
    const registers = (code: string, name: string) => new RegExp(`[\\w$]+\\(\`${name}\`,(async)?\\(\\)=>`).test(code);
    for (const name of ['webgl', 'wasm'])
      expect(
        coreJs.some((c) => registers(c, name)),
        name,
      ).toBe(true);
    for (const name of ['webgpu', 'cpu']) {
      expect(
        coreJs.some((c) => registers(c, name)),
        name,
      ).toBe(false);
      expect(
        lazyJs.some((c) => registers(c, name)),
        name,
      ).toBe(true);
    }
  });

  it('cached later: the test set, replay images, other models, other wasm binaries, lab/eval/retraining code', () => {
    expect(filesUnder('data').map(groupOf).sort()).toEqual([
      'replay',
      'replay',
      'replay',
      'replay',
      'test-set',
      'test-set',
    ]);
    for (const file of modelFiles('mlp')) expect(groupOf(file), file).toBe('models');
    expect(groupOf('experiments/results.json')).toBe('lazy');
    const lazy = entries.filter((e) => e.group === 'lazy').map((e) => e.url);
    expect(lazy.filter((f) => f.endsWith('.wasm'))).toEqual([
      expect.stringMatching(/tfjs-backend-wasm-[\w-]{8}\.wasm$/),
    ]);
    // The views by a test id only their code holds; the retraining run by its modules' file names.
    const holding = (text: string) =>
      entries.filter((e) => e.url.endsWith('.js') && readFileSync(join(dist, e.url), 'utf8').includes(text));
    for (const testId of ['lab-chart-accuracy', 'eval-manifest-accuracy']) {
      expect(holding(testId).length, testId).toBeGreaterThan(0);
      for (const e of holding(testId)) expect(e.group, `${testId} in ${e.url}`).toBe('lazy');
    }
    for (const name of ['retrain.worker', 'retrain-client', 'uplot-chart']) {
      expect(lazy.filter((f) => f.startsWith(`assets/${name}-`)).length, name).toBeGreaterThan(0);
      expect(
        [...core].filter((f) => f.startsWith(`assets/${name}-`)),
        name,
      ).toEqual([]);
    }
  });

  it('core downloads at most 1.5 MB', () => {
    const sizes = precacheSizes(dist);
    expect(new Set(sizes.core.files)).toEqual(core);
    expect(sizes.core.download).toBeLessThanOrEqual(CORE_DOWNLOAD_BUDGET);
  });
});
