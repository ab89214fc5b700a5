import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/core/photo/image-header';
import { writeBadImages, type BadImages } from '../helpers/bad-images';
import { devPhotos } from '../helpers/photos';

let dir: string;
let bad: BadImages;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prenda-header-'));
  bad = await writeBadImages(dir, devPhotos('shirt')[0]!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sniff = (path: string) => sniffImage(new Uint8Array(readFileSync(path)));

describe('sniffImage', () => {
  it('reads the size of a real phone photo (JPEG)', async () => {
    const photo = devPhotos('pants')[0]!;
    const meta = await sharp(photo).metadata();
    expect(sniff(photo)).toEqual({
      format: 'jpeg',
      width: meta.width,
      height: meta.height,
      orientation: 1,
      problem: null,
    });
  });

  it('applies EXIF orientation 6 (phone held upright) to the reported size', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#a33' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(sniffImage(new Uint8Array(jpeg))).toMatchObject({ format: 'jpeg', width: 32, height: 64, orientation: 6 });
  });

  it('reads PNG, WebP (lossy and lossless) and GIF sizes', async () => {
    const base = sharp({ create: { width: 37, height: 21, channels: 4, background: '#3a3' } });
    const as = async (f: 'png' | 'webp' | 'gif', o = {}) =>
      sniffImage(new Uint8Array(await base.clone().toFormat(f, o).toBuffer()));
    for (const h of [await as('png'), await as('webp'), await as('webp', { lossless: true }), await as('gif')]) {
      expect([h.width, h.height, h.problem]).toEqual([37, 21, null]);
    }
  });

  it('names each bad file’s problem', () => {
    expect(sniff(bad.empty).problem).toBe('empty');
    expect(sniff(bad.text).problem).toBe('notImage');
    expect(sniff(bad.truncated)).toMatchObject({ format: 'jpeg', problem: 'damaged' });
    expect(sniff(bad.huge)).toMatchObject({ format: 'png', width: 8000, height: 8000, problem: 'tooLarge' });
    expect(sniff(bad.heic)).toMatchObject({ format: 'heic', problem: null });
    expect(sniff(bad.transparent)).toMatchObject({ format: 'png', problem: null });
  });

  it('does not mistake the EXIF thumbnail’s end marker for the end of a cut-off photo', async () => {
    const thumb = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const photo = await sharp(devPhotos('dress')[0]!).jpeg().toBuffer();
    // APP1 segment carrying a JPEG (with its own FF D9) before the real image data.
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), thumb]);
    const app1 = Buffer.concat([
      Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255]),
      payload,
    ]);
    const withThumb = Buffer.concat([photo.subarray(0, 2), app1, photo.subarray(2)]);
    expect(sniffImage(new Uint8Array(withThumb)).problem).toBeNull();
    expect(sniffImage(new Uint8Array(withThumb.subarray(0, withThumb.length - 5000))).problem).toBe('damaged');
  });
});
