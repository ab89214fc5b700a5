// The workshop lab: measured train/test curves, the five questions answered with those numbers,
// and every model's architecture explained. Loaded when the Lab view opens.
import './strings';

export type { LabStrings } from './strings';
export { LabView } from './LabView';
