import { For } from 'solid-js';
import { classIndices, classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { doubtful, probs, topClass } from '../../app/state';

const CLASSES = classIndices();

/** Whole percent at the ends of the range, one decimal in between ("100 %", "87.5 %", "4 %"). */
const percent = (p: number): string => format.percent(p, p >= 0.995 || p < 0.1 ? 0 : 1);

/** The top class (announced politely to screen readers) and ten probability bars; a hint when empty. */
export function Confidences() {
  const p = (i: number): number => probs()?.[i] ?? 0;
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
          <span class="hint">{t('answer.hint')}</span>
        ) : doubtful() ? (
          t('answer.maybe', { name: classLabel(topClass()) })
        ) : (
          classLabel(topClass())
        )}
      </p>
      <ol class="bars" data-testid="confidences" aria-label={t('answer.confidences')}>
        <For each={CLASSES}>
          {(i) => (
            <li
              class="bar"
              classList={{ 'bar--top': i === topClass() }}
              data-testid="confidence"
              data-class={String(i)}
              data-p={String(p(i))}
            >
              <span class="bar__name">{classLabel(i)}</span>
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
