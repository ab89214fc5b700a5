// Retraining off the main thread, so drawing and scrolling stay smooth while the model learns.
import { retrain } from './retrain';
import { loadRetrainData } from './retrain-data';
import { failureKind, type FromWorker, type ToWorker } from './retrain-protocol';
import { startTrainingBackend } from './training-backend';
import { errorText } from '../../core/errors';

const controller = new AbortController();
// The DOM typings describe `self` as a Window; its postMessage(message, { transfer }) matches a worker's.
const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

async function train(message: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  try {
    const [name, data] = await Promise.all([
      startTrainingBackend(message.backend, message.force),
      loadRetrainData(message.dataUrl, message.photos),
    ]);
    post({ type: 'backend', name });
    const outcome = await retrain(
      { ...message.job, ...data },
      {
        signal: controller.signal,
        onBefore: (before) => post({ type: 'before', before }),
        onEpoch: (metrics) => post({ type: 'epoch', metrics }),
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      },
    );
    post({ type: 'done', outcome }, [outcome.model.weightData]);
  } catch (err) {
    post({ type: 'failed', kind: failureKind(err), message: errorText(err) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  if (event.data.type === 'cancel') controller.abort(new DOMException('Training cancelled', 'AbortError'));
  else void train(event.data);
};
