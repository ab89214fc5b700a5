// Photos: camera, files (toolbar button, drag and drop), Prenda's verdict and the preprocessing
// steps. Loaded after the shell has painted (photo pipeline, camera code).
import './strings';

export type { PhotoStrings } from './strings';
export { PhotoPanel } from './PhotoPanel';
export { classifyPhotoFile } from './photo-decode';
export { shownPhoto, usePhotoModel } from './photo';
