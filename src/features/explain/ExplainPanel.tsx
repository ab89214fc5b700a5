import { createMemo, untrack } from 'solid-js';
import { input, probs } from '../../app/state';
import { view } from '../../app/view';
import { Explanation } from './Explanation';

/** The classes of "why?": the answer and the runner-up of "why not …?". */
type Classes = { cls: number; versus: number };

/** The top two classes of `p`, in one pass (called with every answer: no sorting, no arrays). */
function topTwo(p: Float32Array): Classes {
  let cls = 0;
  let versus = -1;
  for (let i = 1; i < p.length; i++) {
    if (p[i]! > p[cls]!) {
      versus = cls;
      cls = i;
    } else if (versus < 0 || p[i]! > p[versus]!) versus = i;
  }
  return { cls, versus: versus < 0 ? cls : versus };
}

const sameClasses = (a: Classes | null, b: Classes | null): boolean =>
  a === b || (!!a && !!b && a.cls === b.cls && a.versus === b.versus);

/**
 * "Why?" for the drawing or photo on the pad. It follows the bars, not the input: a new input
 * is explained only once its bars are written (probs changes after the classifier has answered).
 * Closed, the panel reads neither (Explanation), so an answer costs it one pass over the ten
 * probabilities, and the classes change (a write) only when the top two do.
 */
export function ExplainPanel() {
  const classes = createMemo<Classes | null>(
    () => {
      const p = probs();
      return p ? topTwo(p) : null;
    },
    null,
    { equals: sameClasses },
  );
  const x = (): Float32Array | null => (probs() ? untrack(input) : null);
  return <Explanation input={x()} classes={classes()} active={view() === 'draw'} />;
}
