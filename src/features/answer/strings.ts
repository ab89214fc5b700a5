import { registerStrings, type Translation } from '../../app/i18n';

const en = {
  hint: 'Draw a garment to see what Prenda thinks it is.',
  hintPhoto: 'Take or choose a photo of one garment to see what Prenda thinks it is.',
  resultHeading: 'Prenda thinks it is',
  maybe: 'Not sure. Maybe {name}?',
  /** The one-line guess under the pad says it shorter (it must fit two lines on a phone). */
  maybeShort: 'maybe {name}?',
  confidences: 'Confidence per class',
  preview: 'What the model sees (28×28)',
};

/** Keys of the `answer` namespace. */
export type AnswerStrings = typeof en;

const es: Translation<AnswerStrings> = {
  hint: 'Dibuja una prenda para ver qué cree Prenda que es.',
  hintPhoto: 'Haz o elige una foto de una prenda para ver qué cree Prenda que es.',
  resultHeading: 'Prenda cree que es',
  maybe: 'No estoy seguro. ¿Quizá {name}?',
  maybeShort: '¿quizá {name}?',
  confidences: 'Confianza por clase',
  preview: 'Lo que ve el modelo (28×28)',
};

registerStrings('answer', { en, es });
