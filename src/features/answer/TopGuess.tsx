import { Show } from 'solid-js';
import { outputLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { doubtful, probs, topClass } from '../../app/state';

/**
 * The top class and its probability in one line under the pad, for phones, where the full
 * answer card is a scroll away while drawing. Hidden from screen readers: the answer card
 * already announces the top class. `photo`: the pad shows the photo side (the hint asks for one).
 */
export function TopGuess(props: { photo?: boolean }) {
  return (
    <p
      class="top-guess"
      data-testid="top-guess"
      data-class={topClass() >= 0 ? String(topClass()) : ''}
      aria-hidden="true"
    >
      <Show
        when={topClass() >= 0}
        fallback={<span class="top-guess__hint">{t(props.photo ? 'answer.hintPhoto' : 'answer.hint')}</span>}
      >
        {/* Two lines of fixed size laid out on their own: a new top class must not re-lay out the page. */}
        <span class="top-guess__line">
          <span class="top-guess__label">{t('answer.resultHeading')}</span>{' '}
          <strong>
            {doubtful() ? t('answer.maybeShort', { name: outputLabel(topClass()) }) : outputLabel(topClass())}
          </strong>{' '}
          <span class="top-guess__p">
            <span class="top-guess__n">{format.percent(probs()?.[topClass()] ?? 0, 0)}</span>
          </span>
        </span>
      </Show>
    </p>
  );
}
