import { For, Show, createEffect, createSignal, onCleanup, untrack } from 'solid-js';
import { IMAGE_SIDE } from '../../core/classes';
import { errorText } from '../../core/errors';
import { ExplainCancelled, type ExplainResult } from '../../ml/explain/worker-client';
import { classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { explainClient } from './client';
import { modelKey, modelSource } from './model-source';
import { garmentRgba, mapValuesText, overlayRgba, paint } from './paint';

/** Quiet time after the input settles before an explanation starts (drawing sends many inputs). */
export const EXPLAIN_DEBOUNCE_MS = 250;

/** What the `explain` container's `data-state` says. */
export type ExplainState = 'idle' | 'computing' | 'ready' | 'error';

/** Inputs of {@link Explanation}. */
export interface ExplanationProps {
  /** The 28×28 input (784 values, 0–1, 1 = garment), or null for nothing to explain. */
  input: Float32Array | null;
  /** The classes to explain (the answer shown and the runner-up); the model's top two when absent. */
  classes?: { cls: number; versus: number } | null;
  /** Open at first (default: on screens wider than a phone); closed, it computes nothing. */
  startOpen?: boolean;
  /** False while the panel is off screen (another view): it then computes nothing. */
  active?: boolean;
}

const wide = () => typeof matchMedia !== 'undefined' && matchMedia('(min-width: 700px)').matches;

/**
 * "Why?": the map of what pushed the answer, the "why not <second>?" map and the six nearest
 * training images, computed in the explanation worker after the input has settled and cancelled
 * when it changes. Reusable for any 28×28 input (drawing, photo, test image, album item).
 */
export function Explanation(props: ExplanationProps) {
  const [open, setOpen] = createSignal(props.startOpen ?? wide());
  const [state, setState] = createSignal<ExplainState>('idle');
  const [shown, setShown] = createSignal<{ result: ExplainResult; input: Float32Array } | null>(null);
  const [failure, setFailure] = createSignal('');
  const [versus, setVersus] = createSignal(false);
  const [request, setRequest] = createSignal(0);
  const [cancelled, setCancelled] = createSignal(0);
  /** The request last handed to the worker (test hook `data-sent`). */
  const [sent, setSent] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const stop = () => {
    clearTimeout(timer);
    controller?.abort();
    controller = undefined;
    setCancelled(explainClient().cancelled);
  };

  // Closed or off screen, the panel reads none of its inputs: a drawing's stream of answers costs
  // it nothing (and bumping the request drops a result still in flight). Open, each new input (or
  // classes, or model) restarts the debounced explanation.
  createEffect(() => {
    const live = open() && (props.active ?? true);
    const x = live ? props.input : null;
    const classes = live ? props.classes : null;
    const key = live ? modelKey() : null;
    untrack(() => {
      stop();
      const id = request() + 1;
      setRequest(id);
      setShown(null);
      if (!x || !key) return void setState('idle');
      setState('computing');
      const c = new AbortController();
      controller = c;
      timer = setTimeout(() => {
        setSent(id);
        explainClient()
          .explain({
            model: { key, load: () => modelSource(key) },
            image: x,
            classes: classes ?? undefined,
            signal: c.signal,
          })
          .then((result) => {
            if (id !== request()) return;
            setShown({ result, input: x });
            setState('ready');
          })
          .catch((err: unknown) => {
            if (err instanceof ExplainCancelled || id !== request()) return;
            setFailure(errorText(err));
            setState('error');
          });
      }, EXPLAIN_DEBOUNCE_MS);
    });
  });
  onCleanup(stop);

  const cls = () => shown()?.result.cls ?? props.classes?.cls ?? -1;
  const other = () => shown()?.result.versus ?? props.classes?.versus ?? -1;
  const map = () => {
    const s = shown();
    return s ? (versus() ? s.result.versusMap : s.result.map) : null;
  };
  let canvas: HTMLCanvasElement | undefined;
  createEffect(() => {
    const s = shown();
    const m = map();
    if (canvas && s && m) paint(canvas, overlayRgba(s.input, m));
  });

  return (
    <section
      class="card explain"
      classList={{ 'explain--open': open() }}
      data-testid="explain"
      data-state={state()}
      data-class={cls() >= 0 ? String(cls()) : ''}
      data-request={String(request())}
      data-sent={String(sent())}
      data-cancelled={String(cancelled())}
      data-ms={shown() ? shown()!.result.ms.toFixed(1) : ''}
    >
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="btn btn--small explain__open"
            data-testid="explain-open"
            aria-expanded="false"
            onClick={() => setOpen(true)}
          >
            {t('explain.open')}
          </button>
        }
      >
        <div class="explain__head">
          <h2 class="eyebrow">{cls() >= 0 ? t('explain.title', { class: classLabel(cls()) }) : t('explain.open')}</h2>
          <button
            type="button"
            class="btn btn--quiet btn--small"
            data-testid="explain-open"
            aria-expanded="true"
            onClick={() => setOpen(false)}
          >
            {t('explain.close')}
          </button>
        </div>
        <Show when={state() === 'computing'}>
          <p class="explain__status" role="status">
            {t('explain.computing')}
          </p>
        </Show>
        <Show when={state() === 'error'}>
          <p class="banner banner--error" role="alert">
            {t('explain.error', { detail: failure() })}
          </p>
        </Show>
        <Show when={shown()}>
          {(s) => (
            <div class="explain__body">
              <figure class="explain__map">
                <canvas
                  ref={(el) => (canvas = el)}
                  data-testid="explain-map"
                  data-method={s().result.method}
                  data-versus={versus() ? String(other()) : ''}
                  data-values={mapValuesText(map()!)}
                  width={IMAGE_SIDE}
                  height={IMAGE_SIDE}
                  role="img"
                  aria-label={t('explain.mapLabel', { class: classLabel(cls()) })}
                />
              </figure>
              <div class="explain__text">
                <p class="explain__howto">
                  {versus()
                    ? t('explain.howToVersus', { class: classLabel(cls()), other: classLabel(other()) })
                    : t('explain.howTo', { class: classLabel(cls()) })}
                </p>
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="explain-versus"
                  aria-pressed={versus() ? 'true' : 'false'}
                  onClick={() => setVersus(!versus())}
                >
                  {t('explain.versus', { other: classLabel(other()) })}
                </button>
                <p class="explain__timing">{t('explain.timing', { ms: format.number(Math.round(s().result.ms)) })}</p>
              </div>
              <div class="explain__neighbours">
                <h3 class="explain__subtitle">{t('explain.neighbours')}</h3>
                <ol class="explain__grid">
                  <For each={s().result.neighbours}>
                    {(n) => (
                      <li class="explain__neighbour" data-testid="explain-neighbour" data-class={String(n.label)}>
                        <canvas
                          // Painted once Solid has set the size (setting it clears a canvas).
                          ref={(el) => queueMicrotask(() => paint(el, garmentRgba(n.pixels)))}
                          width={IMAGE_SIDE}
                          height={IMAGE_SIDE}
                          aria-hidden="true"
                        />
                        <span>{classLabel(n.label)}</span>
                      </li>
                    )}
                  </For>
                </ol>
              </div>
            </div>
          )}
        </Show>
      </Show>
    </section>
  );
}
