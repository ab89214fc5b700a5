// Words chosen from measurements for the lab's answers ("higher than", "grows", the overfitting
// verdict); the words themselves are in strings.ts.
import type { Lang } from '../../core/classes';
import type { Spread } from '../../core/lab/experiment-stats';
import { LAB_TEXT, type LabStrings } from './strings';

/** Words chosen from the measurements (e.g. "higher than"), in both languages. */
export interface Words {
  kind: 'text';
  text: Record<Lang, string>;
}

type WordKey = Extract<keyof LabStrings, `word.${string}`>;

const words = (key: WordKey): Words => ({ kind: 'text', text: { en: LAB_TEXT.en[key], es: LAB_TEXT.es[key] } });

type Comparison = 'higher' | 'lower' | 'same';

/** Higher or lower only when the seed ranges do not overlap. */
function comparison(a: Spread, b: Spread): Comparison {
  if (a.min > b.max) return 'higher';
  if (a.max < b.min) return 'lower';
  return 'same';
}

/** "higher than" when the seed ranges do not overlap, else "about the same as". */
export function compare(a: Spread, b: Spread): Words {
  return words(`word.${comparison(a, b)}`);
}

const VERBS: Record<'grows' | 'rises', Record<Comparison, WordKey>> = {
  grows: { higher: 'word.grows', lower: 'word.shrinks', same: 'word.steady' },
  rises: { higher: 'word.rises', lower: 'word.falls', same: 'word.steady' },
};

/** "grows" / "shrinks" / "barely changes" (or rises/falls) for a quantity going from `before` to `after`. */
export function trend(after: Spread, before: Spread, verbs: 'grows' | 'rises' = 'grows'): Words {
  return words(VERBS[verbs][comparison(after, before)]);
}

/** The verdict of question 4: overfitting when test loss peaked early and the gap grew. */
export function overfitting(lossPeakedEarly: boolean, gapAfter: Spread, gapBefore: Spread): Words {
  const grew = comparison(gapAfter, gapBefore) === 'higher';
  return words(lossPeakedEarly && grew ? 'word.overfitting' : 'word.noOverfitting');
}
