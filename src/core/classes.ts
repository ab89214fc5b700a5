/** Interface languages Prenda speaks. */
export type Lang = 'es' | 'en';

/** Number of Fashion-MNIST classes. */
export const NUM_CLASSES = 10;

/** Side of a Fashion-MNIST image in pixels. */
export const IMAGE_SIDE = 28;

/** Pixels in one 28×28 image. */
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;

/** Class names in Fashion-MNIST label order, per language. */
export const CLASS_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  es: ['Camiseta/top', 'Pantalón', 'Jersey', 'Vestido', 'Abrigo', 'Sandalia', 'Camisa', 'Zapatilla', 'Bolso', 'Botín'],
};

/** Name of class `index` in `lang`. */
export function className(index: number, lang: Lang): string {
  const name = CLASS_NAMES[lang][index];
  if (name === undefined) throw new RangeError(`No Fashion-MNIST class ${index}`);
  return name;
}
