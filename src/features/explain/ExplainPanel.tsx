import { createMemo, on } from 'solid-js';
import { input, probs } from '../../app/state';
import { view } from '../../app/view';
import { Explanation } from './Explanation';

/** The top two classes of `p` (the answer and the runner-up of "why not …?"). */
function topTwo(p: Float32Array): { cls: number; versus: number } {
  const order = Array.from(p, (_, i) => i).sort((a, b) => p[b]! - p[a]!);
  return { cls: order[0]!, versus: order[1]! };
}

/**
 * "Why?" for the drawing or photo on the pad. It follows the bars, not the input: a new input
 * is explained only once its bars are written (probs changes after the classifier has answered).
 */
export function ExplainPanel() {
  const explained = createMemo(
    on(probs, (p) => (p ? { x: input(), classes: topTwo(p) } : null)),
    null,
  );
  return (
    <Explanation input={explained()?.x ?? null} classes={explained()?.classes ?? null} active={view() === 'draw'} />
  );
}
