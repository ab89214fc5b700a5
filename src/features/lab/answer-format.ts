import type { AnswerValue, AnswerValues, Measured } from '../../core/lab/answer-values';
import { ANSWER_TEXTS, QUESTIONS, type QuestionNumber } from './answer-texts';
import { CLASS_NAMES, type Lang } from '../../core/classes';

/** A piece of an answer: plain text, or a filled placeholder (with its raw number when measured). */
export type Segment = { text: string } | { key: string; text: string; value?: number; range?: string };

/** A question with its answer split into segments. */
export interface FilledAnswer {
  question: QuestionNumber;
  title: string;
  segments: Segment[];
}

const fixed = (lang: Lang, digits: number) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A measured number as written in `lang` (no spread): "88.4 %", "2.3", "0.312", "101,770", "9.8 s". */
export function formatNumber(kind: Measured['kind'], value: number, lang: Lang): string {
  switch (kind) {
    case 'pct':
      return `${fixed(lang, 1).format(value * 100)} %`;
    case 'pp':
      return fixed(lang, 1).format(value * 100);
    case 'loss':
      return fixed(lang, 3).format(value);
    case 'int':
      // Spanish style writes 4-digit numbers without a separator; keep grouping consistent anyway.
      return new Intl.NumberFormat(lang, { useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
    case 'sec':
      return `${fixed(lang, 1).format(value)} s`;
    case 'ratio':
      return fixed(lang, 1).format(value);
  }
}

/** The text (and min–max range for means over seeds) of one placeholder value. */
export function formatValue(v: AnswerValue, lang: Lang): { text: string; range?: string } {
  const names = CLASS_NAMES[lang];
  switch (v.kind) {
    case 'text':
      return { text: v.text[lang] };
    case 'class':
      return { text: names[v.index]! };
    case 'pair': {
      const [t, p] = [names[v.truth], names[v.predicted]];
      return { text: lang === 'es' ? `tomar ${t} por ${p}` : `${t} taken for ${p}` };
    }
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
    const value = v.kind === 'text' || v.kind === 'class' || v.kind === 'pair' ? undefined : v.value;
    segments.push({ key, text, ...(value === undefined ? {} : { value }), ...(range ? { range } : {}) });
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
