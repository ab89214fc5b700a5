import type { Lang } from '../../core/classes';

/** What a layer type or activation does, in plain words, per language. */
export const LAYER_WORDS: Record<string, Record<Lang, string>> = {
  Flatten: {
    en: 'Flatten lays the image out as one long row of numbers (28×28 → 784). It learns nothing.',
    es: 'Flatten pone la imagen en una sola fila de números (28×28 → 784). No aprende nada.',
  },
  Reshape: {
    en: 'Reshape changes how the numbers are arranged (here it adds a channel axis) without changing them.',
    es: 'Reshape cambia cómo se ordenan los números (aquí añade un eje de canal) sin alterarlos.',
  },
  Dense: {
    en: 'Dense connects every input to every neuron: each neuron adds up its inputs times learned weights, plus a bias.',
    es: 'Dense conecta cada entrada con cada neurona: cada neurona suma sus entradas por pesos aprendidos, más un sesgo.',
  },
  Conv2D: {
    en: 'A convolution slides small k×k filters over the image; each filter learns to light up on one local pattern (an edge, a corner, a strap), wherever it appears.',
    es: 'Una convolución desliza pequeños filtros k×k por la imagen; cada filtro aprende a encenderse ante un patrón local (un borde, una esquina, una tira), esté donde esté.',
  },
  MaxPooling2D: {
    en: 'Pooling keeps the strongest value of each 2×2 patch: half the width and height, same channels, no parameters.',
    es: 'El pooling se queda con el valor más fuerte de cada bloque de 2×2: la mitad de ancho y alto, los mismos canales, sin parámetros.',
  },
  Dropout: {
    en: 'Dropout switches off a random share of its inputs while training only, so the network cannot lean on a few of them; it does nothing when predicting.',
    es: 'Dropout apaga al azar una parte de sus entradas solo durante el entrenamiento, para que la red no dependa de unas pocas; al predecir no hace nada.',
  },
  BatchNormalization: {
    en: 'Batch normalisation rescales each channel to a steady range, which makes training faster and steadier.',
    es: 'La normalización por lotes reescala cada canal a un rango estable, lo que hace el entrenamiento más rápido y estable.',
  },
  relu: {
    en: 'ReLU keeps positive values and turns negative ones into 0: the bend that lets stacked layers learn more than straight lines.',
    es: 'ReLU deja los valores positivos y convierte los negativos en 0: el codo que permite a las capas apiladas aprender más que líneas rectas.',
  },
  softmax: {
    en: 'Softmax turns the last ten numbers into ten probabilities that add up to 1, one per class.',
    es: 'Softmax convierte los diez últimos números en diez probabilidades que suman 1, una por clase.',
  },
};

/** The plain-words entries for the layer kinds and activations of a model, in order of appearance. */
export function wordsFor(layers: readonly { kind: string; activation?: string }[]): string[] {
  const keys: string[] = [];
  for (const l of layers) {
    for (const k of [l.kind, l.activation]) if (k && LAYER_WORDS[k] && !keys.includes(k)) keys.push(k);
  }
  return keys;
}
