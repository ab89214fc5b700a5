import { For, createMemo } from 'solid-js';
import { outputCount, outputLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { doubtful, probs, topClass } from '../../app/state';

/** Whole percent at the ends of the range, one decimal in between ("100 %", "87.5 %", "4 %"). */
const percent = (p: number): string => format.percent(p, p >= 0.995 || p < 0.1 ? 0 : 1);

/**
 * The top class (announced politely to screen readers) and one probability bar per class of the
 * model in use (ten for the shipped models, more once the user taught their own); a hint when
 * empty, asking for a photo when `photo` (the pad shows the photo side).
 */
export function Confidences(props: { photo?: boolean }) {
  const p = (i: number): number => probs()?.[i] ?? 0;
  // The probabilities' length when there are some: they always come from the model in use. A
  // memo of the count, so a new answer rewrites the bars' values and never rebuilds the list.
  const count = createMemo(() => probs()?.length ?? outputCount());
  const classes = createMemo(() => Array.from({ length: count() }, (_, i) => i));
  return (
    <section class="card result" aria-labelledby="result-heading">
      <h2 id="result-heading" class="eyebrow">
        {t('answer.resultHeading')}
      </h2>
      <p
        class="top"
        classList={{ 'top--doubtful': topClass() >= 0 && doubtful() }}
        data-testid="top-class"
        data-class={topClass() >= 0 ? String(topClass()) : ''}
        aria-live="polite"
      >
        {topClass() < 0 ? (
          <span class="hint">{t(props.photo ? 'answer.hintPhoto' : 'answer.hint')}</span>
        ) : doubtful() ? (
          t('answer.maybe', { name: outputLabel(topClass()) })
        ) : (
          outputLabel(topClass())
        )}
      </p>
      <ol class="bars" data-testid="confidences" aria-label={t('answer.confidences')}>
        <For each={classes()}>
          {(i) => (
            <li
              class="bar"
              classList={{ 'bar--top': i === topClass() }}
              data-testid="confidence"
              data-class={String(i)}
              data-p={String(p(i))}
            >
              <span class="bar__name">{outputLabel(i)}</span>
              <span class="bar__track" aria-hidden="true">
                <span class="bar__fill" style={{ transform: `scaleX(${p(i)})` }} />
              </span>
              <span class="bar__value">{probs() ? percent(p(i)) : '–'}</span>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
