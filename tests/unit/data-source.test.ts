import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dataSources,
  DEBIAN_DIR,
  downloadFashionMnist,
  FASHION_MNIST_FILES,
  readFashionMnist,
  resolveDataDir,
} from '../../scripts/lib/dataset-source';
import { fashionMnistDir } from '../helpers/require';

const realDir = fashionMnistDir();
const tempDir = () => mkdtempSync(join(tmpdir(), 'prenda-data-'));
const copyOfRealData = () => {
  const dir = tempDir();
  for (const f of readdirSync(realDir)) copyFileSync(join(realDir, f), join(dir, f));
  return dir;
};
const noDownload = async () => {
  throw new Error('download must not be attempted');
};

describe('where Fashion-MNIST comes from', () => {
  it('orders --data, FASHION_MNIST_DIR, the Debian package, then the download cache', () => {
    const sources = dataSources('/cli', { FASHION_MNIST_DIR: '/env' }, '/cache');
    expect(sources.map((s) => `${s.kind}:${s.dir}`)).toEqual([
      '--data:/cli',
      'FASHION_MNIST_DIR:/env',
      `debian:${DEBIAN_DIR}`,
      'download:/cache',
    ]);
    expect(dataSources(undefined, {}, '/cache').map((s) => s.kind)).toEqual(['debian', 'download']);
  });

  it('takes --data before the environment variable', async () => {
    const cli = copyOfRealData();
    const env = copyOfRealData();
    const chosen = await resolveDataDir(dataSources(cli, { FASHION_MNIST_DIR: env }, tempDir()), noDownload);
    expect(chosen).toEqual({ kind: '--data', dir: cli });
  });

  it('takes FASHION_MNIST_DIR before the Debian package', async () => {
    const env = copyOfRealData();
    const chosen = await resolveDataDir(dataSources(undefined, { FASHION_MNIST_DIR: env }, tempDir()), noDownload);
    expect(chosen.kind).toBe('FASHION_MNIST_DIR');
  });

  it('reports a wrong explicit folder instead of silently using another', async () => {
    const empty = tempDir();
    await expect(resolveDataDir(dataSources(empty, {}, tempDir()), noDownload)).rejects.toThrow(
      /--data .* lacks Fashion-MNIST files\. Install the Debian package \(apt-get install dataset-fashion-mnist\)/,
    );
  });

  it('downloads into the cache only when nothing else has the files, and says what to do when that fails', async () => {
    const cache = tempDir();
    const sources = [{ kind: 'download' as const, dir: cache }];
    await expect(resolveDataDir(sources, async () => Promise.reject(new Error('offline')))).rejects.toThrow(
      /download failed \(offline\)\. Install the Debian package/,
    );
  });

  it('refuses a download whose SHA-256 differs from the published one', async () => {
    const cache = tempDir();
    const fakeFetch = (async () => new Response(new Uint8Array([1, 2, 3]))) as typeof fetch;
    await expect(downloadFashionMnist(cache, 'http://mirror.invalid/', fakeFetch)).rejects.toThrow(
      /train-images-idx3-ubyte.gz: SHA-256 [0-9a-f]{64} does not match the published b0564c3e/,
    );
    expect(readdirSync(cache)).toEqual([]);
  });

  it('keeps a download whose bytes match the published checksums', async () => {
    const cache = tempDir();
    const served: string[] = [];
    const fromRealFiles = (async (url: string) => {
      const name = String(url).split('/').pop()!;
      served.push(name);
      const { readFileSync } = await import('node:fs');
      return new Response(readFileSync(join(realDir, name)));
    }) as typeof fetch;
    await downloadFashionMnist(cache, 'http://mirror.invalid/', fromRealFiles);
    expect(served.sort()).toEqual(
      Object.values(FASHION_MNIST_FILES)
        .map((f) => `${f.name}.gz`)
        .sort(),
    );
    const data = readFashionMnist({ kind: 'download', dir: cache });
    expect(data.train.count).toBe(60000);
  });

  it('reads the real dataset: 60,000 + 10,000 images with the published checksums', () => {
    const data = readFashionMnist({ kind: 'debian', dir: realDir });
    expect(data.train.count).toBe(60000);
    expect(data.test.count).toBe(10000);
    expect(data.sha256['t10k-labels-idx1-ubyte.gz']).toBe(FASHION_MNIST_FILES.testLabels.sha256);
    const counts = new Array(10).fill(0);
    data.test.labels.forEach((l) => counts[l]++);
    expect(counts).toEqual(new Array(10).fill(1000));
  });

  it('refuses a corrupt file with its name', async () => {
    const dir = copyOfRealData();
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), 'not a dataset');
    expect(() => readFashionMnist({ kind: '--data', dir })).toThrow(/t10k-labels-idx1-ubyte.gz: wrong magic number/);
  });
});
