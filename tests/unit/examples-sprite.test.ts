import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/core/classes';
import { checkExamples } from '../../src/core/examples';

describe('public/examples/examples.png', () => {
  it('holds the shipped examples, byte for byte and in their order, in one column (the thumbnails)', async () => {
    const { images } = checkExamples(JSON.parse(readFileSync('public/examples/examples.json', 'utf8')));
    const { data, info } = await sharp('public/examples/examples.png')
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([IMAGE_SIDE, IMAGE_SIDE * images.length, 1]);
    images.forEach((image, k) => {
      const shown = data.subarray(k * IMAGE_PIXELS, (k + 1) * IMAGE_PIXELS);
      expect(Buffer.compare(shown, Buffer.from(image.pixels, 'base64')), `example ${k}`).toBe(0);
    });
  });
});
