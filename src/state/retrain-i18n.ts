import { lang } from './i18n';

// Retraining's interface strings; its error messages (shown by the `error` banner) are in i18n.ts.
const en = {
  retrainTitle: 'Teach Prenda your own clothes',
  retrainIntro:
    'Add drawings or photos with the right class, then retrain. Prenda fine-tunes the model in use right here, offline, mixing in Fashion-MNIST images so it keeps the ten classes it knows.',
  sampleLabel: 'Class of the next sample',
  addSample: 'Add as sample',
  addHint: 'Draw or photograph a garment to add it.',
  samplesHeading: 'Your samples',
  noSamples: 'No samples yet.',
  sampleImage: 'Sample {n}',
  relabel: 'Class of sample {n}',
  deleteSample: 'Delete sample {n}',
  settings: 'Training settings',
  epochs: 'Epochs',
  learningRate: 'Learning rate',
  layers: 'What to train',
  layersHead: 'Last layers (fast)',
  layersAll: 'All layers (slow)',
  start: 'Retrain',
  cancel: 'Cancel',
  needSamples: 'Add at least one sample to retrain.',
  idle: 'Ready to retrain the model in use.',
  preparing: 'Preparing…',
  training: 'Training: epoch {epoch} of {epochs}',
  done: 'Done in {seconds} s: the retrained model is in use.',
  cancelled: 'Cancelled: the previous model stays in use.',
  failed: 'Stopped: the previous model stays in use.',
  progress: 'Training progress',
  trainingOn: 'Training on {backend}, {where}.',
  trainedOn: 'Trained on {backend}, {where}.',
  worker: 'in the background',
  mainThread: 'on the page (no background worker here)',
  chartTitle: 'Loss and accuracy per epoch',
  loss: 'Training loss',
  trainAccuracy: 'Training accuracy',
  userAccuracy: 'Your held-out samples',
  testAccuracy: 'Fashion-MNIST test',
  epoch: 'Epoch',
  numbers: 'Show the numbers',
  resultTitle: 'Before and after',
  resultUser: 'Your held-out samples ({n})',
  resultUserAll: 'Your samples ({n})',
  resultTest: 'Fashion-MNIST test images ({n})',
  before: 'Before',
  after: 'After',
  change: 'Change',
  noteAll:
    'Fewer than 5 samples, so none were held out: this measures the samples it trained on and overstates what it learnt.',
  versionsTitle: 'Model versions',
  shipped: 'Shipped model',
  inUse: 'in use',
  use: 'Use',
  export: 'Export',
  delete: 'Delete',
  reset: 'Back to the shipped model',
  retrained: '{date} · {samples} samples · {epochs} epochs · test {before} → {after}',
  imported: 'Imported {name} · {date}',
  noVersions: 'No retrained versions yet.',
  importLabel: 'Import a model',
  importHint: 'A Prenda .zip, or a TensorFlow.js model.json with its weight files (select them together).',
  importDone: 'Imported “{name}”: it is now in use.',
};

/** Every retraining string key. */
export type RetrainKey = keyof typeof en;

const es: Record<RetrainKey, string> = {
  retrainTitle: 'Enseña a Prenda tu propia ropa',
  retrainIntro:
    'Añade dibujos o fotos con su clase correcta y reentrena. Prenda ajusta el modelo en uso aquí mismo, sin conexión, mezclando imágenes de Fashion-MNIST para no olvidar las diez clases que ya conoce.',
  sampleLabel: 'Clase de la próxima muestra',
  addSample: 'Añadir como muestra',
  addHint: 'Dibuja o fotografía una prenda para añadirla.',
  samplesHeading: 'Tus muestras',
  noSamples: 'Todavía no hay muestras.',
  sampleImage: 'Muestra {n}',
  relabel: 'Clase de la muestra {n}',
  deleteSample: 'Borrar la muestra {n}',
  settings: 'Ajustes del entrenamiento',
  epochs: 'Épocas',
  learningRate: 'Tasa de aprendizaje',
  layers: 'Qué entrenar',
  layersHead: 'Últimas capas (rápido)',
  layersAll: 'Todas las capas (lento)',
  start: 'Reentrenar',
  cancel: 'Cancelar',
  needSamples: 'Añade al menos una muestra para reentrenar.',
  idle: 'Listo para reentrenar el modelo en uso.',
  preparing: 'Preparando…',
  training: 'Entrenando: época {epoch} de {epochs}',
  done: 'Hecho en {seconds} s: el modelo reentrenado está en uso.',
  cancelled: 'Cancelado: sigue en uso el modelo anterior.',
  failed: 'Detenido: sigue en uso el modelo anterior.',
  progress: 'Progreso del entrenamiento',
  trainingOn: 'Entrenando con {backend}, {where}.',
  trainedOn: 'Entrenado con {backend}, {where}.',
  worker: 'en segundo plano',
  mainThread: 'en la página (aquí no hay trabajador en segundo plano)',
  chartTitle: 'Pérdida y acierto por época',
  loss: 'Pérdida de entrenamiento',
  trainAccuracy: 'Acierto de entrenamiento',
  userAccuracy: 'Tus muestras reservadas',
  testAccuracy: 'Test de Fashion-MNIST',
  epoch: 'Época',
  numbers: 'Ver los números',
  resultTitle: 'Antes y después',
  resultUser: 'Tus muestras reservadas ({n})',
  resultUserAll: 'Tus muestras ({n})',
  resultTest: 'Imágenes de test de Fashion-MNIST ({n})',
  before: 'Antes',
  after: 'Después',
  change: 'Cambio',
  noteAll:
    'Menos de 5 muestras, así que no se reservó ninguna: se mide con las mismas muestras del entrenamiento y exagera lo aprendido.',
  versionsTitle: 'Versiones del modelo',
  shipped: 'Modelo original',
  inUse: 'en uso',
  use: 'Usar',
  export: 'Exportar',
  delete: 'Borrar',
  reset: 'Volver al modelo original',
  retrained: '{date} · {samples} muestras · {epochs} épocas · test {before} → {after}',
  imported: 'Importado {name} · {date}',
  noVersions: 'Todavía no hay versiones reentrenadas.',
  importLabel: 'Importar un modelo',
  importHint: 'Un .zip de Prenda, o un model.json de TensorFlow.js con sus archivos de pesos (selecciónalos juntos).',
  importDone: 'Importado «{name}»: ahora está en uso.',
};

const STRINGS = { en, es };

/** The current-language text of a retraining string, `{name}` placeholders filled from `params`. */
export function tr(key: RetrainKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A share 0–1 as a percentage in the current language ("87.5 %"), or "–" for none. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${(value * 100).toLocaleString(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}
