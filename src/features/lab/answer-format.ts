// Fills the answer templates with measured values, written in the reader's language.
import type { Lang } from '../../core/classes';
import type { AnswerValue, AnswerValues, Measured } from '../../core/lab/answer-values';
import { classLabelIn } from '../../app/classes';
import { formatterFor } from '../../app/format';
import { textIn } from '../../app/i18n';
import { ANSWER_TEXTS, QUESTIONS, type QuestionNumber } from './answer-texts';
import { compare, overfitting, trend } from './answer-words';

/** A piece of an answer: plain text, or a filled placeholder (with its raw number when measured). */
export type Segment =
  | { text: string }
  | { key: string; text: string; value?: number; range?: string; pair?: { truth: number; predicted: number } };

/** A question with its answer split into segments. */
export interface FilledAnswer {
  question: QuestionNumber;
  title: string;
  segments: Segment[];
}

/** A measured number as written in `lang` (no spread): "88.4 %", "2.3", "0.312", "101,770", "9.8 s". */
export function formatNumber(kind: Measured['kind'], value: number, lang: Lang): string {
  const f = formatterFor(lang);
  switch (kind) {
    case 'pct':
      return f.percent(value, 1);
    case 'pp':
      return f.number(value * 100, 1);
    case 'loss':
      return f.number(value, 3);
    case 'int':
      return f.number(value);
    case 'sec':
      return f.duration(value, 1);
    case 'ratio':
      return f.number(value, 1);
  }
}

/** The text (and min–max range for means over seeds) of one placeholder value. */
export function formatValue(v: AnswerValue, lang: Lang): { text: string; range?: string } {
  switch (v.kind) {
    case 'class':
      return { text: classLabelIn(lang, v.index) };
    case 'pair':
      return {
        text: textIn(lang, 'lab.word.pair', {
          truth: classLabelIn(lang, v.truth),
          pred: classLabelIn(lang, v.predicted),
        }),
      };
    case 'compare':
      return { text: compare(v.a, v.b).text[lang] };
    case 'trend':
      return { text: trend(v.after, v.before, v.verbs).text[lang] };
    case 'overfitting':
      return { text: overfitting(v.lossPeakedEarly, v.gapAfter, v.gapBefore).text[lang] };
    case 'layer':
      return { text: textIn(lang, 'lab.word.layer', { n: v.index, kind: v.layerKind }) };
    default: {
      const text = formatNumber(v.kind, v.value, lang);
      if (!v.spread || v.spread.n < 2) return { text };
      const bare = (x: number) => formatNumber(v.kind, x, lang).replace(/ (%|s)$/, '');
      return { text, range: `${bare(v.spread.min)}–${bare(v.spread.max)}` };
    }
  }
}

/** Splits `template` at its {placeholders} and fills them from `values`; throws on a missing one. */
export function fillTemplate(template: string, values: Record<string, AnswerValue>, lang: Lang): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) segments.push({ text: template.slice(at, m.index) });
    const key = m[1]!;
    const v = values[key];
    if (!v) throw new Error(`answer template: no value for {${key}}`);
    const { text, range } = formatValue(v, lang);
    const value = 'value' in v ? v.value : undefined;
    const pair = v.kind === 'pair' ? { pair: { truth: v.truth, predicted: v.predicted } } : {};
    segments.push({ key, text, ...(value === undefined ? {} : { value }), ...(range ? { range } : {}), ...pair });
    at = m.index + m[0].length;
  }
  if (at < template.length) segments.push({ text: template.slice(at) });
  return segments;
}

/** The five answers in `lang`, filled with measured values. */
export function fillAnswers(values: AnswerValues, lang: Lang): FilledAnswer[] {
  return QUESTIONS.map((q) => ({
    question: q,
    title: ANSWER_TEXTS[lang][q].question,
    segments: fillTemplate(ANSWER_TEXTS[lang][q].answer, values[q], lang),
  }));
}

/** Plain text of an answer (for tests and copy). */
export function answerText(answer: FilledAnswer): string {
  return answer.segments.map((s) => ('range' in s && s.range ? `${s.text} [${s.range}]` : s.text)).join('');
}
