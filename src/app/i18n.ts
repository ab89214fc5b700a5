// The one translator. Each feature keeps its strings (English and Spanish) in its own strings.ts,
// which registers them when the feature loads; the key types come in through type-only imports,
// so no dictionary is bundled with the shell unless the shell uses it.
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Lang } from '../core/classes';
import { langFor } from '../core/url-params';
import type { AlbumStrings } from '../features/album';
import type { AnswerStrings } from '../features/answer';
import type { DrawStrings } from '../features/draw';
import type { EvalStrings } from '../features/eval';
import type { ExplainStrings } from '../features/explain';
import type { LabStrings } from '../features/lab';
import type { PhotoStrings } from '../features/photo';
import type { ClassManagerStrings, RetrainStrings } from '../features/retrain';
import type { ClassStrings } from './classes';
import { params } from './params';
import type { AppStrings } from './strings';

/** Every namespace of interface strings, with the shape of its English dictionary. */
export interface Namespaces {
  app: AppStrings;
  classes: ClassStrings;
  answer: AnswerStrings;
  draw: DrawStrings;
  photo: PhotoStrings;
  album: AlbumStrings;
  retrain: RetrainStrings;
  classManager: ClassManagerStrings;
  lab: LabStrings;
  eval: EvalStrings;
  explain: ExplainStrings;
}

type Namespace = keyof Namespaces;

/** A translatable string: `namespace.key`, e.g. `lab.chartLoss`; unknown keys do not compile. */
export type StringKey = { [N in Namespace]: `${N}.${keyof Namespaces[N] & string}` }[Namespace];

/** A dictionary with exactly the keys of `T` (the English one): a missing key does not compile. */
export type Translation<T> = { readonly [K in keyof T]: string };

/** Values for a string's `{name}` placeholders. */
export type Params = Record<string, string | number>;

/** A user-facing message: a string key plus its placeholder values. */
export interface Message {
  key: StringKey;
  params?: Params;
}

const dictionaries: Partial<Record<Namespace, Record<Lang, Readonly<Record<string, string>>>>> = {};

/** Makes a namespace's dictionaries available to {@link t}; each strings.ts calls it once. */
export function registerStrings<N extends Namespace>(
  namespace: N,
  strings: Record<Lang, Translation<Namespaces[N]>>,
): void {
  dictionaries[namespace] = strings;
}

/** The interface language and its setter (device language, `?lang=` overrides). */
export const [lang, setLang] = createSignal<Lang>(
  langFor(typeof navigator === 'undefined' ? undefined : navigator.language, params.lang),
);

/** The text of `key` in `language`, `{name}` placeholders filled from `values`. */
export function textIn(language: Lang, key: StringKey, values: Params = {}): string {
  const dot = key.indexOf('.');
  const dictionary = dictionaries[key.slice(0, dot) as Namespace]?.[language];
  const text = dictionary?.[key.slice(dot + 1)];
  // Only reachable when a feature's strings.ts was not loaded: show the key rather than nothing.
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The text of `key` in the interface language (reactive), `{name}` placeholders filled from `values`. */
export function t(key: StringKey, values?: Params): string {
  return textIn(lang(), key, values);
}

/** Renders a {@link Message} in the interface language. */
export function say(message: Message): string {
  return t(message.key, message.params);
}

if (typeof document !== 'undefined') {
  createRoot(() => createEffect(() => (document.documentElement.lang = lang())));
}
