import { registerStrings, type Translation } from '../../app/i18n';

// The user's own classes: adding, counting, removing, and what a run needs of them.
const en = {
  title: 'Your classes',
  newClass: 'New class',
  newClassHint: 'Any name up to 40 characters, in any language, e.g. Hat or Scarf.',
  add: 'Add class',
  empty: 'Type a name for the new class.',
  duplicate: '“{name}” is already a class (names are compared without case, in English and Spanish).',
  tooLong: 'A class name can have at most {max} characters.',
  tooMany: 'Prenda can tell at most {max} classes apart; remove one before adding another.',
  count: '{n} samples',
  needMore: 'needs {n} more to train',
  builtIn: 'Fashion-MNIST',
  remove: 'Remove',
  removeConfirm: 'Remove “{name}” and its {n} samples?',
  removeLabel: 'Remove class {name}',
  removed: '“{name}” was removed with its {n} samples.',
  shrunk: 'The model in use no longer answers “{name}”: a copy without it is now in use.',
  keptBy: '{n} saved versions still know “{name}” and keep it: use or export one to get it back.',
  tooFew: 'Each class you add needs at least {min} samples to train: {names}.',
  removeFailed: 'Could not remove “{name}” ({detail}); nothing was changed.',
  heldOut: '{name}: {right} of {count} held-out samples right',
  fewHeldOut: 'Only {count} held out: add more samples (8 or more) for a figure to trust.',
  unscored: 'Your own classes ({names}) are not part of this evaluation: the Fashion-MNIST test set has only the ten.',
};

/** Keys of the `classManager` namespace. */
export type ClassManagerStrings = typeof en;

const es: Translation<ClassManagerStrings> = {
  title: 'Tus clases',
  newClass: 'Clase nueva',
  newClassHint: 'Cualquier nombre de hasta 40 caracteres, en cualquier idioma, p. ej. Sombrero o Bufanda.',
  add: 'Añadir clase',
  empty: 'Escribe un nombre para la clase nueva.',
  duplicate: '«{name}» ya es una clase (los nombres se comparan sin mayúsculas, en español e inglés).',
  tooLong: 'El nombre de una clase puede tener como mucho {max} caracteres.',
  tooMany: 'Prenda distingue como mucho {max} clases; quita una antes de añadir otra.',
  count: '{n} muestras',
  needMore: 'le faltan {n} para entrenar',
  builtIn: 'Fashion-MNIST',
  remove: 'Quitar',
  removeConfirm: '¿Quitar «{name}» y sus {n} muestras?',
  removeLabel: 'Quitar la clase {name}',
  removed: 'Se quitó «{name}» con sus {n} muestras.',
  shrunk: 'El modelo en uso ya no responde «{name}»: ahora se usa una copia sin ella.',
  keptBy: '{n} versiones guardadas aún conocen «{name}» y la conservan: usa o exporta una para recuperarla.',
  tooFew: 'Cada clase que añades necesita al menos {min} muestras para entrenar: {names}.',
  removeFailed: 'No se pudo quitar «{name}» ({detail}); no se cambió nada.',
  heldOut: '{name}: {right} de {count} muestras reservadas acertadas',
  fewHeldOut: 'Solo {count} reservadas: añade más muestras (8 o más) para tener una cifra fiable.',
  unscored:
    'Tus propias clases ({names}) no forman parte de esta evaluación: el conjunto de prueba de Fashion-MNIST solo tiene las diez.',
};

registerStrings('classManager', { en, es });
