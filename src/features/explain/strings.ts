import { registerStrings, type Translation } from '../../app/i18n';

const en = {
  open: 'Why?',
  close: 'Hide',
  title: 'Why {class}?',
  computing: 'Working out why…',
  error: 'Could not explain this answer: {detail}',
  howTo:
    'Red pixels pushed the model towards {class}, blue ones pushed it away; the stronger the colour, the stronger the push.',
  howToVersus: 'Red: what makes it {class} rather than {other}; blue: what speaks for {other}.',
  versus: 'Why not {other}?',
  mapLabel: 'Map of the pixels that pushed the answer towards {class} (red) or away from it (blue)',
  neighbours: 'It looks like these',
  timing: '{ms} ms in the background',
  galleryWhy: 'Why?',
  galleryWhyLabel: 'Why? Image {n}, taken for {class}',
  galleryTitle: 'Test image {n}: {class} (really {truth})',
};

/** Keys of the `explain` namespace. */
export type ExplainStrings = typeof en;

const es: Translation<ExplainStrings> = {
  open: '¿Por qué?',
  close: 'Ocultar',
  title: '¿Por qué {class}?',
  computing: 'Averiguando por qué…',
  error: 'No se pudo explicar esta respuesta: {detail}',
  howTo:
    'Los píxeles rojos empujaron al modelo hacia {class} y los azules lo alejaron; cuanto más intenso el color, más fuerte el empujón.',
  howToVersus: 'Rojo: lo que lo hace {class} y no {other}; azul: lo que apunta a {other}.',
  versus: '¿Por qué no {other}?',
  mapLabel: 'Mapa de los píxeles que empujaron la respuesta hacia {class} (rojo) o la alejaron (azul)',
  neighbours: 'Se parece a estas',
  timing: '{ms} ms en segundo plano',
  galleryWhy: '¿Por qué?',
  galleryWhyLabel: '¿Por qué? Imagen {n}, tomada por {class}',
  galleryTitle: 'Imagen de test {n}: {class} (en realidad {truth})',
};

registerStrings('explain', { en, es });
