import { registerStrings, type Translation } from './i18n';

// The shell's own strings: views, model and engine, language, service worker, its errors.
const en = {
  views: 'Views',
  viewDraw: 'Classify',
  viewLab: 'Lab',
  viewEval: 'Evaluation',
  tagline: 'Draw a garment and Prenda guesses what it is, right on your device.',
  taglinePhoto: 'Photograph a garment and Prenda guesses what it is, right on your device.',
  model: 'Model',
  modelDetails: '{acc} right on the 10,000 test images · {size} · {params} parameters',
  modelOption: '{name} · {acc} · {size}',
  engine: 'Engine',
  loading: 'loading…',
  lastPrediction: '{ms} ms',
  language: 'Español',
  languageLabel: 'Cambiar a español',
  fallback: '{requested} is not available here, using {name}.',
  gpuLost: 'The graphics processor stopped ({reason}); switched to {name}.',
  manifestError: 'Could not load the list of models: {detail}',
  modelError: 'Could not load model “{id}”: {detail}',
  backendError: 'No engine could start on this device: {detail}',
  predictError: 'Classification failed: {detail}',
  offlineReady: 'Ready to work offline: drawing and photos with the default model.',
  offlineTitle: 'Offline',
  offlineNone: 'Preparing offline use…',
  offlineCoreReady:
    'Ready to work offline: drawing and photos with the default model. The Lab, the Evaluation view, retraining and the other models need a connection the first time.',
  offlineAllReady:
    'Everything is available offline: drawing, photos, every model, the Lab, the Evaluation view with its 10,000 test images, and retraining.',
  offlineAll: 'Make everything available offline',
  offlineStarting: 'Downloading…',
  offlineCaching: 'Downloading {done} of {total}…',
  offlineFailed: '{count} files could not be downloaded; try again when connected.',
  needRefresh: 'New version available.',
  reload: 'Reload',
  dismiss: 'Close',
  privacy: 'Everything runs on your device; drawings and photos never leave it.',
};

/** Keys of the `app` namespace. */
export type AppStrings = typeof en;

const es: Translation<AppStrings> = {
  views: 'Vistas',
  viewDraw: 'Clasificar',
  viewLab: 'Laboratorio',
  viewEval: 'Evaluación',
  tagline: 'Dibuja una prenda y Prenda adivina qué es, en tu propio dispositivo.',
  taglinePhoto: 'Fotografía una prenda y Prenda adivina qué es, en tu propio dispositivo.',
  model: 'Modelo',
  modelDetails: '{acc} de acierto en las 10 000 imágenes de test · {size} · {params} parámetros',
  modelOption: '{name} · {acc} · {size}',
  engine: 'Motor',
  loading: 'cargando…',
  lastPrediction: '{ms} ms',
  language: 'English',
  languageLabel: 'Switch to English',
  fallback: '{requested} no está disponible aquí; se usa {name}.',
  gpuLost: 'El procesador gráfico se detuvo ({reason}); ahora se usa {name}.',
  manifestError: 'No se pudo cargar la lista de modelos: {detail}',
  modelError: 'No se pudo cargar el modelo «{id}»: {detail}',
  backendError: 'Ningún motor pudo arrancar en este dispositivo: {detail}',
  predictError: 'Falló la clasificación: {detail}',
  offlineReady: 'Lista para usar sin conexión: dibujo y fotos con el modelo predeterminado.',
  offlineTitle: 'Sin conexión',
  offlineNone: 'Preparando el uso sin conexión…',
  offlineCoreReady:
    'Lista para usar sin conexión: dibujo y fotos con el modelo predeterminado. El Laboratorio, la vista de Evaluación, el reentrenamiento y los demás modelos necesitan conexión la primera vez.',
  offlineAllReady:
    'Todo está disponible sin conexión: dibujo, fotos, todos los modelos, el Laboratorio, la vista de Evaluación con sus 10.000 imágenes de prueba y el reentrenamiento.',
  offlineAll: 'Dejar todo disponible sin conexión',
  offlineStarting: 'Descargando…',
  offlineCaching: 'Descargando {done} de {total}…',
  offlineFailed: 'No se pudieron descargar {count} archivos; inténtalo de nuevo con conexión.',
  needRefresh: 'Nueva versión disponible.',
  reload: 'Recargar',
  dismiss: 'Cerrar',
  privacy: 'Todo se ejecuta en tu dispositivo; tus dibujos y fotos nunca salen de él.',
};

registerStrings('app', { en, es });
