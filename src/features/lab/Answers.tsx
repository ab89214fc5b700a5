import { For, Show } from 'solid-js';
import type { FilledAnswer } from './answer-format';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { setView } from '../../app/view';

/** The confusions an answer names (question 2's most confused pairs). */
const pairsOf = (a: FilledAnswer) =>
  a.segments.flatMap((s) => ('pair' in s && s.pair ? [{ ...s.pair, text: s.text }] : []));

/** Opens the Evaluation gallery on the images of `truth` taken for `predicted`, each with its "Why?". */
function openPair(truth: number, predicted: number): void {
  void import('../eval').then((m) => m.showPair({ truth, predicted }));
  setView('eval');
}

/** The five workshop questions with answers whose numbers are measured values (marked up as data). */
export function Answers(props: { answers: FilledAnswer[]; seeds: number }) {
  return (
    <section class="card lab-answers" aria-labelledby="answers-heading">
      <h2 id="answers-heading" class="eyebrow">
        {t('lab.questionsTitle')}
      </h2>
      <p class="lab-lead">{t('lab.answersNote', { seeds: format.number(props.seeds) })}</p>
      <ol class="answers">
        <For each={props.answers}>
          {(a) => (
            <li class="answer" data-testid="answer" data-question={String(a.question)}>
              <h3 class="answer__question">{a.title}</h3>
              <p class="answer__text">
                <For each={a.segments}>
                  {(s) =>
                    'key' in s ? (
                      <span
                        class="answer__value"
                        data-key={s.key}
                        data-value={s.value === undefined ? undefined : String(s.value)}
                      >
                        {s.text}
                        <Show when={s.range}>
                          <span class="answer__range"> [{s.range}]</span>
                        </Show>
                      </span>
                    ) : (
                      s.text
                    )
                  }
                </For>
              </p>
              <Show when={pairsOf(a).length > 0}>
                <p class="answer__pairs">
                  {t('lab.explainPairs')}{' '}
                  <For each={pairsOf(a)}>
                    {(p) => (
                      <button
                        type="button"
                        class="btn btn--small btn--quiet"
                        data-testid="answer-pair"
                        data-true={String(p.truth)}
                        data-pred={String(p.predicted)}
                        onClick={() => openPair(p.truth, p.predicted)}
                      >
                        {p.text}
                      </button>
                    )}
                  </For>
                </p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
