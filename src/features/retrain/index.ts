// Retraining: the user's samples, fine-tuning in a worker, before/after, model versions and their
// files. Loaded after the shell has painted; the engine asks it for the stored version to start with.
import './strings';
import './ClassManager.strings';

export type { RetrainStrings } from './strings';
export type { ClassManagerStrings } from './ClassManager.strings';
export { RetrainPanel } from './RetrainPanel';
export { startupModel } from './versions';
export { addSample } from './samples';
