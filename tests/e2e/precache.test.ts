// Reads the built service worker and checks that everything the app needs offline is precached.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from './fixture';

const dist = resolve(import.meta.dirname, '../../dist');
let urls: string[];

// Reads the build only: no server, no browser (the fixture still checks both exist).
useApp({ serve: false });

beforeAll(() => {
  urls = [...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
});

describe('dist/sw.js precache list', () => {
  it('holds the app shell, web manifest, icons and examples', () => {
    for (const url of [
      'index.html',
      'manifest.webmanifest',
      'pwa-192x192.png',
      'pwa-512x512.png',
      'maskable-icon-512x512.png',
      'examples/examples.json',
    ]) {
      expect(urls).toContain(url);
    }
  });

  it('holds every model of the manifest: model.json and all its weight files', () => {
    expect(urls).toContain('models/manifest.json');
    const manifest = JSON.parse(readFileSync(join(dist, 'models/manifest.json'), 'utf8')) as {
      models: { id: string; file: string }[];
    };
    expect(manifest.models.length).toBeGreaterThan(0);
    for (const model of manifest.models) {
      expect(urls).toContain(`models/${model.file}`);
      const json = JSON.parse(readFileSync(join(dist, 'models', model.file), 'utf8')) as {
        weightsManifest: { paths: string[] }[];
      };
      const dir = model.file.replace(/[^/]*$/, '');
      for (const path of json.weightsManifest.flatMap((g) => g.paths)) expect(urls).toContain(`models/${dir}${path}`);
    }
  });

  it('holds the tfjs wasm binaries (plain and SIMD) served from the app itself', () => {
    const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
    expect(wasm.some((f) => f.startsWith('tfjs-backend-wasm-simd'))).toBe(true);
    expect(wasm.some((f) => /^tfjs-backend-wasm-[\w-]{8}\.wasm$/.test(f))).toBe(true);
    for (const f of wasm) expect(urls).toContain(`assets/${f}`);
  });

  it('precaches every built JavaScript chunk, so any backend works offline', () => {
    const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const f of js) expect(urls).toContain(`assets/${f}`);
  });
});
