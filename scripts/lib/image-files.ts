import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Extensions the photo pipeline decodes (HEIC is tried, and explained when it fails). */
export const IMAGE_EXTENSION = /\.(jpe?g|png|webp|gif|avif|bmp|tiff?|heic|heif)$/i;

/** A file a folder held that is not classified, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Why a file found in a folder is not a photo to classify. */
export function skipReason(name: string): string {
  const ext = extname(name).toLowerCase();
  if (ext === '.svg') return 'SVG is a vector drawing, not a photo: export it as PNG or JPEG';
  if (name.split('/').pop()!.startsWith('.')) return 'hidden file';
  return ext ? `not an image file (${ext})` : 'not an image file (no extension)';
}

/**
 * The image files named on the command line, folders expanded recursively (sorted), and every
 * other file met in those folders with the reason it is skipped. Named files are kept as given:
 * a missing or non-image one gets its own error when read.
 */
export function listImages(paths: readonly string[]): { files: string[]; skipped: SkippedFile[] } {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of paths) {
    if (existsSync(path) && statSync(path).isDirectory()) {
      const found = readdirSync(path, { recursive: true, encoding: 'utf8' }).sort();
      for (const name of found) {
        const file = join(path, name);
        if (statSync(file).isDirectory()) continue;
        if (IMAGE_EXTENSION.test(name)) files.push(file);
        else skipped.push({ file, reason: skipReason(name) });
      }
    } else files.push(path);
  }
  return { files, skipped };
}
