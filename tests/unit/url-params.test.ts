import { describe, expect, it } from 'vitest';
import { BACKENDS, langFor, parseUrlParams } from '../../src/core/url-params';
import { chainFrom, nextBackend } from '../../src/ml/backend';

describe('URL parameters (docs/ui-contract.md)', () => {
  it('reads backend, lang and model', () => {
    expect(parseUrlParams('?backend=wasm&lang=en&model=cnn')).toEqual({ backend: 'wasm', lang: 'en', model: 'cnn' });
  });

  it('ignores unknown values', () => {
    expect(parseUrlParams('?backend=metal&lang=fr&model=&safe=yes')).toEqual({});
  });

  it('reads the safe start, ?safe=1', () => {
    expect(parseUrlParams('?safe=1&model=mlp')).toEqual({ safe: true, model: 'mlp' });
  });

  it('reads ?worker=0 (classify on the page) and ignores other values', () => {
    expect(parseUrlParams('?worker=0')).toEqual({ worker: false });
    expect(parseUrlParams('?worker=1&worker=no')).toEqual({});
  });

  it('picks Spanish for es-* devices, English otherwise, and lets ?lang= override', () => {
    expect(langFor('es-ES')).toBe('es');
    expect(langFor('es')).toBe('es');
    expect(langFor('en-GB')).toBe('en');
    expect(langFor('pt-BR')).toBe('en');
    expect(langFor(undefined)).toBe('en');
    expect(langFor('es-MX', 'en')).toBe('en');
  });
});

describe('backend chain', () => {
  it('goes webgpu → webgl → wasm → cpu, starting where asked', () => {
    expect(BACKENDS).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(chainFrom()).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(chainFrom('wasm')).toEqual(['wasm', 'cpu']);
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('cpu')).toBeUndefined();
  });
});
