import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBadImages, type BadImages } from '../helpers/bad-images';
import { devPhotos } from '../helpers/photos';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (script: string, args: string[]) =>
  promisify(execFile)(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, maxBuffer: 1 << 24 }).catch(
    (err: { stdout: string; stderr: string; code: number }) => ({ ...err, failed: err.code }),
  );

interface Row {
  file: string;
  top?: { class: number; name: string; p: number }[];
  probs?: number[];
  sure?: boolean;
  error?: string;
  skipped?: string;
}

let dir: string;
let bad: BadImages;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prenda-cli-'));
  bad = await writeBadImages(dir, devPhotos('t-shirt')[0]!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run classify', () => {
  it('prints top 3 and ten probabilities per photo as JSON, and a clear error per bad file', async () => {
    const photos = [devPhotos('pants')[0]!, devPhotos('shoes')[0]!];
    const out = await run('classify.ts', ['--json', ...photos, ...Object.values(bad)]);
    const rows = JSON.parse(out.stdout) as Row[];
    expect(rows.map((r) => basename(r.file))).toEqual([...photos, ...Object.values(bad)].map((p) => basename(p)));
    for (const r of rows.slice(0, 2)) {
      expect(r.probs).toHaveLength(10);
      expect(Math.abs(r.probs!.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-3);
      expect(r.top!.map((t) => t.p)).toEqual([...r.probs!].sort((a, b) => b - a).slice(0, 3));
      expect(r.top![0]!.name).toMatch(/^[A-Z]/);
    }
    const byName = Object.fromEntries(rows.map((r) => [basename(r.file), r]));
    expect(byName['notes.jpg']!.error).toMatch(/not an image file/);
    expect(byName['empty.jpg']!.error).toMatch(/empty \(0 bytes\)/);
    expect(byName['truncated.jpg']!.error).toMatch(/damaged or incomplete/);
    expect(byName['huge.png']!.error).toMatch(/too large to read safely \(8000 × 8000 pixels/);
    expect(byName['IMG_0001.heic']!.error).toMatch(/cannot decode this HEIC photo/);
    expect(byName['transparent.png']!.probs).toHaveLength(10);
    const wall = byName['wall.jpg']!;
    expect(wall.error ?? (wall.sure === false ? 'not sure' : 'sure')).toMatch(/no garment|not sure/);
    expect(out).toHaveProperty('failed', 1); // exit code 1 when any file failed
  });

  it('reads the same photo as JPEG, PNG and WebP alike', async () => {
    const jpeg = devPhotos('dress')[0]!;
    const png = join(dir, 'dress.png');
    const webp = join(dir, 'dress.webp');
    await sharp(jpeg).png().toFile(png);
    await sharp(jpeg).webp({ lossless: true }).toFile(webp);
    const rows = JSON.parse((await run('classify.ts', ['--json', jpeg, png, webp])).stdout) as Row[];
    expect(rows.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(new Set(rows.map((r) => r.top![0]!.class)).size).toBe(1);
    // WebP and JPEG shrink while decoding, PNG does not: pixels differ a little, the answer not.
    const p = rows.map((r) => r.top![0]!.p);
    expect(Math.max(...p) - Math.min(...p)).toBeLessThan(0.1);
  });

  it('prints a readable top 3 without --json and accepts folders', async () => {
    const out = await run('classify.ts', [join(ROOT, '../shared/data/clothing-photos/validation/skirt')]);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^model \S+/);
    expect(lines).toHaveLength(1 + devPhotos('skirt', 99).length);
    expect(lines[1]).toMatch(/skirt\/.+\.jpg: [\w/ -]+ \d+\.\d %, .+ %, .+ %/);
  });
});

describe('npm run classify, used wrongly', () => {
  it('names the known models in one short line for an unknown one (exit 2), before any tfjs output', async () => {
    const out = await run('classify.ts', ['--model', 'nosuch', 'x.jpg']);
    expect(out).toHaveProperty('failed', 2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim()).toBe('error: unknown model "nosuch"; known models: cnn, mlp, photo');
  });

  it('says so and fails when a folder holds no images, listing what it skipped and why', async () => {
    const folder = join(dir, 'no-images');
    mkdirSync(folder);
    writeFileSync(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(folder, 'notes.txt'), 'not a photo');
    const out = await run('classify.ts', [folder]);
    expect(out).toHaveProperty('failed', 1);
    expect(out.stdout).toMatch(/logo\.svg: skipped: SVG is a vector drawing, not a photo: export it as PNG or JPEG/);
    expect(out.stdout).toMatch(/notes\.txt: skipped: not an image file \(\.txt\)/);
    expect(out.stderr).toMatch(/^No images to classify in .*no-images \(2 other files skipped, listed above\)$/m);
  });

  it('classifies the images of a folder and lists every other file with the reason it was skipped', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    symlinkSync(devPhotos('pants')[0]!, join(folder, 'pants.jpg'));
    writeFileSync(join(folder, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(folder, '.DS_Store'), '');
    const out = await run('classify.ts', ['--json', folder]);
    expect(out).not.toHaveProperty('failed');
    const rows = JSON.parse(out.stdout) as Row[];
    expect(rows.map((r) => [basename(r.file), r.skipped ?? (r.probs ? 'classified' : r.error)])).toEqual([
      ['pants.jpg', 'classified'],
      ['.DS_Store', 'hidden file'],
      ['drawing.svg', 'SVG is a vector drawing, not a photo: export it as PNG or JPEG'],
    ]);
  });
});

describe('npm run eval:photos', () => {
  it('scores a folder laid out like the development set', async () => {
    const set = join(dir, 'set');
    for (const folder of ['pants', 'shoes', 'hat']) {
      mkdirSync(join(set, folder), { recursive: true });
      for (const p of devPhotos(folder, 2)) symlinkSync(p, join(set, folder, basename(p)));
    }
    const out = await run('eval-photos.ts', [set]);
    expect(out.stdout).toMatch(/6 photos from/);
    expect(out.stdout).toMatch(/^pants\s+2\s/m);
    expect(out.stdout).toMatch(/^hat\s+2\s+–\s+–/m);
    expect(out.stdout).toMatch(/strict\s+[\d.]+ %, coarse\s+[\d.]+ %, not sure\s+[\d.]+ % of mapped photos/);
  });
});
