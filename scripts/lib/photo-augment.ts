export { augmentPhoto } from '../../src/core/photo/augment-photo';
