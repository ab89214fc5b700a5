import { For, Show, createResource } from 'solid-js';
import { formatArithmetic, type LayerInfo } from '../../core/lab/layer-params';
import { LAYER_WORDS, wordsFor } from './layer-words';
import type { ModelEntry } from '../../core/manifest';
import { models } from '../../app/state';
import { lang } from '../../app/strings';
import { fmt, tl } from './strings';
import { loadLayers } from './lab';

const shape = (s: number[]) => s.join('×');

function layerLabel(l: LayerInfo): string {
  if (l.kind === 'Dense') return `Dense (${l.outputShape.at(-1)}, ${l.activation})`;
  if (l.kind === 'Conv2D') return `Conv2D (${l.terms[0]?.slice(0, 2).join('×')}, ${l.activation})`;
  if (l.kind === 'Dropout') return `Dropout (${l.rate})`;
  return l.kind;
}

/** One model's layers: output shape and parameters with the arithmetic, like model.summary(). */
function ModelLayers(props: { entry: ModelEntry }) {
  const [layers] = createResource(() => props.entry, loadLayers);
  const total = () => (layers.error ? [] : (layers() ?? [])).reduce((a, l) => a + l.parameters, 0);
  return (
    <section class="arch" data-testid="arch-model" data-model={props.entry.id}>
      <h3 class="arch__name">{props.entry.names[lang()]}</h3>
      <Show when={layers.error}>
        <p role="alert">{tl('archError', { file: props.entry.file, detail: String(layers.error) })}</p>
      </Show>
      <Show when={!layers.error && layers()}>
        {(list) => (
          <div class="arch__scroll">
            <table class="arch__table">
              <thead>
                <tr>
                  <th scope="col">{tl('archLayer')}</th>
                  <th scope="col">{tl('archShape')}</th>
                  <th scope="col">{tl('archParams')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(l) => (
                    <tr data-testid="arch-layer" data-params={String(l.parameters)}>
                      <th scope="row">{layerLabel(l)}</th>
                      <td>{shape(l.outputShape)}</td>
                      <td class="arch__math">{formatArithmetic(l, lang())}</td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{tl('archTotal')}</th>
                  <td />
                  <td class="arch__math" data-testid="arch-total" data-value={String(total())}>
                    {fmt(total())}
                    <span class="arch__check"> · {tl('archManifest', { n: fmt(props.entry.parameters) })}</span>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Show>
    </section>
  );
}

/** Every manifest model's architecture, and what each kind of layer does in plain words. */
export function ArchitectureExplainer() {
  const [all] = createResource(
    () => [...models()],
    (list) => Promise.all(list.map((m) => loadLayers(m).catch(() => [] as LayerInfo[]))),
  );
  return (
    <section class="card lab-arch" aria-labelledby="arch-heading">
      <h2 id="arch-heading" class="eyebrow">
        {tl('archTitle')}
      </h2>
      <p class="lab-lead">{tl('archIntro')}</p>
      <For each={models()}>{(entry) => <ModelLayers entry={entry} />}</For>
      <h3 class="arch__name">{tl('archWords')}</h3>
      <dl class="arch__words">
        <For each={wordsFor((all() ?? []).flat())}>
          {(key) => (
            <>
              <dt>{key === 'relu' ? 'ReLU' : key === 'softmax' ? 'Softmax' : key}</dt>
              <dd>{LAYER_WORDS[key]![lang()]}</dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
