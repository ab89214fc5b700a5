import { Show } from 'solid-js';
import { doubtful, probs, topClass } from '../../app/state';
import { classLabel, t } from '../../app/strings';

/**
 * The top class and its probability in one line under the pad, for phones, where the full
 * answer card is a scroll away while drawing. Hidden from screen readers: the answer card
 * already announces the top class.
 */
export function TopGuess() {
  return (
    <p
      class="top-guess"
      data-testid="top-guess"
      data-class={topClass() >= 0 ? String(topClass()) : ''}
      aria-hidden="true"
    >
      <Show when={topClass() >= 0} fallback={<span class="top-guess__hint">{t('hint')}</span>}>
        <span class="top-guess__label">{t('resultHeading')}</span>{' '}
        <strong>{doubtful() ? t('maybe', { name: classLabel(topClass()) }) : classLabel(topClass())}</strong>{' '}
        <span class="top-guess__p">{`${Math.round((probs()?.[topClass()] ?? 0) * 100)}\u00a0%`}</span>
      </Show>
    </p>
  );
}
