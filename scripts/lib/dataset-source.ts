import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeImageSet, type LabelledImages } from '../../src/core/dataset';

/** The four files of Fashion-MNIST with the SHA-256 of their official .gz releases. */
export const FASHION_MNIST_FILES = {
  trainImages: {
    name: 'train-images-idx3-ubyte',
    sha256: 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7',
  },
  trainLabels: {
    name: 'train-labels-idx1-ubyte',
    sha256: '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056',
  },
  testImages: {
    name: 't10k-images-idx3-ubyte',
    sha256: 'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa',
  },
  testLabels: {
    name: 't10k-labels-idx1-ubyte',
    sha256: '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05',
  },
} as const;

/** Where Debian's `dataset-fashion-mnist` package installs the files. */
export const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

/** The dataset's official mirror (Zalando Research). */
export const OFFICIAL_MIRROR = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';

/** Default download cache. */
export const DEFAULT_CACHE_DIR = join(homedir(), '.cache', 'prenda', 'fashion-mnist');

/** Train and test sets plus the checksums of the files read. */
export interface FashionMnist {
  train: LabelledImages;
  test: LabelledImages;
  dir: string;
  source: DataSource['kind'];
  sha256: Record<string, string>;
}

/** One place the data may come from, in priority order. */
export interface DataSource {
  kind: '--data' | 'FASHION_MNIST_DIR' | 'debian' | 'download';
  dir: string;
}

/** The ordered candidates: `--data DIR`, env FASHION_MNIST_DIR, the Debian package, the download cache. */
export function dataSources(
  cliDir: string | undefined,
  env: NodeJS.ProcessEnv,
  cacheDir = DEFAULT_CACHE_DIR,
): DataSource[] {
  const sources: DataSource[] = [];
  if (cliDir) sources.push({ kind: '--data', dir: cliDir });
  if (env.FASHION_MNIST_DIR) sources.push({ kind: 'FASHION_MNIST_DIR', dir: env.FASHION_MNIST_DIR });
  sources.push({ kind: 'debian', dir: DEBIAN_DIR }, { kind: 'download', dir: cacheDir });
  return sources;
}

/** Path of `name` in `dir`, gzip or raw, or undefined. */
export function findFile(dir: string, name: string): string | undefined {
  return [`${name}.gz`, name].map((f) => join(dir, f)).find((p) => existsSync(p));
}

/** True when all four files are in `dir`. */
export function hasAllFiles(dir: string): boolean {
  return Object.values(FASHION_MNIST_FILES).every((f) => findFile(dir, f.name) !== undefined);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Downloads the four .gz files into `dir`, verifying each SHA-256 before keeping it. */
export async function downloadFashionMnist(
  dir: string,
  mirror = OFFICIAL_MIRROR,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const file of Object.values(FASHION_MNIST_FILES)) {
    const target = join(dir, `${file.name}.gz`);
    if (existsSync(target)) continue;
    const response = await fetchImpl(`${mirror}${file.name}.gz`);
    if (!response.ok) throw new Error(`Download of ${file.name}.gz failed: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = sha256(bytes);
    if (digest !== file.sha256)
      throw new Error(`${file.name}.gz: SHA-256 ${digest} does not match the published ${file.sha256}`);
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
  }
}

const HOW_TO_GET =
  'Install the Debian package (apt-get install dataset-fashion-mnist), pass --data DIR or set FASHION_MNIST_DIR ' +
  'to a folder with train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz), t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz).';

/** Picks the first source that has the files (downloading into the cache as a last resort). */
export async function resolveDataDir(
  sources: DataSource[],
  download: (dir: string) => Promise<void> = (dir) => downloadFashionMnist(dir),
): Promise<DataSource> {
  for (const source of sources) {
    if (source.kind === '--data' || source.kind === 'FASHION_MNIST_DIR') {
      // An explicit choice that is wrong is an error, not a reason to look elsewhere.
      if (!hasAllFiles(source.dir))
        throw new Error(`${source.kind} ${source.dir} lacks Fashion-MNIST files. ${HOW_TO_GET}`);
      return source;
    }
    if (hasAllFiles(source.dir)) return source;
    if (source.kind === 'download') {
      try {
        await download(source.dir);
        return source;
      } catch (err) {
        throw new Error(`Fashion-MNIST not found and the download failed (${(err as Error).message}). ${HOW_TO_GET}`, {
          cause: err,
        });
      }
    }
  }
  throw new Error(`Fashion-MNIST not found. ${HOW_TO_GET}`);
}

/** Reads and checks the train and test sets from `source`. */
export function readFashionMnist(source: DataSource): FashionMnist {
  const checksums: Record<string, string> = {};
  const read = (name: string) => {
    const path = findFile(source.dir, name)!;
    const bytes = new Uint8Array(readFileSync(path));
    checksums[path.split('/').pop()!] = sha256(bytes);
    return { bytes, path };
  };
  const set = (images: string, labels: string) => {
    const i = read(images);
    const l = read(labels);
    return decodeImageSet(i.bytes, i.path, l.bytes, l.path);
  };
  const F = FASHION_MNIST_FILES;
  const train = set(F.trainImages.name, F.trainLabels.name);
  const test = set(F.testImages.name, F.testLabels.name);
  return { train, test, dir: source.dir, source: source.kind, sha256: checksums };
}

/** Finds and loads Fashion-MNIST following the documented order. */
export async function loadFashionMnist(cliDir?: string, env: NodeJS.ProcessEnv = process.env): Promise<FashionMnist> {
  return readFashionMnist(await resolveDataDir(dataSources(cliDir, env)));
}
