import { existsSync } from 'node:fs';
import { DEBIAN_DIR, hasAllFiles } from '../../scripts/lib/dataset-source';

/** Directory with the real Fashion-MNIST, or a failing test's message when it is missing. */
export function fashionMnistDir(): string {
  const dir = process.env.FASHION_MNIST_DIR ?? DEBIAN_DIR;
  if (!existsSync(dir) || !hasAllFiles(dir)) {
    // Never skip: a missing dataset is a broken machine, in CI and locally alike.
    throw new Error(
      `Fashion-MNIST not found in ${dir}: apt-get install dataset-fashion-mnist or set FASHION_MNIST_DIR`,
    );
  }
  return dir;
}
