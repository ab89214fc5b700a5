import { registerStrings, type Translation } from '../../app/i18n';

const en = {
  evalTitle: 'Evaluation on the test images',
  evalIntro:
    'The selected model classifies all {count} test images right here, on this device. Click a cell of the matrix to see exactly those images.',
  evalModel: 'Model',
  unscoredClasses:
    'The model in use also knows your own classes ({names}); they are not part of this evaluation: the test images hold only the ten, scored on their ten outputs.',
  evalWaiting: 'Waiting for the model…',
  evalLoading: 'Loading the test images…',
  evalPredicting: 'Classifying {done} of {total} images…',
  evalError: 'The evaluation failed: {detail}',
  evalAccuracy: 'Accuracy here ({backend})',
  evalManifest: 'Accuracy measured by the trainer',
  evalTiming: '{count} images in {s} s',
  matrixTitle: 'Confusion matrix',
  matrixAxes: 'Rows: true class. Columns: predicted class.',
  matrixTrue: 'True',
  matrixPred: 'Predicted',
  matrixCell: '{truth} predicted as {pred}: {n} images',
  pairsTitle: 'Most confused pairs',
  pairsIntro: 'The mistakes the model makes most often — the evidence for question 2.',
  pairLabel: '{truth} taken for {pred}',
  showAll: 'Show all {n}',
  galleryTitle: '{truth} predicted as {pred}',
  galleryCount: '{n} images',
  page: 'Page {p} of {n}',
  previous: 'Previous',
  next: 'Next',
  close: 'Close',
  right: 'right',
  wrong: 'wrong',
  trueWas: 'true: {name}',
};

/** Keys of the `eval` namespace. */
export type EvalStrings = typeof en;

const es: Translation<EvalStrings> = {
  evalTitle: 'Evaluación con las imágenes de prueba',
  evalIntro:
    'El modelo elegido clasifica aquí mismo, en este dispositivo, las {count} imágenes de prueba. Toca una casilla de la matriz para ver exactamente esas imágenes.',
  evalModel: 'Modelo',
  unscoredClasses:
    'El modelo en uso también conoce tus propias clases ({names}); no forman parte de esta evaluación: las imágenes de prueba solo tienen las diez, puntuadas con sus diez salidas.',
  evalWaiting: 'Esperando al modelo…',
  evalLoading: 'Cargando las imágenes de prueba…',
  evalPredicting: 'Clasificando {done} de {total} imágenes…',
  evalError: 'Falló la evaluación: {detail}',
  evalAccuracy: 'Exactitud aquí ({backend})',
  evalManifest: 'Exactitud medida al entrenar',
  evalTiming: '{count} imágenes en {s} s',
  matrixTitle: 'Matriz de confusión',
  matrixAxes: 'Filas: clase real. Columnas: clase predicha.',
  matrixTrue: 'Real',
  matrixPred: 'Predicha',
  matrixCell: '{truth} predicho como {pred}: {n} imágenes',
  pairsTitle: 'Las confusiones más frecuentes',
  pairsIntro: 'Los errores que más comete el modelo: la prueba para la pregunta 2.',
  pairLabel: 'tomar {truth} por {pred}',
  showAll: 'Ver las {n}',
  galleryTitle: '{truth} predicho como {pred}',
  galleryCount: '{n} imágenes',
  page: 'Página {p} de {n}',
  previous: 'Anterior',
  next: 'Siguiente',
  close: 'Cerrar',
  right: 'acierto',
  wrong: 'error',
  trueWas: 'real: {name}',
};

registerStrings('eval', { en, es });
