// Classification off the main thread: the backend, the model and every prediction live here, so
// shader compilation, weight uploads and inference never block the page (issue 11).
import { IMAGE_PIXELS } from '../../core/classes';
import { errorText } from '../../core/errors';
import { InkMirror } from '../../core/ink-mirror';
import { preprocess } from '../../core/preprocess';
import { startBackend } from '../backend';
import { Classifier } from '../classifier';
import { predictAll } from '../predict-all';
import { loadChecked, modelToParts } from '../retrain/model-artifacts';
import { photoAnswer } from './photo-answer';
import { PROBE_BATCH, type FromClassifyWorker, type Loaded, type ModelSource, type ToClassifyWorker } from './protocol';

// The DOM typings describe `self` as a Window; its postMessage(message, { transfer }) matches a worker's.
const post = (message: FromClassifyWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

let classifier: Classifier | null = null;
/** The page's drawing, as of its latest update. */
const drawing = new InkMirror();

async function open(source: ModelSource): Promise<Classifier> {
  return source.kind === 'url' ? Classifier.load(source.url) : Classifier.fromModel(await loadChecked(source.parts));
}

/** Times a warm batch, so the page can send batch work to the fastest backend actually measured. */
async function measure(c: Classifier): Promise<number> {
  const images = new Uint8Array(PROBE_BATCH * IMAGE_PIXELS);
  for (let i = 0; i < images.length; i++) images[i] = (i * 7919) % 256;
  const options = { batchSize: PROBE_BATCH };
  await predictAll(c.model, images, PROBE_BATCH, options); // compiles the batch-shaped programs
  const start = performance.now();
  await predictAll(c.model, images, PROBE_BATCH, options);
  return (performance.now() - start) / PROBE_BATCH;
}

async function load(source: ModelSource, fallbackUrl: string): Promise<Loaded> {
  let next: Classifier;
  let sourceError: string | undefined;
  try {
    next = await open(source);
  } catch (err) {
    if (source.kind === 'url') throw err;
    sourceError = errorText(err);
    next = await open({ kind: 'url', url: fallbackUrl });
  }
  classifier?.dispose();
  classifier = next;
  return {
    msPerImage: await measure(next),
    outputs: next.classes,
    ...(sourceError === undefined ? {} : { sourceError }),
  };
}

function loadedClassifier(): Classifier {
  if (!classifier) throw new Error('no model is loaded');
  return classifier;
}

async function handle(m: ToClassifyWorker): Promise<void> {
  switch (m.type) {
    case 'start': {
      const choice = await startBackend(m.backend, (name, reason) => post({ type: 'lost', name, reason }));
      return post({ type: 'started', id: m.id, ...choice });
    }
    case 'load':
      return post({ type: 'loaded', id: m.id, loaded: await load(m.source, m.fallbackUrl) });
    case 'predict': {
      const probs = await loadedClassifier().predict(m.input);
      return post({ type: 'probs', id: m.id, probs }, [probs.buffer]);
    }
    case 'predictInk': {
      drawing.apply(m.update);
      const pad = drawing.view();
      const input = pad && preprocess(pad.image, { within: pad.box });
      if (!input) return post({ type: 'inked', id: m.id, input: null, probs: null });
      const probs = await loadedClassifier().predict(input);
      return post({ type: 'inked', id: m.id, input, probs }, [input.buffer, probs.buffer]);
    }
    case 'predictPhoto': {
      const c = loadedClassifier();
      const answer = await photoAnswer(m.image, (x) => c.predict(x));
      return post({ type: 'photoed', id: m.id, answer }, answer.probs ? [answer.probs.buffer] : []);
    }
    case 'predictMany': {
      const probs = await predictAll(loadedClassifier().model, m.images, m.count, {
        batchSize: m.batchSize,
        onProgress: (done, total) => post({ type: 'progress', id: m.id, done, total }),
      });
      return post({ type: 'probs', id: m.id, probs }, [probs.buffer]);
    }
    case 'parts': {
      const parts = await modelToParts(loadedClassifier().model);
      return post({ type: 'parts', id: m.id, parts }, [parts.weightData]);
    }
  }
}

// One request at a time, in order: a model is never swapped under a prediction in flight.
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<ToClassifyWorker>) => {
  const m = event.data;
  queue = queue.then(() =>
    handle(m).catch((err: unknown) => post({ type: 'failed', id: m.id, message: errorText(err) })),
  );
};
