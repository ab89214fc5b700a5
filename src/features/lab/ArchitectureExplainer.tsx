import { For, Show, createResource } from 'solid-js';
import type { LayerInfo } from '../../core/lab/layer-params';
import type { ModelEntry } from '../../core/manifest';
import { format } from '../../app/format';
import { lang, t } from '../../app/i18n';
import { models } from '../../app/state';
import { loadLayers } from './lab';
import { formatArithmetic, layerWordsKey, wordsFor } from './layer-words';

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
        <p role="alert">{t('lab.archError', { file: props.entry.file, detail: String(layers.error) })}</p>
      </Show>
      <Show when={!layers.error && layers()}>
        {(list) => (
          <div class="arch__scroll">
            <table class="arch__table">
              <thead>
                <tr>
                  <th scope="col">{t('lab.archLayer')}</th>
                  <th scope="col">{t('lab.archShape')}</th>
                  <th scope="col">{t('lab.archParams')}</th>
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
                  <th scope="row">{t('lab.archTotal')}</th>
                  <td />
                  <td class="arch__math" data-testid="arch-total" data-value={String(total())}>
                    {format.number(total())}
                    <span class="arch__check">
                      {' '}
                      · {t('lab.archManifest', { n: format.number(props.entry.parameters) })}
                    </span>
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
        {t('lab.archTitle')}
      </h2>
      <p class="lab-lead">{t('lab.archIntro')}</p>
      <For each={models()}>{(entry) => <ModelLayers entry={entry} />}</For>
      <h3 class="arch__name">{t('lab.archWords')}</h3>
      <dl class="arch__words">
        <For each={wordsFor((all() ?? []).flat())}>
          {(key) => (
            <>
              <dt>{key === 'relu' ? 'ReLU' : key === 'softmax' ? 'Softmax' : key}</dt>
              <dd>{t(layerWordsKey(key))}</dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
