// "Why did Prenda say that?": the map, the "why not …?" map and the nearest training images for
// any 28×28 input, computed in a worker (src/ml/explain/worker.ts). Loaded after the shell.
import './strings';
import './explain.css';

export type { ExplainStrings } from './strings';
export { ExplainPanel } from './ExplainPanel';
export { Explanation, type ExplanationProps, type ExplainState } from './Explanation';
