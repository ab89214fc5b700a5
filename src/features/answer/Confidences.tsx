import { For } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { doubtful, probs, topClass } from '../../app/state';
import { classLabel, t } from '../../app/strings';

const CLASSES = Array.from({ length: NUM_CLASSES }, (_, i) => i);

const percent = (p: number): string => `${(p * 100).toFixed(p >= 0.995 || p < 0.1 ? 0 : 1)} %`;

/** The top class (announced politely to screen readers) and ten probability bars; a hint when empty. */
export function Confidences() {
  const p = (i: number): number => probs()?.[i] ?? 0;
  return (
    <section class="card result" aria-labelledby="result-heading">
      <h2 id="result-heading" class="eyebrow">
        {t('resultHeading')}
      </h2>
      <p
        class="top"
        classList={{ 'top--doubtful': topClass() >= 0 && doubtful() }}
        data-testid="top-class"
        data-class={topClass() >= 0 ? String(topClass()) : ''}
        aria-live="polite"
      >
        {topClass() < 0 ? (
          <span class="hint">{t('hint')}</span>
        ) : doubtful() ? (
          t('maybe', { name: classLabel(topClass()) })
        ) : (
          classLabel(topClass())
        )}
      </p>
      <ol class="bars" data-testid="confidences" aria-label={t('confidences')}>
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
