import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputShapeOf, layerTable, windowOutput } from '../../src/core/lab/layer-params';
import { formatArithmetic, wordsFor } from '../../src/features/lab/layer-words';
import { checkManifest } from '../../src/core/manifest';
import { buildModel } from '../../src/ml/models';
import { initNodeBackend } from '../../scripts/lib/tf-node';

const MODELS = 'public/models';
const manifest = checkManifest(JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')));
const modelJson = (file: string): unknown => JSON.parse(readFileSync(join(MODELS, file), 'utf8'));

describe('layerTable', () => {
  beforeAll(() => initNodeBackend('cpu'));

  it('does the workshop mlp arithmetic: 784×128+128 = 100,480 and 128×10+10 = 1,290', () => {
    const layers = layerTable(modelJson('mlp/model.json'));
    expect(layers.map((l) => [l.kind, l.outputShape, l.parameters])).toEqual([
      ['Flatten', [784], 0],
      ['Dense', [128], 100480],
      ['Dense', [10], 1290],
    ]);
    expect(layers.map((l) => formatArithmetic(l))).toEqual(['0', '784×128 + 128 = 100,480', '128×10 + 10 = 1,290']);
    expect(formatArithmetic(layers[1]!, 'es')).toBe('784×128 + 128 = 100.480');
    expect(layers.map((l) => l.activation)).toEqual([undefined, 'relu', 'softmax']);
    expect(inputShapeOf(modelJson('mlp/model.json'))).toEqual([28, 28]);
  });

  it('matches the manifest parameter count of every shipped model', () => {
    for (const m of manifest.models) {
      const total = layerTable(modelJson(m.file)).reduce((a, l) => a + l.parameters, 0);
      expect(total, m.id).toBe(m.parameters);
    }
  });

  it('matches tfjs layer by layer for the cnn (k×k×in×out + out) and a 500-unit mlp', () => {
    for (const model of [buildModel('cnn', { seed: 1 }), buildModel('mlp', { hidden: 500, seed: 1 })]) {
      const layers = layerTable({ modelTopology: model.toJSON(null, false) });
      expect(layers.map((l) => l.parameters)).toEqual(model.layers.map((l) => l.countParams()));
      expect(layers.map((l) => l.outputShape)).toEqual(model.layers.map((l) => (l.outputShape as number[]).slice(1)));
      model.dispose();
    }
    // The conv arithmetic k×k×in×out + out, against the kernels tfjs actually allocates.
    const model = buildModel('cnn', { seed: 1 });
    const conv = layerTable({ modelTopology: model.toJSON(null, false) }).filter((l) => l.kind === 'Conv2D');
    const kernels = model.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => l.getWeights()[0]!.shape);
    expect(conv.map((l) => formatArithmetic(l))).toEqual(
      kernels.map(([kh, kw, cin, cout]) => {
        const n = kh! * kw! * cin! * cout! + cout!;
        return `${kh}×${kw}×${cin}×${cout} + ${cout} = ${n.toLocaleString('en')}`;
      }),
    );
    expect(wordsFor(layerTable({ modelTopology: model.toJSON(null, false) }))).toEqual(
      expect.arrayContaining(['Conv2D', 'relu', 'MaxPooling2D', 'Flatten', 'Dense', 'softmax']),
    );
    model.dispose();
  });

  it('writes a convolution as k×k×in×out + out', () => {
    const conv = {
      class_name: 'Sequential',
      config: {
        layers: [
          {
            class_name: 'Conv2D',
            config: {
              batch_input_shape: [null, 28, 28, 1],
              filters: 16,
              kernel_size: [3, 3],
              padding: 'same',
              activation: 'relu',
            },
          },
          { class_name: 'MaxPooling2D', config: { pool_size: [2, 2] } },
          { class_name: 'Conv2D', config: { filters: 32, kernel_size: 3, padding: 'valid', activation: 'relu' } },
        ],
      },
    };
    const layers = layerTable(conv);
    expect(layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 16],
      [14, 14, 16],
      [12, 12, 32],
    ]);
    expect(layers.map((l) => formatArithmetic(l))).toEqual(['3×3×1×16 + 16 = 160', '0', '3×3×16×32 + 32 = 4,640']);
  });

  it('computes window outputs for same and valid padding', () => {
    expect(windowOutput(28, 3, 1, 'same')).toBe(28);
    expect(windowOutput(7, 3, 1, 'valid')).toBe(5);
    expect(windowOutput(28, 2, 2, 'valid')).toBe(14);
    expect(windowOutput(7, 2, 2, 'same')).toBe(4);
  });

  it('rejects what it cannot explain, by name', () => {
    expect(() => layerTable({ modelTopology: { class_name: 'Model', config: {} } })).toThrow(/Sequential/);
    const odd = {
      class_name: 'Sequential',
      config: { layers: [{ class_name: 'LSTM', config: { batch_input_shape: [null, 3] } }] },
    };
    expect(() => layerTable(odd)).toThrow(/LSTM/);
  });
});
