import { lang, translator } from '../../app/strings';

const en = {
  labTitle: 'The workshop lab',
  labIntro:
    'TensorFlow’s clothing workshop ends with five questions. Prenda answers them with its own measurements: the workshop network trained with 128 and with 500 hidden neurons for {epochs} epochs, {seeds} times each (different random starts), on {train} training images, tested on {test} images.',
  quickWarning: 'These figures come from a quick smoke run on small subsets, not from the full experiment.',
  loadingResults: 'Loading the measurements…',
  resultsError: 'Could not load the measurements: {detail}',
  chartAccuracy: 'Accuracy after each epoch',
  chartLoss: 'Loss after each epoch',
  chartGap: 'Train − test accuracy gap, in points',
  chartNote:
    'Means over {seeds} seeds. Solid: training images, dashed: test images; the shaded area between them is the gap.',
  gapNote: 'Train figures measured on all training images after each epoch. Band: lowest to highest seed.',
  series: '{h} {set}',
  train: 'train',
  test: 'test',
  neurons: '{h} neurons',
  epoch: 'Epoch',
  dataTable: 'Show the numbers',
  questionsTitle: 'Five questions, answered by measurement',
  answersNote:
    'Numbers are means over {seeds} seeds with the lowest–highest seed in brackets; “higher” or “lower” means those ranges do not overlap.',
  archTitle: 'Reading an architecture',
  archIntro: 'Every model Prenda ships, layer by layer, as read from its model.json.',
  archLayer: 'Layer',
  archShape: 'Output',
  archParams: 'Parameters',
  archTotal: 'Total',
  archManifest: 'manifest: {n}',
  archWords: 'What the layers do',
  archError: 'Could not read {file}: {detail}',
  evalTitle: 'Evaluation on the test images',
  evalIntro:
    'The selected model classifies all {count} test images right here, on this device. Click a cell of the matrix to see exactly those images.',
  evalModel: 'Model',
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

/** Keys of the lab and evaluation strings. */
export type LabKey = keyof typeof en;

const es: Record<LabKey, string> = {
  labTitle: 'El laboratorio del taller',
  labIntro:
    'El taller de TensorFlow sobre ropa termina con cinco preguntas. Prenda las responde con sus propias mediciones: la red del taller entrenada con 128 y con 500 neuronas ocultas durante {epochs} épocas, {seeds} veces cada una (distintos inicios al azar), con {train} imágenes de entrenamiento y probada con {test} imágenes.',
  quickWarning: 'Estas cifras vienen de una prueba rápida con subconjuntos pequeños, no del experimento completo.',
  loadingResults: 'Cargando las mediciones…',
  resultsError: 'No se pudieron cargar las mediciones: {detail}',
  chartAccuracy: 'Exactitud tras cada época',
  chartLoss: 'Pérdida tras cada época',
  chartGap: 'Diferencia de exactitud entrenamiento − prueba, en puntos',
  chartNote:
    'Medias de {seeds} semillas. Continua: imágenes de entrenamiento; discontinua: de prueba; la zona sombreada entre ambas es la diferencia.',
  gapNote:
    'Cifras de entrenamiento medidas con todas sus imágenes tras cada época. Banda: de la semilla más baja a la más alta.',
  series: '{h} {set}',
  train: 'entren.',
  test: 'prueba',
  neurons: '{h} neuronas',
  epoch: 'Época',
  dataTable: 'Ver los números',
  questionsTitle: 'Cinco preguntas, respondidas midiendo',
  answersNote:
    'Las cifras son medias de {seeds} semillas con la semilla más baja y la más alta entre corchetes; «mayor» o «menor» significa que esos rangos no se solapan.',
  archTitle: 'Cómo leer una arquitectura',
  archIntro: 'Cada modelo que trae Prenda, capa a capa, leído de su model.json.',
  archLayer: 'Capa',
  archShape: 'Salida',
  archParams: 'Parámetros',
  archTotal: 'Total',
  archManifest: 'manifiesto: {n}',
  archWords: 'Qué hace cada capa',
  archError: 'No se pudo leer {file}: {detail}',
  evalTitle: 'Evaluación con las imágenes de prueba',
  evalIntro:
    'El modelo elegido clasifica aquí mismo, en este dispositivo, las {count} imágenes de prueba. Toca una casilla de la matriz para ver exactamente esas imágenes.',
  evalModel: 'Modelo',
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

/** The current-language text of a lab/evaluation string, `{name}` placeholders filled from `params`. */
export const tl = translator<LabKey>({ en, es });

/** A number in the current language's format ("10,000" / "10.000"). */
export function fmt(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  } as Intl.NumberFormatOptions).format(n);
}
