import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImageSet } from '../../src/core/dataset';
import { argmaxRows, cellIndices, pageOf, TEST_SET_FILES } from '../../src/core/test-set';
import { FASHION_MNIST_FILES, readFashionMnist } from '../../scripts/lib/dataset-source';
import { fashionMnistDir } from '../helpers/require';

const read = (name: string) => new Uint8Array(readFileSync(join('public/data', name)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the test set shipped in public/data', () => {
  it('is byte for byte the official gzip release', () => {
    expect(sha256(read(TEST_SET_FILES.images))).toBe(FASHION_MNIST_FILES.testImages.sha256);
    expect(sha256(read(TEST_SET_FILES.labels))).toBe(FASHION_MNIST_FILES.testLabels.sha256);
  });

  it('parses (as the browser does) into the same 10,000 images and labels as the dataset', () => {
    const set = decodeImageSet(
      read(TEST_SET_FILES.images),
      TEST_SET_FILES.images,
      read(TEST_SET_FILES.labels),
      TEST_SET_FILES.labels,
    );
    const reference = readFashionMnist({ kind: 'debian', dir: fashionMnistDir() }).test;
    expect(set.count).toBe(TEST_SET_FILES.count);
    expect(Buffer.from(set.labels).equals(Buffer.from(reference.labels))).toBe(true);
    expect(Buffer.from(set.images).equals(Buffer.from(reference.images))).toBe(true);
  });
});

describe('evaluation helpers', () => {
  it('pick the images of one confusion-matrix cell, in order', () => {
    expect(cellIndices([6, 0, 6, 6, 1], [0, 0, 6, 0, 1], 6, 0)).toEqual([0, 3]);
    expect(cellIndices([1, 2], [2, 1], 0, 0)).toEqual([]);
  });

  it('take the argmax of each row of ten probabilities', () => {
    const probs = new Float32Array(20);
    probs[3] = 0.9;
    probs[10 + 9] = 0.6;
    probs[10 + 2] = 0.4;
    expect([...argmaxRows(probs)]).toEqual([3, 9]);
  });

  it('paginate with clamped pages', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(pageOf(items, 0, 24)).toEqual({ items: items.slice(0, 24), pages: 3 });
    expect(pageOf(items, 2, 24).items).toEqual([48, 49]);
    expect(pageOf(items, 9, 24).items).toEqual([48, 49]);
    expect(pageOf([], 0, 24)).toEqual({ items: [], pages: 1 });
  });
});
