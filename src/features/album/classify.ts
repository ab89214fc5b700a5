// THE one place the album asks the app's engine for probabilities: the engine's batch lane
// (`classifyMany`, in the classification worker where there is one).
import { activeClassifier, classifyMany } from '../../app/engine';
import { engineState } from '../../app/state';

const WAIT_MS = 60_000;

/** Waits until a model is loaded (start-up, a model switch) or says why there is none. */
async function modelReady(): Promise<void> {
  const until = performance.now() + WAIT_MS;
  while (!activeClassifier()) {
    if (engineState() === 'error' || performance.now() > until) throw new Error('the model is not available');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The probabilities for each 28×28 input, in order, from the model the app is using. */
export async function classifyInputs(inputs: readonly Float32Array[]): Promise<Float32Array[]> {
  await modelReady();
  // A model switch drops the classifier mid-batch; the next one answers instead.
  return classifyMany([...inputs]).catch(async () => {
    await modelReady();
    return classifyMany([...inputs]);
  });
}
