// Every imported file is checked completely before anything is stored (issue 12, problems 1, 3, 5).
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../src/core/retrain/bundle';
import { ImportError } from '../../src/core/retrain/import-error';
import { readBundle } from '../../src/core/retrain/read-bundle';
import { readLayersModel } from '../../src/core/retrain/read-model';
import { checkWeightData, totalWeightBytes } from '../../src/core/retrain/weight-bytes';
import type { WeightSpec } from '../../src/core/retrain/bundle-schema';
import { bundleEntries, mlpSlot, sample, shippedMlp, shippedMlpFiles, zipOf } from '../helpers/bundles';

/** The ImportError `run` throws (fails the test when it throws nothing or something else). */
function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError, nothing was thrown');
}

const withEntry = (name: string, value: Uint8Array | string) => zipOf({ ...bundleEntries(), [name]: value });
const json = (value: unknown) => JSON.stringify(value);
const meta = () => JSON.parse(new TextDecoder().decode(bundleEntries()['meta.json'])) as Record<string, unknown>;

describe('a Prenda bundle (.zip)', () => {
  it('reads back what the app exports: meta, samples and exact weights', () => {
    const slot = mlpSlot();
    const back = readBundle(encodeBundle(slot, [sample('s1'), sample('s2', 3)]));
    expect(back.meta).toEqual(slot.meta);
    expect(back.samples.map((s) => [s.id, s.label, s.pixels.length, s.thumb?.length])).toEqual([
      ['s1', 8, 784, 2304],
      ['s2', 3, 784, 2304],
    ]);
    expect(Buffer.from(back.weightData).equals(Buffer.from(slot.weightData))).toBe(true);
    expect(decodeBundle(encodeBundle(slot, [])).samples).toEqual([]); // the app's import path uses the same checks
  });

  it('refuses a minimal meta.json ({id, createdAt}) and wrong types, naming the field', () => {
    const minimal = refusal(() => readBundle(withEntry('meta.json', json({ id: 'v1', createdAt: 5 }))));
    expect(minimal.problem).toBe('invalid');
    expect(minimal.message).toMatch(/^meta\.json: source is missing; baseModelId is missing; samples is missing/);
    const wrong = refusal(() => readBundle(withEntry('meta.json', json({ ...meta(), createdAt: 'yesterday' }))));
    expect(wrong.message).toBe('meta.json: createdAt must be a number (got "yesterday")');
    const nested = refusal(() =>
      readBundle(withEntry('meta.json', json({ ...meta(), after: { user: 2, test: 0.5 } }))),
    );
    expect(nested.message).toBe('meta.json: after.user must be ≤ 1 (got 2)');
    expect(refusal(() => readBundle(withEntry('meta.json', 'null'))).message).toBe(
      'meta.json: the file must be an object (got null)',
    );
  });

  it('says which file is not JSON', () => {
    const bad = refusal(() => readBundle(withEntry('model.json', '{"format": "layers-model", ')));
    expect(bad.problem).toBe('not-json');
    expect(bad.message).toMatch(/^model\.json: is not valid JSON \(/);
    expect(refusal(() => readBundle(withEntry('samples.json', new Uint8Array([0xff, 0xfe, 0])))).message).toMatch(
      /^samples\.json: is not text/,
    );
  });

  it('refuses weights a byte too long or too short, and NaN weights', () => {
    const { weights } = shippedMlp();
    const long = new Uint8Array(weights.length + 4096);
    long.set(weights);
    const tooLong = refusal(() => readBundle(withEntry('weights.bin', long)));
    expect(tooLong.problem).toBe('weights');
    expect(tooLong.message).toBe(
      'weights.bin: 4,096 bytes too long: the weights need 407,080 bytes, the file has 411,176',
    );
    expect(refusal(() => readBundle(withEntry('weights.bin', weights.subarray(0, -1)))).message).toMatch(
      /1 bytes too short/,
    );
    const nan = weights.slice();
    new DataView(nan.buffer).setFloat32(784 * 128 * 4 + 8, Number.NaN, true); // bias 2 of the first layer
    expect(refusal(() => readBundle(withEntry('weights.bin', nan))).message).toBe(
      'weights.bin: weight dense_Dense1/bias holds a NaN or infinite value (at index 2)',
    );
  });

  it('refuses a bundle with a file missing, or whose model.json names other weight files', () => {
    const entries = bundleEntries();
    delete entries['samples.json'];
    const missing = refusal(() => readBundle(zipOf(entries)));
    expect([missing.problem, missing.file]).toEqual(['missing-file', 'samples.json']);
    const model = { ...shippedMlp().model };
    expect(refusal(() => readBundle(withEntry('model.json', json(model)))).message).toMatch(
      /names weight files \["group1-shard1of1\.bin"\]; a Prenda export has \["weights\.bin"\]/,
    );
  });

  it('checks every sample: pixels, thumbnail, label below the class count, unique ids', () => {
    const file = (samples: unknown[]) => withEntry('samples.json', json({ version: 1, samples }));
    const row = { id: 's', label: 1, createdAt: 1, pixels: Buffer.alloc(784).toString('base64'), thumb: null };
    expect(readBundle(file([row])).samples).toHaveLength(1);
    expect(refusal(() => readBundle(file([{ ...row, pixels: 'AAAA' }]))).message).toBe(
      'samples.json: samples.0.pixels must hold 784 bytes, holds 3',
    );
    expect(refusal(() => readBundle(file([{ ...row, pixels: '%%%' }]))).message).toMatch(/pixels is not base64 text/);
    expect(refusal(() => readBundle(file([row, { ...row, id: 't', label: 10 }]))).message).toBe(
      'samples.json: samples.1.label must be ≤ 9 (got 10)',
    );
    expect(readBundle(file([{ ...row, label: 10 }]), { classes: 11 }).samples[0]!.label).toBe(10);
    expect(refusal(() => readBundle(file([row, row]))).message).toBe(
      'samples.json: samples must not name a sample id twice',
    );
  });
});

describe('a plain tfjs model (model.json + weight files)', () => {
  const files = () => {
    const { json, weights } = shippedMlp();
    return [
      { name: 'model.json', bytes: strToU8(json) },
      { name: 'group1-shard1of1.bin', bytes: weights },
    ];
  };

  it('reads the shipped mlp: weights in manifest order, exactly its bytes', () => {
    const shipped = shippedMlpFiles(); // as on disk: 8-bit weights
    const parts = readLayersModel([
      { name: 'model.json', bytes: strToU8(shipped.json) },
      { name: 'group1-shard1of1.bin', bytes: shipped.weights },
    ]);
    expect(parts.weightSpecs.map((s) => s.name)).toEqual([
      'dense_Dense1/kernel',
      'dense_Dense1/bias',
      'dense_Dense2/kernel',
      'dense_Dense2/bias',
    ]);
    expect(parts.weightData.byteLength).toBe(shipped.weights.byteLength);
    expect(parts.weightData.byteLength).toBe(101_770); // one byte per parameter
  });

  it('refuses a model.json without its weight file, and a file it does not name', () => {
    const alone = refusal(() => readLayersModel(files().slice(0, 1)));
    expect(alone.problem).toBe('missing-file');
    expect(alone.message).toBe(
      'group1-shard1of1.bin: is missing: model.json needs it (choose it together with model.json)',
    );
    const extra = refusal(() => readLayersModel([...files(), { name: 'notes.bin', bytes: new Uint8Array(3) }]));
    expect([extra.problem, extra.file]).toEqual(['unexpected-file', 'notes.bin']);
  });

  it('gives a clear message for a model.json that is not JSON, or not a layers model', () => {
    const broken = refusal(() => readLayersModel([{ name: 'model.json', bytes: strToU8('<html>oops</html>') }]));
    expect(broken.message).toMatch(/^model\.json: is not valid JSON \(Unexpected token/);
    const graph = refusal(() =>
      readLayersModel([
        { name: 'model.json', bytes: strToU8(json({ format: 'graph-model', modelTopology: { node: [] } })) },
      ]),
    );
    expect(graph.message).toMatch(/graph model; Prenda reads layers models/);
    const noTopology = refusal(() =>
      readLayersModel([{ name: 'model.json', bytes: strToU8(json({ weightsManifest: [] })) }]),
    );
    expect(noTopology.message).toMatch(/^model\.json: modelTopology/);
    expect(refusal(() => readLayersModel([])).problem).toBe('missing-file');
  });
});

describe('weight byte lengths', () => {
  const specs: WeightSpec[] = [
    { name: 'k', shape: [5, 3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.01, min: -1 } },
    { name: 'b', shape: [3], dtype: 'float32', quantization: { dtype: 'float16' } },
    { name: 'n', shape: [2], dtype: 'int32' },
    { name: 'm', shape: [3], dtype: 'bool' },
  ];

  it('counts quantized weights at their stored size (uint8 1 byte, float16 2) and refuses one byte more', () => {
    expect(totalWeightBytes(specs)).toBe(15 + 6 + 8 + 3);
    expect(() => checkWeightData(specs, new Uint8Array(32), 'w.bin')).not.toThrow();
    expect(() => checkWeightData(specs, new Uint8Array(33), 'w.bin')).toThrow(/1 bytes too long/);
  });

  it('finds a float16 infinity or NaN (all-ones exponent), wherever the weight starts', () => {
    const data = new Uint8Array(32);
    data[15 + 2] = 0x00;
    data[15 + 3] = 0x7c; // second half float, little-endian 0x7c00 = +Infinity, at an odd offset
    expect(() => checkWeightData(specs, data, 'w.bin')).toThrow(
      'w.bin: weight b holds a NaN or infinite value (at index 1)',
    );
  });

  it('requires scale and min for uint8/uint16 quantization', () => {
    const model = shippedMlp().model as { weightsManifest: { weights: Record<string, unknown>[] }[] };
    model.weightsManifest[0]!.weights[1]!.quantization = { dtype: 'uint8' };
    const bad = refusal(() => readLayersModel([{ name: 'model.json', bytes: strToU8(json(model)) }]));
    expect(bad.message).toMatch(/weightsManifest\.0\.weights\.1\.quantization\.scale is missing/);
  });
});
