// The deployed headers come from one source: public/_headers, vite preview and the README agree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_HEADER,
  HEADER_RULES,
  headersFor,
  parseHeadersFile,
  renderHeadersFile,
} from '../../scripts/lib/deploy-headers';

const ROOT = resolve(import.meta.dirname, '../..');
const committed = readFileSync(resolve(ROOT, 'public/_headers'), 'utf8');
const SAMPLE_PATHS = [
  '/',
  '/index.html',
  '/sw.js',
  '/manifest.webmanifest',
  '/assets/index-Bx1.js',
  '/assets/tfjs-backend-wasm-BIA8.wasm',
  '/models/manifest.json',
  '/models/cnn/group1-shard1of1.bin',
  '/examples/examples.json',
  '/data/t10k-labels-idx1-ubyte-gz.bin',
  '/experiments/results.json',
  '/favicon.ico',
  '/workbox-9c191d2f.js',
];

describe('deployed headers', () => {
  it('public/_headers is generated from scripts/lib/deploy-headers.ts (run `npm run headers` after editing it)', () => {
    expect(committed).toBe(renderHeadersFile());
    expect(parseHeadersFile(committed)).toEqual(HEADER_RULES);
  });

  it('sends the page CSP plus frame-ancestors, nosniff and no-referrer everywhere', () => {
    expect(CSP_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    for (const path of SAMPLE_PATHS)
      expect(headersFor(path)).toMatchObject({
        'Content-Security-Policy': CSP_HEADER,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
  });

  it('revalidates files without a content hash and keeps hashed assets for a year', () => {
    const cache = Object.fromEntries(SAMPLE_PATHS.map((p) => [p, headersFor(p)['Cache-Control'] ?? null]));
    expect(cache).toEqual({
      '/': 'no-cache',
      '/index.html': 'no-cache',
      '/sw.js': 'no-cache',
      '/manifest.webmanifest': 'no-cache',
      '/assets/index-Bx1.js': 'public, max-age=31536000, immutable',
      '/assets/tfjs-backend-wasm-BIA8.wasm': 'public, max-age=31536000, immutable',
      '/models/manifest.json': 'no-cache',
      '/models/cnn/group1-shard1of1.bin': 'no-cache',
      '/examples/examples.json': 'no-cache',
      '/data/t10k-labels-idx1-ubyte-gz.bin': 'no-cache',
      '/experiments/results.json': 'no-cache',
      '/favicon.ico': null,
      '/workbox-9c191d2f.js': null,
    });
  });

  it('never sets one header from two rules that match the same path (Cloudflare would join them)', () => {
    for (const path of SAMPLE_PATHS) {
      const names = HEADER_RULES.filter(
        (r) => headersFor(path, [r]) && Object.keys(headersFor(path, [r])).length,
      ).flatMap((r) => Object.keys(r.headers));
      expect(new Set(names).size, path).toBe(names.length);
    }
  });

  it('is what the README tells a deployer', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`Content-Security-Policy: ${CSP_HEADER}\``);
    expect(readme).toContain('public/_headers');
  });
});
