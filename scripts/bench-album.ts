// Times an album of 50 photos in headless Chromium: the real development photos repeated to 50,
// as stored and enlarged to 12 megapixels (4000 × 3000, as a phone takes them), from choosing the
// files to `album` data-state="done", and how smoothly the page keeps drawing frames meanwhile
// (the longest gap between two frames). Needs `npm run build` first.
// Usage: npm run bench:album [-- --photos 50 --sizes stored,12mp]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { launch, openApp, startServer, waitReady } from '../support/browser/harness';
import { percentile, recordFrames, stopFrames } from '../support/browser/retrain-drive';

const { values: args } = parseArgs({
  options: {
    photos: { type: 'string', default: '50' },
    sizes: { type: 'string', default: 'stored,12mp' },
  },
});

const VALIDATION = resolve(import.meta.dirname, '../../shared/data/clothing-photos/validation');

/** The first photo of each folder, then the second, … repeated until there are `n`. */
function realPhotos(n: number): string[] {
  const folders = readdirSync(VALIDATION).sort();
  const lists = folders.map((f) =>
    readdirSync(join(VALIDATION, f))
      .sort()
      .map((p) => join(VALIDATION, f, p)),
  );
  const round: string[] = [];
  for (let i = 0; round.length < n && i < 100; i++) for (const l of lists) if (l[i]) round.push(l[i]!);
  return Array.from({ length: n }, (_, i) => round[i % round.length]!);
}

/** The same photos as 12 MP JPEGs (quality 90), written to `dir`, each a distinct file. */
async function enlarge(files: string[], dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [i, f] of files.entries()) {
    const path = join(dir, `photo-${String(i).padStart(2, '0')}.jpg`);
    await sharp(f).resize(3000, 4000, { fit: 'fill' }).jpeg({ quality: 90 }).toFile(path);
    out.push(path);
  }
  return out;
}

const n = Number(args.photos);
const dir = mkdtempSync(join(tmpdir(), 'prenda-bench-album-'));
const server = await startServer();
const browser = await launch();
try {
  const stored = realPhotos(n);
  for (const size of args.sizes.split(',')) {
    const files = size === '12mp' ? await enlarge(stored, dir) : stored;
    const { page } = await openApp(browser, server.origin, '?lang=en');
    await waitReady(page);
    await recordFrames(page);
    const start = Date.now();
    await page.setInputFiles('[data-testid=album-input]', files);
    await page.locator('[data-testid=album][data-state=done]').waitFor({ state: 'attached', timeout: 600_000 });
    const seconds = (Date.now() - start) / 1000;
    const gaps = await stopFrames(page);
    const done = await page.locator('[data-testid=album-item][data-state=done]').count();
    console.log(
      `${size.padEnd(7)} ${n} photos: ${seconds.toFixed(1)} s (${done} classified), ` +
        `frame gaps p95 ${percentile(gaps, 95).toFixed(0)} ms, longest ${Math.max(...gaps).toFixed(0)} ms`,
    );
    await page.close();
  }
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
