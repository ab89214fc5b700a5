import { registerStrings, type Translation } from '../../app/i18n';

// The album's interface strings.
const en = {
  albumTitle: 'Album: many photos at once',
  albumIntro:
    'Choose or share several photos: Prenda sorts each one, here on your device. Correct a class in one tap; corrections become retraining samples.',
  choose: 'Choose photos',
  progress: '{done} of {total} photos',
  working: 'Classifying {done} of {total}…',
  finished: '{total} photos classified.',
  filter: 'Show',
  all: 'All ({n})',
  notSure: 'not sure',
  why: 'Why?',
  noGarment: 'no garment',
  correct: 'Correct class of {file}',
  corrected: 'You said: {name}',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  failed: 'could not classify it ({detail})',
  thumb: 'Photo {file}',
};

/** Keys of the `album` namespace. */
export type AlbumStrings = typeof en;

const es: Translation<AlbumStrings> = {
  albumTitle: 'Álbum: muchas fotos a la vez',
  albumIntro:
    'Elige o comparte varias fotos: Prenda clasifica cada una aquí, en tu dispositivo. Corrige una clase con un toque; las correcciones pasan a ser muestras para reentrenar.',
  choose: 'Elegir fotos',
  progress: '{done} de {total} fotos',
  working: 'Clasificando {done} de {total}…',
  finished: '{total} fotos clasificadas.',
  filter: 'Mostrar',
  all: 'Todas ({n})',
  notSure: 'no estoy seguro',
  why: '¿Por qué?',
  noGarment: 'sin prenda',
  correct: 'Corregir la clase de {file}',
  corrected: 'Dijiste: {name}',
  exportCsv: 'Exportar CSV',
  exportJson: 'Exportar JSON',
  failed: 'no se pudo clasificar ({detail})',
  thumb: 'Foto {file}',
};

registerStrings('album', { en, es });
