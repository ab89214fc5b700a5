// Words chosen from measurements for the lab's answers ("higher than", "grows", the overfitting verdict).
import type { Lang } from '../../core/classes';
import type { Spread } from '../../core/lab/experiment-stats';

/** Words chosen from the measurements (e.g. "higher than"), per language. */
export interface Words {
  kind: 'text';
  text: Record<Lang, string>;
}

/** Words in both languages. */
export const words = (en: string, es: string): Words => ({ kind: 'text', text: { en, es } });

/** "higher than" when the seed ranges do not overlap, else "about the same as". */
export function compare(a: Spread, b: Spread): Words {
  if (a.min > b.max) return words('higher than', 'mayor que');
  if (a.max < b.min) return words('lower than', 'menor que');
  return words('about the same as', 'casi igual que');
}

const GROWS = [words('grows', 'crece'), words('shrinks', 'se reduce'), words('barely changes', 'apenas cambia')];
export const RISES = [words('rises', 'sube'), words('falls', 'baja'), words('barely changes', 'apenas cambia')];

/** "grows" / "shrinks" / "barely changes" (or rises/falls) for a quantity going from `before` to `after`. */
export function trend(after: Spread, before: Spread, verbs = GROWS): Words {
  const c = compare(after, before).text.en;
  return verbs[c.startsWith('higher') ? 0 : c.startsWith('lower') ? 1 : 2]!;
}

/** The verdict of question 4: overfitting when test loss peaked early and the gap grew. */
export function overfitting(lossPeakedEarly: boolean, gapAfter: Spread, gapBefore: Spread): Words {
  const grew = trend(gapAfter, gapBefore).text.en === 'grows';
  return lossPeakedEarly && grew
    ? words(
        'the network grows more sure of itself than its test results justify, the first sign of overfitting',
        'la red se vuelve más segura de lo que justifican sus resultados de prueba, la primera señal de sobreajuste',
      )
    : words('no clear sign of overfitting yet', 'todavía no hay señales claras de sobreajuste');
}
