// THE one place the album asks the app's engine for probabilities. The engine is moving
// classification into a worker (`classifyMany`); swap the body of classifyInputs then.
import { activeClassifier } from '../../app/engine';
import { engineState } from '../../app/state';

const WAIT_MS = 60_000;

async function readyClassifier(): Promise<NonNullable<ReturnType<typeof activeClassifier>>> {
  const until = performance.now() + WAIT_MS;
  for (;;) {
    const c = activeClassifier();
    if (c) return c;
    if (engineState() === 'error' || performance.now() > until) throw new Error('the model is not available');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ten probabilities for each 28×28 input, in order, from the model the app is using. */
export async function classifyInputs(inputs: readonly Float32Array[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const x of inputs) {
    // A model switch drops the classifier mid-prediction; the next one answers instead.
    out.push(await (await readyClassifier()).predict(x).catch(async () => (await readyClassifier()).predict(x)));
  }
  return out;
}
