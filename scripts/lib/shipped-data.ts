import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageSet, type LabelledImages } from '../../src/core/dataset';
import { RETRAIN_DATA } from '../../src/core/retrain/replay-mix';
import { TEST_SET_FILES } from '../../src/core/test-set';

const DATA = 'public/data';

/** The image sets the app ships in public/data/: the 10,000 test images or the 3,000 replay images. */
export function readShippedSet(which: 'test' | 'replay'): LabelledImages {
  const [images, labels] =
    which === 'test'
      ? [TEST_SET_FILES.images, TEST_SET_FILES.labels]
      : [RETRAIN_DATA.replayImages, RETRAIN_DATA.replayLabels];
  return decodeImageSet(readFileSync(join(DATA, images)), images, readFileSync(join(DATA, labels)), labels);
}
