// Albums: many photos (chosen or shared) classified one at a time off the main thread, filtered,
// corrected (corrections become retraining samples) and exported. Loaded after the shell.
import './strings';

export type { AlbumStrings } from './strings';
export { AlbumPanel } from './AlbumPanel';
export { openAlbum } from './album';
