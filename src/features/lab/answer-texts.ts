// The workshop's five questions and Prenda's answer templates, read from the lab's dictionaries
// (strings.ts); every {placeholder} is a measured value from core/lab/answer-values.ts.
import type { Lang } from '../../core/classes';
import { LAB_TEXT } from './strings';

/** A question and its answer template. */
export interface QuestionText {
  question: string;
  answer: string;
}

/** Question number 1–5. */
export type QuestionNumber = 1 | 2 | 3 | 4 | 5;

/** The question numbers in order. */
export const QUESTIONS: readonly QuestionNumber[] = [1, 2, 3, 4, 5];

function questionsIn(language: Lang): Record<QuestionNumber, QuestionText> {
  const text = LAB_TEXT[language];
  const entry = (q: QuestionNumber): QuestionText => ({
    question: text[`q${q}.question`],
    answer: text[`q${q}.answer`],
  });
  return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4), 5: entry(5) };
}

/** Questions and answer templates per language. */
export const ANSWER_TEXTS: Record<Lang, Record<QuestionNumber, QuestionText>> = {
  en: questionsIn('en'),
  es: questionsIn('es'),
};
