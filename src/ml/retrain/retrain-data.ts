import { IMAGE_PIXELS } from '../../core/classes';
import { decodeImageSet, type LabelledImages } from '../../core/dataset';
import { RETRAIN_DATA } from '../../core/retrain/replay-mix';

/** The shipped images a run needs: replay images, the test subset and, for photo runs, replayed photos. */
export interface RetrainData {
  replay: LabelledImages;
  test: LabelledImages;
  photoReplay?: LabelledImages;
}

async function bytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function imageSet(dataUrl: string, images: string, labels: string): Promise<LabelledImages> {
  const [i, l] = await Promise.all([bytes(dataUrl + images), bytes(dataUrl + labels)]);
  return decodeImageSet(i, images, l, labels);
}

/**
 * Fetches and parses the replay set and the first test images from `dataUrl` (…/data/, precached),
 * and with `photos` the photo replay set too.
 */
export async function loadRetrainData(dataUrl: string, photos = false): Promise<RetrainData> {
  const D = RETRAIN_DATA;
  const [replay, full, photoReplay] = await Promise.all([
    imageSet(dataUrl, D.replayImages, D.replayLabels),
    imageSet(dataUrl, D.testImages, D.testLabels),
    photos ? imageSet(dataUrl, D.photoReplayImages, D.photoReplayLabels) : undefined,
  ]);
  const count = Math.min(D.testCount, full.count);
  // Copies, so the 10,000-image buffer can be freed.
  const test = {
    images: full.images.slice(0, count * IMAGE_PIXELS),
    labels: full.labels.slice(0, count),
    count,
  };
  return photoReplay ? { replay, test, photoReplay } : { replay, test };
}
