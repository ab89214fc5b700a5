import { IMAGE_PIXELS } from '../classes';
import { seededRandom } from '../random';

/** A map of uniform random values: the baseline any explanation method must beat. */
export function randomMap(seed: number, pixels = IMAGE_PIXELS): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: pixels }, () => random() * 2 - 1);
}
