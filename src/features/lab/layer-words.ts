// What each kind of layer does, in plain words (the words are in strings.ts), and a layer's
// parameter arithmetic as the architecture table writes it.
import type { Lang } from '../../core/classes';
import type { LayerInfo } from '../../core/lab/layer-params';
import { formatterFor } from '../../app/format';
import type { StringKey } from '../../app/i18n';
import { LAB_TEXT } from './strings';

/** The string key that explains a layer kind or activation (see {@link wordsFor}). */
export const layerWordsKey = (kind: string): StringKey => `lab.layer.${kind}` as StringKey;

const explained = (kind: string): boolean => `layer.${kind}` in LAB_TEXT.en;

/** The plain-words entries for the layer kinds and activations of a model, in order of appearance. */
export function wordsFor(layers: readonly { kind: string; activation?: string }[]): string[] {
  const keys: string[] = [];
  for (const l of layers) {
    for (const k of [l.kind, l.activation]) if (k && explained(k) && !keys.includes(k)) keys.push(k);
  }
  return keys;
}

/** "784×128 + 128 = 100,480" in `language`'s number format; "0" for parameter-free layers. */
export function formatArithmetic(layer: Pick<LayerInfo, 'terms' | 'parameters'>, language: Lang = 'en'): string {
  const n = formatterFor(language).number;
  if (layer.terms.length === 0) return '0';
  const sum = layer.terms.map((t) => t.map((f) => n(f)).join('×')).join(' + ');
  const single = layer.terms.length === 1 && layer.terms[0]!.length === 1;
  return single ? sum : `${sum} = ${n(layer.parameters)}`;
}
