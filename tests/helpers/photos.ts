import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The development photos (data/clothing-photos), next to the repository. */
export const PHOTOS_DIR = resolve(import.meta.dirname, '../../../shared/data/clothing-photos');

/** The first `n` validation photos of `folder`; fails (never skips) when the set is missing. */
export function devPhotos(folder: string, n = 1): string[] {
  const dir = join(PHOTOS_DIR, 'validation', folder);
  if (!existsSync(dir)) throw new Error(`Development photos not found in ${dir} (see data/clothing-photos/README.md)`);
  return readdirSync(dir)
    .sort()
    .slice(0, n)
    .map((f) => join(dir, f));
}
