import type { Translation } from '../../app/i18n';

// Strings of the "nothing lost" work (issue 12), spread into strings.ts's `retrain` namespace.

/** English: refusals, unsaved runs, other tabs, the import question, storage faults. */
export const safetyEn = {
  sampleFull:
    'Storage is full, so that sample was not added (your other samples are kept). Delete old versions or samples to make room.',
  sampleNotStored: 'That sample could not be stored ({detail}), so it was not added; your other samples are kept.',
  sampleGone: 'That sample was deleted (in another tab?) and stays deleted.',
  trainingElsewhere: 'Prenda is training in another tab: wait for it to finish there.',
  elsewhere: 'Training in another tab…',
  doneUnsaved: 'Trained in {seconds} s, but not saved: the model is in use until you close this page.',
  unsaved: 'Trained but not saved ({detail}). The new model is in use until you close this page: export it to keep it.',
  exportUnsaved: 'Export it',
  unsavedVersion: 'Not saved (this session only)',
  repairFailed: 'Could not repair storage: {detail}',
  importFull: 'Storage is full, so the model was not imported; the model in use did not change.',
  importNotStored: 'The model could not be stored ({detail}); the model in use did not change.',
  importModel: 'That model does not fit Prenda: {detail}',
  importChecking: 'Checking the model…',
  importSaving: 'Saving the model…',
  importQuestion: '“{name}” gets {percent} of {n} test images right. Use it anyway?',
  importUse: 'Use it anyway',
  importCancel: 'Keep the current model',
  importCancelled: 'Not imported: the model in use did not change.',
  faultsTitle: 'Stored data that could not be read (skipped):',
  fault: '{store} “{label}”: {problem}',
  faultDelete: 'Delete',
  repair: 'Repair storage',
  repairHint: 'Removes only what is listed; your other samples and versions stay.',
  safeStart: 'Safe start: the shipped model is in use and no stored version was loaded.',
};

/** Spanish. */
export const safetyEs: Translation<typeof safetyEn> = {
  sampleFull:
    'El almacenamiento está lleno, así que esa muestra no se añadió (tus otras muestras siguen). Borra versiones o muestras antiguas para hacer sitio.',
  sampleNotStored: 'Esa muestra no se pudo guardar ({detail}), así que no se añadió; tus otras muestras siguen.',
  sampleGone: 'Esa muestra se borró (¿en otra pestaña?) y sigue borrada.',
  trainingElsewhere: 'Prenda está entrenando en otra pestaña: espera a que termine allí.',
  elsewhere: 'Entrenando en otra pestaña…',
  doneUnsaved: 'Entrenado en {seconds} s, pero sin guardar: el modelo está en uso hasta que cierres esta página.',
  unsaved:
    'Entrenado pero sin guardar ({detail}). El nuevo modelo está en uso hasta que cierres esta página: expórtalo para conservarlo.',
  exportUnsaved: 'Exportarlo',
  unsavedVersion: 'Sin guardar (solo esta sesión)',
  repairFailed: 'No se pudo reparar el almacenamiento: {detail}',
  importFull: 'El almacenamiento está lleno, así que el modelo no se importó; el modelo en uso no cambió.',
  importNotStored: 'No se pudo guardar el modelo ({detail}); el modelo en uso no cambió.',
  importModel: 'Ese modelo no encaja en Prenda: {detail}',
  importChecking: 'Comprobando el modelo…',
  importSaving: 'Guardando el modelo…',
  importQuestion: '«{name}» acierta {percent} de {n} imágenes de test. ¿Usarlo de todos modos?',
  importUse: 'Usarlo de todos modos',
  importCancel: 'Seguir con el modelo actual',
  importCancelled: 'No se importó: el modelo en uso no cambió.',
  faultsTitle: 'Datos guardados que no se pudieron leer (omitidos):',
  fault: '{store} «{label}»: {problem}',
  faultDelete: 'Borrar',
  repair: 'Reparar el almacenamiento',
  repairHint: 'Quita solo lo listado; tus otras muestras y versiones siguen.',
  safeStart: 'Arranque seguro: se usa el modelo original y no se cargó ninguna versión guardada.',
};
