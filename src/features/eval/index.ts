// The evaluation view: the selected model on all 10,000 test images, its confusion matrix, the
// images of any cell and the most confused pairs. Loaded when the Evaluation view opens.
import './strings';

export type { EvalStrings } from './strings';
export { EvalView } from './EvalView';
export { showPair } from './evaluation';
