import { NUM_CLASSES } from '../classes';
import type { VersionMeta } from './retrain-store';
import type { Sample } from './samples';
import { BUNDLE_FILES } from './bundle-files';
import { samplesFileSchema, versionMetaSchema } from './bundle-schema';
import { ImportError } from './import-error';
import { modelParts, parseModelJson, utf8, type CheckedModelParts } from './read-model';
import { BUNDLE_ZIP_LIMITS, unzipCapped, type ZipLimits } from './safe-unzip';
import { parseJson, parseOrThrow } from './schema-text';

/** What a bundle holds once checked: the model's parts, its metadata and the samples. */
export interface DecodedBundle extends CheckedModelParts {
  meta: VersionMeta;
  samples: Sample[];
}

/** What a bundle is checked against. */
export interface BundleOptions {
  /** Classes the app knows: sample labels must be below it (or below the version's own count). */
  classes: number;
  limits: ZipLimits;
}

/**
 * Reads and checks a Prenda .zip completely before anything is stored: capped inflation, every
 * JSON file against its schema, the weights' exact byte length and finite values, the samples'
 * pixels. Pure (runs in a worker or in Node); throws {@link ImportError} naming the file at fault.
 */
export function readBundle(zip: Uint8Array, options: Partial<BundleOptions> = {}): DecodedBundle {
  const { classes: known = NUM_CLASSES, limits = BUNDLE_ZIP_LIMITS } = options;
  const wanted = new Set<string>(Object.values(BUNDLE_FILES));
  const files = unzipCapped(zip, (name) => wanted.has(name), limits);
  const missing = Object.values(BUNDLE_FILES).filter((name) => !files.has(name));
  if (missing.length > 0)
    throw new ImportError(
      'missing-file',
      missing[0]!,
      `is missing from the zip (a Prenda export holds ${Object.values(BUNDLE_FILES).join(', ')})`,
    );
  const json = (name: string): unknown => parseJson(utf8(files.get(name)!, name), name);

  const model = parseModelJson(utf8(files.get(BUNDLE_FILES.model)!, BUNDLE_FILES.model), BUNDLE_FILES.model);
  const paths = model.weightsManifest.flatMap((g) => g.paths);
  if (paths.length !== 1 || paths[0] !== BUNDLE_FILES.weights)
    throw new ImportError(
      'invalid',
      BUNDLE_FILES.model,
      `names weight files ${JSON.stringify(paths)}; a Prenda export has ["${BUNDLE_FILES.weights}"]`,
    );
  const parts = modelParts(model, BUNDLE_FILES.model, [
    { name: BUNDLE_FILES.weights, bytes: files.get(BUNDLE_FILES.weights)! },
  ]);
  const meta: VersionMeta = parseOrThrow(versionMetaSchema, json(BUNDLE_FILES.meta), BUNDLE_FILES.meta);
  // A version with user classes labels its samples up to its own class count.
  const classes = Math.max(known, NUM_CLASSES + (meta.classes?.length ?? 0));
  const { samples } = parseOrThrow(samplesFileSchema(classes), json(BUNDLE_FILES.samples), BUNDLE_FILES.samples);
  return { ...parts, meta, samples };
}
