import { For, createEffect, createMemo, onCleanup } from 'solid-js';
import { outputCount, outputLabel } from '../../app/classes';
import { format } from '../../app/format';
import { lang, t } from '../../app/i18n';
import { doubtful, probs, topClass } from '../../app/state';

/** Whole percent at the ends of the range, one decimal in between ("100 %", "87.5 %", "4 %"). */
const percent = (p: number): string => format.percent(p, p >= 0.995 || p < 0.1 ? 0 : 1);

/** One bar's nodes and what they show now, so an answer writes only what changed. */
interface Row {
  li: HTMLLIElement;
  bar: HTMLSpanElement;
  value: Text;
  /** The probability shown (data-p), null for none ("–"). */
  p: number | null;
  /** The fill's scale, in {@link FILL_STEPS}ths. */
  fill: number;
  /** Language the value text was written in. */
  lang: string;
  top: boolean;
}

/**
 * Steps of a bar's fill: its scale changes only when it moves by a step (0.2 px of a 200 px track).
 * The style write is the costliest part of an answer on the page (≈ 1 ms per bar at 4×, a trace
 * of 100 moves), and nearly every answer moves the eight or nine small bars by less than that.
 */
const FILL_STEPS = 1000;

/**
 * Writes one answer into a bar: at most one attribute, one style write and one text write, each
 * only when its value changed (the style only when the fill visibly moves). Bars are written
 * straight to their nodes (one pass per answer from the effect below), not re-rendered: an answer
 * comes with nearly every pointer move.
 */
function writeRow(row: Row, p: number | null, top: boolean, language: string): void {
  if (row.p !== p || row.lang !== language) {
    const share = p ?? 0;
    if ((row.p ?? 0) !== share) row.li.setAttribute('data-p', String(share));
    const fill = Math.round(share * FILL_STEPS);
    if (row.fill !== fill) {
      row.bar.style.transform = `scaleX(${fill / FILL_STEPS})`;
      row.fill = fill;
    }
    const text = p === null ? '–' : percent(share);
    if (row.value.data !== text) row.value.data = text;
    row.p = p;
    row.lang = language;
  }
  if (row.top !== top) {
    row.li.classList.toggle('bar--top', top);
    row.top = top;
  }
}

/**
 * The top class (announced politely to screen readers) and one probability bar per class of the
 * model in use (ten for the shipped models, more once the user taught their own); a hint when
 * empty, asking for a photo when `photo` (the pad shows the photo side).
 */
export function Confidences(props: { photo?: boolean }) {
  // The probabilities' length when there are some: they always come from the model in use. A
  // memo of the count, so a new answer rewrites the bars' values and never rebuilds the list.
  const count = createMemo(() => probs()?.length ?? outputCount());
  const classes = createMemo(() => Array.from({ length: count() }, (_, i) => i));
  const rows: (Row | undefined)[] = [];
  createEffect(() => {
    const p = probs();
    const top = topClass();
    const language = lang();
    const n = classes().length;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (row) writeRow(row, p ? (p[i] ?? 0) : null, i === top, language);
    }
  });
  return (
    <section class="card result" aria-labelledby="result-heading">
      <h2 id="result-heading" class="eyebrow">
        {t('answer.resultHeading')}
      </h2>
      <p class="top" data-testid="top-class" data-class={topClass() >= 0 ? String(topClass()) : ''} aria-live="polite">
        {topClass() < 0 ? (
          <span class="hint">{t(props.photo ? 'answer.hintPhoto' : 'answer.hint')}</span>
        ) : (
          // A box of fixed size laid out on its own: a new top class (or "maybe") must not re-lay out
          // the page. What changes is inside it (a style change of the box itself would re-lay out its parent).
          <span class="top__text">
            {doubtful() ? (
              t('answer.maybe', { name: outputLabel(topClass()) })
            ) : (
              <span class="top__sure">{outputLabel(topClass())}</span>
            )}
          </span>
        )}
      </p>
      <ol class="bars" data-testid="confidences" aria-label={t('answer.confidences')}>
        <For each={classes()}>
          {(i) => {
            // Rendered empty (no answer); the effect above writes the values once the row exists.
            const row = { p: null, fill: 0, lang: '', top: false } as Omit<Row, 'li' | 'bar' | 'value'> as Row;
            rows[i] = row;
            onCleanup(() => rows[i] === row && (rows[i] = undefined));
            return (
              <li ref={(el) => (row.li = el)} class="bar" data-testid="confidence" data-class={String(i)} data-p="0">
                <span class="bar__name">{outputLabel(i)}</span>
                <span class="bar__track" aria-hidden="true">
                  <span
                    // Through the CSSOM: a style attribute in the template would break the CSP (style-src 'self').
                    ref={(el) => {
                      row.bar = el;
                      el.style.transform = 'scaleX(0)';
                    }}
                    class="bar__fill"
                  />
                </span>
                <span class="bar__value">
                  {/* The text's own box: a grid item can never be a relayout boundary, its child can. */}
                  <span class="bar__num">
                    <span class="bar__text" ref={(el) => (row.value = el.firstChild as Text)}>
                      –
                    </span>
                  </span>
                </span>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}
