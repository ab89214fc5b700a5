import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** Paths of the awkward files a user may pick, written into `dir`. */
export interface BadImages {
  text: string;
  empty: string;
  truncated: string;
  huge: string;
  transparent: string;
  heic: string;
  wall: string;
}

/** Writes the bad-input zoo (from a real photo `photo`) into `dir`; returns the paths. */
export async function writeBadImages(dir: string, photo: string): Promise<BadImages> {
  const p = (name: string) => join(dir, name);
  writeFileSync(p('notes.jpg'), 'These are my shopping notes, not a picture.\n');
  writeFileSync(p('empty.jpg'), new Uint8Array(0));
  const jpeg = await sharp(photo).jpeg({ quality: 90 }).toBuffer();
  writeFileSync(p('truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
  const huge = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ddd' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  writeFileSync(p('huge.png'), huge);
  // A shirt-like dark shape on a fully transparent background.
  const w = 200;
  const rgba = new Uint8Array(w * w * 4);
  for (let y = 40; y < 170; y++) for (let x = 60; x < 140; x++) rgba.set([40, 40, 120, 255], (y * w + x) * 4);
  for (let y = 40; y < 80; y++) for (let x = 20; x < 180; x++) rgba.set([40, 40, 120, 255], (y * w + x) * 4);
  writeFileSync(
    p('transparent.png'),
    await sharp(rgba, { raw: { width: w, height: w, channels: 4 } })
      .png()
      .toBuffer(),
  );
  // The first box of an iPhone HEIC: what a browser without HEVC sees.
  const ftyp = Buffer.from('0000001c6674797068656963000000006d69663168656963', 'hex');
  writeFileSync(p('IMG_0001.heic'), Buffer.concat([ftyp, Buffer.alloc(2048, 7)]));
  const noise = new Uint8Array(320 * 240 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = 200 + ((i * 7919) % 11);
  writeFileSync(
    p('wall.jpg'),
    await sharp(noise, { raw: { width: 320, height: 240, channels: 3 } })
      .jpeg()
      .toBuffer(),
  );
  return {
    text: p('notes.jpg'),
    empty: p('empty.jpg'),
    truncated: p('truncated.jpg'),
    huge: p('huge.png'),
    transparent: p('transparent.png'),
    heic: p('IMG_0001.heic'),
    wall: p('wall.jpg'),
  };
}
