import type { ImageProblem } from '../../core/photo/image-header';
import { registerStrings, type StringKey, type Translation } from '../../app/i18n';

const en = {
  photoTitle: 'Photograph a garment',
  photoIntro: 'One garment, laid flat or hung, filling most of the picture.',
  orDrop: 'Or drop a photo here.',
  cameraStart: 'Live camera',
  cameraStop: 'Stop camera',
  cameraCapture: 'Capture',
  cameraRetake: 'Live again',
  cameraSwitch: 'Switch camera',
  cameraVideo: 'Camera preview',
  cameraStarting: 'Starting the camera…',
  cameraLive: 'Live: point the camera at one garment.',
  cameraFrozen: 'Captured.',
  cameraDenied: 'Camera access was denied. You can take or choose a photo instead.',
  cameraMissing: 'No camera is available here. You can choose a photo instead.',
  cameraTimeout: 'The camera did not start in time. You can take or choose a photo instead.',
  cameraFailed: 'The camera stopped working ({detail}). You can take or choose a photo instead.',
  takePhoto: 'Take or choose a photo',
  dropHere: 'Drop the photo to classify it',
  shownPhoto: 'The photo being classified',
  toAlbum: 'Many photos',
  stepsTitle: 'How Prenda sees your photo',
  stepPhoto: 'Photo',
  stepMask: 'Garment found',
  stepCrop: 'Cut out on white',
  stepInput: 'Model input 28×28',
  sure: 'Looks like: {name} ({p})',
  notSure: 'Not sure — this doesn’t look like any of the ten garments. Best guess: {name} ({p}).',
  noGarment: 'Not sure — no single garment stands out. Lay one garment on a plain surface and fill the frame.',
  photoModel: 'Photos are classified with the photo network, trained on real phone photos as well.',
  empty: 'the file is empty (0 bytes)',
  notImage: 'this is not an image file (JPEG, PNG, WebP, GIF or AVIF expected)',
  damaged: 'the image file is damaged or incomplete',
  tooLarge: 'the image is too large to read safely ({w} × {h} pixels); use a photo under 40 megapixels',
  heic: 'this browser cannot read HEIC photos; choose “Most compatible” (JPEG) in the camera settings or share the photo as JPEG',
  undecodable: 'this browser could not decode the image',
  photoError: 'Could not read that image: {detail}',
  cameraError: '{detail}',
};

/** Keys of the `photo` namespace. */
export type PhotoStrings = typeof en;

const es: Translation<PhotoStrings> = {
  photoTitle: 'Fotografía una prenda',
  photoIntro: 'Una sola prenda, extendida o colgada, que ocupe casi toda la foto.',
  orDrop: 'O suelta aquí una foto.',
  cameraStart: 'En directo',
  cameraStop: 'Parar cámara',
  cameraCapture: 'Capturar',
  cameraRetake: 'Volver a directo',
  cameraSwitch: 'Cambiar de cámara',
  cameraVideo: 'Vista de la cámara',
  cameraStarting: 'Encendiendo la cámara…',
  cameraLive: 'En directo: apunta la cámara a una prenda.',
  cameraFrozen: 'Capturada.',
  cameraDenied: 'Se denegó el acceso a la cámara. Puedes hacer o elegir una foto.',
  cameraMissing: 'No hay ninguna cámara disponible. Puedes elegir una foto.',
  cameraTimeout: 'La cámara no arrancó a tiempo. Puedes hacer o elegir una foto.',
  cameraFailed: 'La cámara dejó de funcionar ({detail}). Puedes hacer o elegir una foto.',
  takePhoto: 'Hacer o elegir una foto',
  dropHere: 'Suelta la foto para clasificarla',
  shownPhoto: 'La foto que se clasifica',
  toAlbum: 'Varias fotos',
  stepsTitle: 'Cómo ve Prenda tu foto',
  stepPhoto: 'Foto',
  stepMask: 'Prenda encontrada',
  stepCrop: 'Recortada sobre blanco',
  stepInput: 'Entrada del modelo 28×28',
  sure: 'Parece: {name} ({p})',
  notSure: 'No estoy seguro: no parece ninguna de las diez prendas. Lo más probable: {name} ({p}).',
  noGarment:
    'No estoy seguro: no destaca ninguna prenda. Pon una sola prenda sobre una superficie lisa y llena el encuadre.',
  photoModel: 'Las fotos se clasifican con la red para fotos, entrenada también con fotos reales de móvil.',
  empty: 'el archivo está vacío (0 bytes)',
  notImage: 'no es un archivo de imagen (se espera JPEG, PNG, WebP, GIF o AVIF)',
  damaged: 'la imagen está dañada o incompleta',
  tooLarge:
    'la imagen es demasiado grande para leerla con seguridad ({w} × {h} píxeles); usa una foto de menos de 40 megapíxeles',
  heic: 'este navegador no puede leer fotos HEIC; elige «Más compatible» (JPEG) en los ajustes de la cámara o comparte la foto como JPEG',
  undecodable: 'este navegador no pudo decodificar la imagen',
  photoError: 'No se pudo leer esa imagen: {detail}',
  cameraError: '{detail}',
};

registerStrings('photo', { en, es });

/** The string key explaining an image-file problem. */
export const PROBLEM_KEY: Record<ImageProblem, StringKey> = {
  empty: 'photo.empty',
  notImage: 'photo.notImage',
  damaged: 'photo.damaged',
  tooLarge: 'photo.tooLarge',
};
