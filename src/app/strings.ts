import { createEffect, createRoot, createSignal } from 'solid-js';
import { CLASS_NAMES, type Lang } from '../core/classes';
import { langFor, parseUrlParams } from '../core/url-params';

const en = {
  views: 'Views',
  viewDraw: 'Draw',
  viewLab: 'Lab',
  viewEval: 'Evaluation',
  tagline: 'Draw a garment and Prenda guesses what it is, right on your device.',
  tools: 'Drawing tools',
  brush: 'Brush',
  eraser: 'Eraser',
  fill: 'Fill',
  brushSize: 'Brush size',
  undo: 'Undo',
  clear: 'Clear',
  photo: 'Photo',
  drawSection: 'Drawing',
  canvasLabel: 'Drawing area: draw a garment, filled in like a silhouette',
  padRole: 'drawing pad',
  padKeys:
    'Keyboard: the arrow keys move the cursor (with Shift, in bigger steps); Space or Enter puts the pen down or lifts it, and moving with the pen down draws with the chosen tool; F fills the shape under the cursor; Escape lifts the pen; Ctrl+Z undoes.',
  penDown: 'Pen down ({tool})',
  penUp: 'Pen up',
  filled: 'Filled',
  fillTip: 'Tip: draw an outline, then use Fill to make it solid.',
  drawHere: 'Draw a garment here',
  hint: 'Draw a garment to see what Prenda thinks it is.',
  resultHeading: 'Prenda thinks it is',
  maybe: 'Not sure. Maybe {name}?',
  topAnnouncement: 'Looks like: {name}',
  confidences: 'Confidence per class',
  preview: 'What the model sees (28×28)',
  examples: 'Try an example',
  example: 'Example: {name}',
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
  photoError: 'Could not read that image: {detail}',
  cameraError: '{detail}',
  storageUnavailable:
    'This browser does not let Prenda store your samples and models (private mode?): they work until you close the page.',
  storageFull:
    'Storage is full: new samples and models are kept only until you close the page. Delete old versions or samples to make room.',
  retrainNaN:
    'Training diverged (the loss became NaN or infinite) and was stopped; that run was discarded and the previous model stays. Try a smaller learning rate.',
  retrainFailed: 'Training failed ({detail}); the previous model stays.',
  retrainSaveFailed: 'The retrained model could not be saved and checked ({detail}); the previous model stays.',
  versionBroken: 'A saved model version could not be used and was skipped ({detail}); using the shipped model.',
  importFailed: 'Could not import that file: {detail}',
  importInput: 'That model does not fit Prenda: its input is {shape}, but Prenda gives it a 28×28 image.',
  importOutput: 'That model does not fit Prenda: it outputs {shape} values, but Prenda needs one per class (10).',
  exportFailed: 'Could not export that version: {detail}',
  offlineReady: 'Ready to work offline.',
  needRefresh: 'New version available.',
  reload: 'Reload',
  dismiss: 'Close',
  privacy: 'Everything runs on your device; drawings and photos never leave it.',
};

/** Every translatable string key. */
export type StringKey = keyof typeof en;

const es: Record<StringKey, string> = {
  views: 'Vistas',
  viewDraw: 'Dibujar',
  viewLab: 'Laboratorio',
  viewEval: 'Evaluación',
  tagline: 'Dibuja una prenda y Prenda adivina qué es, en tu propio dispositivo.',
  tools: 'Herramientas de dibujo',
  brush: 'Pincel',
  eraser: 'Goma',
  fill: 'Rellenar',
  brushSize: 'Grosor del pincel',
  undo: 'Deshacer',
  clear: 'Borrar',
  photo: 'Foto',
  drawSection: 'Dibujo',
  canvasLabel: 'Zona de dibujo: dibuja una prenda, rellena como una silueta',
  padRole: 'lienzo de dibujo',
  padKeys:
    'Teclado: las flechas mueven el cursor (con Mayús, a pasos más largos); Espacio o Intro apoya o levanta el lápiz, y al moverlo apoyado dibuja con la herramienta elegida; F rellena la forma bajo el cursor; Escape levanta el lápiz; Ctrl+Z deshace.',
  penDown: 'Lápiz apoyado ({tool})',
  penUp: 'Lápiz levantado',
  filled: 'Relleno',
  fillTip: 'Consejo: dibuja el contorno y usa Rellenar para hacerlo sólido.',
  drawHere: 'Dibuja aquí una prenda',
  hint: 'Dibuja una prenda para ver qué cree Prenda que es.',
  resultHeading: 'Prenda cree que es',
  maybe: 'No estoy seguro. ¿Quizá {name}?',
  topAnnouncement: 'Parece: {name}',
  confidences: 'Confianza por clase',
  preview: 'Lo que ve el modelo (28×28)',
  examples: 'Prueba un ejemplo',
  example: 'Ejemplo: {name}',
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
  photoError: 'No se pudo leer esa imagen: {detail}',
  cameraError: '{detail}',
  storageUnavailable:
    'Este navegador no deja a Prenda guardar tus muestras y modelos (¿modo privado?): funcionan hasta que cierres la página.',
  storageFull:
    'El almacenamiento está lleno: las nuevas muestras y modelos solo duran hasta que cierres la página. Borra versiones o muestras antiguas para hacer sitio.',
  retrainNaN:
    'El entrenamiento se descontroló (la pérdida salió NaN o infinita) y se detuvo; se descartó y sigue el modelo anterior. Prueba con una tasa de aprendizaje menor.',
  retrainFailed: 'Falló el entrenamiento ({detail}); sigue el modelo anterior.',
  retrainSaveFailed: 'No se pudo guardar y comprobar el modelo reentrenado ({detail}); sigue el modelo anterior.',
  versionBroken: 'Una versión guardada del modelo no se pudo usar y se omitió ({detail}); se usa el modelo original.',
  importFailed: 'No se pudo importar ese archivo: {detail}',
  importInput: 'Ese modelo no encaja en Prenda: su entrada es {shape}, pero Prenda le da una imagen de 28×28.',
  importOutput: 'Ese modelo no encaja en Prenda: da {shape} valores, pero Prenda necesita uno por clase (10).',
  exportFailed: 'No se pudo exportar esa versión: {detail}',
  offlineReady: 'Lista para usar sin conexión.',
  needRefresh: 'Nueva versión disponible.',
  reload: 'Recargar',
  dismiss: 'Cerrar',
  privacy: 'Todo se ejecuta en tu dispositivo; tus dibujos y fotos nunca salen de él.',
};

/** Values for a string's `{name}` placeholders. */
export type Params = Record<string, string | number>;

/** A user-facing message: a string key plus its placeholder values. */
export interface Message {
  key: StringKey;
  params?: Params;
}

const initial = langFor(
  typeof navigator === 'undefined' ? undefined : navigator.language,
  parseUrlParams(typeof location === 'undefined' ? '' : location.search).lang,
);

/** The interface language and its setter (device language, `?lang=` overrides). */
export const [lang, setLang] = createSignal<Lang>(initial);

/**
 * A translate function over one dictionary per language (the app's, and the lazily loaded photo,
 * lab and retraining ones): the current-language text for a key, `{name}` placeholders filled.
 */
export function translator<K extends string>(strings: Record<Lang, Record<K, string>>) {
  return (key: K, params: Params = {}): string =>
    strings[lang()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The current-language text for `key`, with `{name}` placeholders filled from `params`. */
export const t = translator<StringKey>({ en, es });

/** Renders a {@link Message} in the current language. */
export function say(message: Message): string {
  return t(message.key, message.params);
}

/** The name of Fashion-MNIST class `index` in the current language. */
export function classLabel(index: number): string {
  return CLASS_NAMES[lang()][index] ?? '';
}

if (typeof document !== 'undefined') {
  createRoot(() => createEffect(() => (document.documentElement.lang = lang())));
}
