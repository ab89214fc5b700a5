import { describe, expect, it } from 'vitest';
import { augmentImage } from '../../src/core/augment';

const image = Float32Array.from({ length: 784 }, (_, i) => (i % 28 < 5 ? 1 : 0)); // a bar on the left
const constant = (value: number) => () => value;

describe('augmentImage (training-time shifts and flips)', () => {
  it('with no shift and no flip copies the image', () => {
    const out = new Float32Array(784);
    // random() = 0.5 → shift 0 for maxShift 2 (floor(0.5·5) − 2), and no flip when p = 0.
    augmentImage(image, out, 0, constant(0.5), { maxShift: 2, flipProbability: 0 });
    expect(Array.from(out)).toEqual(Array.from(image));
  });

  it('mirrors left to right when the flip is drawn', () => {
    const out = new Float32Array(784);
    augmentImage(image, out, 0, constant(0.5), { maxShift: 2, flipProbability: 1 });
    expect(out[0]).toBe(0);
    expect(out[27]).toBe(1);
    expect(out[22]).toBe(0);
    expect(out[23]).toBe(1);
  });

  it('shifts with black fill, writing at the given offset', () => {
    const out = new Float32Array(784 * 2);
    // random() = 0 → shift −2 on both axes: the bar loses two columns, the bottom rows are black.
    augmentImage(image, out, 784, constant(0), { maxShift: 2, flipProbability: 0 });
    const shifted = out.subarray(784);
    expect(Array.from(shifted.subarray(0, 28)).filter((v) => v === 1).length).toBe(3);
    expect(Array.from(shifted.subarray(26 * 28)).every((v) => v === 0)).toBe(true);
    expect(Array.from(out.subarray(0, 784)).every((v) => v === 0)).toBe(true);
  });
});
