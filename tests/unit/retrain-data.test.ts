import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMAGE_PIXELS } from '../../src/core/classes';
import { PHOTO_FOLDERS } from '../../src/core/photo/folders';
import { RETRAIN_DATA } from '../../src/core/retrain/replay-mix';
import { loadRetrainData } from '../../src/ml/retrain/retrain-data';

const BASE = 'http://prenda.test/data/';

/** Serves public/data/ as `BASE` and records every URL asked for. */
function serveShippedData(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(readFileSync(`public/data/${url.slice(BASE.length)}`));
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('the shipped data a retraining run loads', () => {
  it('without photos: the Fashion-MNIST replay set and the test subset only', async () => {
    const asked = serveShippedData();
    const data = await loadRetrainData(BASE);
    expect(data.photoReplay).toBeUndefined();
    expect(data.replay.count).toBe(3000);
    expect(data.test.count).toBe(RETRAIN_DATA.testCount);
    expect(asked.some((u) => u.includes('replay-photo'))).toBe(false);
  });

  it('for the photo model: also the photo replay set, 40 photos of each mapped folder labelled with one of the ten', async () => {
    serveShippedData();
    const { photoReplay } = await loadRetrainData(BASE, true);
    expect(photoReplay!.count).toBe(280);
    const mapped = new Set(Object.values(PHOTO_FOLDERS).flatMap((rule) => rule.accepted));
    const perLabel = new Map<number, number>();
    for (const l of photoReplay!.labels) perLabel.set(l, (perLabel.get(l) ?? 0) + 1);
    expect([...perLabel.keys()].every((l) => mapped.has(l))).toBe(true);
    for (const single of [0, 1, 2, 3, 4, 6]) expect(perLabel.get(single)).toBe(40);
    expect((perLabel.get(5) ?? 0) + (perLabel.get(7) ?? 0) + (perLabel.get(9) ?? 0)).toBe(40);
    // Real photos, not blank inputs: every image has a garment's worth of ink.
    for (let i = 0; i < photoReplay!.count; i++) {
      const img = photoReplay!.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
      expect(img.filter((v) => v > 0).length).toBeGreaterThan(20);
    }
  });
});
