// The answer card: what Prenda thinks the current drawing or photo is. Shown for both, so it reads
// the app's signals (probs, topClass, doubtful, input) and imports no other feature.
import './strings';

export type { AnswerStrings } from './strings';
export { Confidences } from './Confidences';
export { Preview } from './Preview';
export { TopGuess } from './TopGuess';
