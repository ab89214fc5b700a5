/** Name of Prenda's own IndexedDB database (tfjs's `indexeddb://` store is not used). */
export const DB_NAME = 'prenda-retrain';
