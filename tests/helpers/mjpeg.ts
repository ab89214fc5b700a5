import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * Writes a 640×480 Motion-JPEG file (concatenated baseline JPEG frames) showing `photo`, for
 * Chromium's `--use-file-for-fake-video-capture`. The photo is fitted to the height and its
 * background continued to the sides by mirroring, as a phone held over the garment would see.
 */
export async function writeMjpeg(photo: string, path: string, frames = 2): Promise<void> {
  const upright = await sharp(photo).rotate().resize({ height: 480 }).toBuffer({ resolveWithObject: true });
  const side = Math.max(0, 640 - upright.info.width);
  const frame = await sharp(upright.data)
    .extend({ left: Math.floor(side / 2), right: Math.ceil(side / 2), extendWith: 'mirror' })
    .resize(640, 480, { fit: 'cover' })
    .jpeg({ quality: 85, progressive: false, chromaSubsampling: '4:2:0' })
    .toBuffer();
  writeFileSync(path, Buffer.concat(Array.from({ length: frames }, () => frame)));
}
