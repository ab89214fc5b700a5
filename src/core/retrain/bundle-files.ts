/** File names inside an exported version (.zip). */
export const BUNDLE_FILES = {
  model: 'model.json',
  weights: 'weights.bin',
  samples: 'samples.json',
  meta: 'meta.json',
} as const;
