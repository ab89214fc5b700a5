// Drawing: the pad (pointer and keyboard), its toolbar and the example images. In the app shell.
import './strings';

export type { DrawStrings } from './strings';
export type { DrawApi } from './DrawCanvas';
export { DrawCard } from './DrawCard';
export { Examples } from './Examples';
export { padMode, setPadMode, type PadMode } from './mode';
