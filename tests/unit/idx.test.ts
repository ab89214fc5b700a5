import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { encodeIdx, IdxFormatError, parseIdx } from '../../src/core/idx';
import { decodeImageSet } from '../../src/core/dataset';

const images = encodeIdx(
  [2, 28, 28],
  new Uint8Array(2 * 784).map((_, i) => i % 256),
);
const labels = encodeIdx([2], new Uint8Array([3, 9]));

describe('parseIdx', () => {
  it('reads dimensions and data of a raw file', () => {
    const idx = parseIdx(images, 'imgs', 3);
    expect(idx.dims).toEqual([2, 28, 28]);
    expect(idx.data.length).toBe(2 * 784);
    expect(idx.data[300]).toBe(300 % 256);
  });

  it('reads the same from a gzip file', () => {
    const idx = parseIdx(gzipSync(images), 'imgs.gz', 3);
    expect(idx.dims).toEqual([2, 28, 28]);
    expect(Array.from(idx.data.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a truncated file, naming the file and the shortfall', () => {
    expect(() => parseIdx(images.subarray(0, images.length - 10), 'train-images', 3)).toThrow(
      /train-images: truncated: header 2×28×28 needs 1568 bytes of data, found 1558/,
    );
  });

  it('refuses a truncated gzip stream', () => {
    const gz = gzipSync(images);
    expect(() => parseIdx(gz.subarray(0, gz.length / 2), 'x.gz')).toThrow(IdxFormatError);
  });

  it('refuses a wrong magic number', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    expect(() => parseIdx(png, 'photo.png')).toThrow(/photo.png: wrong magic number 0x89504e47/);
  });

  it('refuses a non-byte data type and a swapped file', () => {
    const floats = images.slice();
    floats[2] = 0x0d;
    expect(() => parseIdx(floats, 'f')).toThrow(/not unsigned byte/);
    expect(() => parseIdx(labels, 'labels', 3)).toThrow(/labels: rank 1, expected 3/);
  });

  it('refuses trailing garbage and a header-only stub', () => {
    const longer = new Uint8Array(labels.length + 3);
    longer.set(labels);
    expect(() => parseIdx(longer, 'l')).toThrow(/3 unexpected bytes/);
    expect(() => parseIdx(new Uint8Array([0, 0]), 'stub')).toThrow(/too short/);
  });
});

describe('decodeImageSet', () => {
  it('pairs images with labels', () => {
    const set = decodeImageSet(images, 'i', labels, 'l');
    expect(set.count).toBe(2);
    expect(Array.from(set.labels)).toEqual([3, 9]);
  });

  it('refuses mismatched counts and labels outside 0–9', () => {
    expect(() => decodeImageSet(images, 'i', encodeIdx([3], new Uint8Array(3)), 'l3')).toThrow(
      /l3: 3 labels for 2 images/,
    );
    expect(() => decodeImageSet(images, 'i', encodeIdx([2], new Uint8Array([1, 12])), 'bad')).toThrow(/label 12/);
  });
});
