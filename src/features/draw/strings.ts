import { registerStrings, type Translation } from '../../app/i18n';

const en = {
  tools: 'Drawing tools',
  brush: 'Brush',
  eraser: 'Eraser',
  fill: 'Fill',
  brushSize: 'Brush size',
  undo: 'Undo',
  clear: 'Clear',
  removePhoto: 'Remove photo',
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
  examples: 'Try an example',
  example: 'Example: {name}',
  mode: 'Draw or photograph',
  modeDraw: 'Draw',
  modePhoto: 'Photo',
};

/** Keys of the `draw` namespace. */
export type DrawStrings = typeof en;

const es: Translation<DrawStrings> = {
  tools: 'Herramientas de dibujo',
  brush: 'Pincel',
  eraser: 'Goma',
  fill: 'Rellenar',
  brushSize: 'Grosor del pincel',
  undo: 'Deshacer',
  clear: 'Borrar',
  removePhoto: 'Quitar la foto',
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
  examples: 'Prueba un ejemplo',
  example: 'Ejemplo: {name}',
  mode: 'Dibujar o fotografiar',
  modeDraw: 'Dibujar',
  modePhoto: 'Foto',
};

registerStrings('draw', { en, es });
