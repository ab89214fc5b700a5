import * as v from 'valibot';
import { modelJsonSchema, type WeightSpec } from './bundle-schema';
import { ImportError } from './import-error';
import { parseJson, parseOrThrow } from './schema-text';
import { checkWeightData } from './weight-bytes';

/** A file as the user chose it, or as a zip entry. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** A layers model's parts, checked: topology, weight specs and exactly the bytes they describe. */
export interface CheckedModelParts {
  topology: object;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

/** A parsed and checked model.json. */
export type ModelJson = v.InferOutput<typeof modelJsonSchema>;

/** UTF-8 text of a file; bytes that are not UTF-8 are refused as not JSON. */
export function utf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('not-json', file, 'is not text (binary or not UTF-8), so not JSON');
  }
}

/** Parses model.json text: a tfjs layers model (graph models and other formats are refused by name). */
export function parseModelJson(text: string, file: string): ModelJson {
  const json = parseJson(text, file) as { format?: unknown; modelTopology?: { node?: unknown } } | null;
  const format = json?.format;
  if (format === 'graph-model' || Array.isArray(json?.modelTopology?.node))
    throw new ImportError(
      'model',
      file,
      'is a tfjs graph model; Prenda reads layers models ("format": "layers-model")',
    );
  if (format !== undefined && format !== 'layers-model')
    throw new ImportError('model', file, `has format ${JSON.stringify(format)}; Prenda reads "layers-model"`);
  return parseOrThrow(modelJsonSchema, json, file);
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** One buffer holding `parts` end to end (a fresh buffer, never a view of a larger one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Checks a parsed model.json against its weight files (matched by base name, as tfjs does): every
 * file it names is there, no other file is, each group's bytes are exactly what its specs need
 * and finite. Returns the model's parts with the weights in manifest order.
 */
export function modelParts(model: ModelJson, jsonName: string, weightFiles: readonly NamedBytes[]): CheckedModelParts {
  const byName = new Map(weightFiles.map((f) => [baseName(f.name), f.bytes]));
  const used = new Set<string>();
  const groups = model.weightsManifest.map((group) => {
    const names = group.paths.map(baseName);
    const data = concatBytes(
      names.map((name) => {
        const bytes = byName.get(name);
        if (!bytes)
          throw new ImportError(
            'missing-file',
            name,
            `is missing: ${jsonName} needs it (choose it together with ${jsonName})`,
          );
        used.add(name);
        return bytes;
      }),
    );
    checkWeightData(group.weights, data, names.join(' + ') || `${jsonName} (a weight group without files)`);
    return data;
  });
  const extra = [...byName.keys()].find((name) => !used.has(name));
  if (extra !== undefined)
    throw new ImportError('unexpected-file', extra, `is not one of the weight files ${jsonName} names`);
  return {
    topology: model.modelTopology,
    weightSpecs: model.weightsManifest.flatMap((g) => g.weights),
    weightData: concatBytes(groups).buffer,
  };
}

/** Reads a model the user chose as files: one model.json and the weight files it names, nothing else. */
export function readLayersModel(files: readonly NamedBytes[]): CheckedModelParts {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length !== 1)
    throw new ImportError(
      jsons.length === 0 ? 'missing-file' : 'unexpected-file',
      'model.json',
      jsons.length === 0 ? 'choose a model.json together with its weight files' : 'choose one model.json at a time',
    );
  const json = jsons[0]!;
  const model = parseModelJson(utf8(json.bytes, json.name), json.name);
  return modelParts(
    model,
    json.name,
    files.filter((f) => f !== json),
  );
}
