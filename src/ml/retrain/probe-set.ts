import { decodeImageSet, takeFirst, type LabelledImages } from '../../core/dataset';
import { TEST_SET_FILES } from '../../core/test-set';

/** Test images a candidate model is scored on before the switch (fast, and enough to tell 14 % from 88 %). */
export const PROBE_COUNT = 300;

/** The first `count` images of the shipped test set, from the bytes of its two files. */
export function probeFromBytes(images: Uint8Array, labels: Uint8Array, count = PROBE_COUNT): LabelledImages {
  const set = decodeImageSet(images, TEST_SET_FILES.images, labels, TEST_SET_FILES.labels);
  const first = takeFirst(set, count);
  // Copies, so the 10,000-image buffer can be freed.
  return { images: first.images.slice(), labels: first.labels.slice(), count: first.count };
}

/** Fetches the shipped test set from `dataUrl` (…/data/, precached) and keeps its first `count` images. */
export async function loadProbeSet(dataUrl: string, count = PROBE_COUNT): Promise<LabelledImages> {
  const get = async (name: string) => {
    const res = await fetch(dataUrl + name);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const [images, labels] = await Promise.all([get(TEST_SET_FILES.images), get(TEST_SET_FILES.labels)]);
  return probeFromBytes(images, labels, count);
}
