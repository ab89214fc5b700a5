import { Show } from 'solid-js';
import { MAX_EPOCHS, parseEpochs, parseLearningRate, type TrainedLayers } from '../../core/retrain/retrain-settings';
import { engineState } from '../../app/state';
import { lang } from '../../app/strings';
import { tr, type RetrainKey } from './strings';
import { samples } from './samples';
import {
  cancelTraining,
  epochs,
  history,
  learningRate,
  progress,
  report,
  setEpochs,
  setLearningRate,
  setTrainedLayers,
  startTraining,
  status,
  trainedLayers,
  trainer,
} from './training';

function statusText(): string {
  const s = status();
  if (s === 'training') {
    return progress()
      ? tr('training', { epoch: Math.min(epochs(), history().length + 1), epochs: epochs() })
      : tr('preparing');
  }
  if (s === 'done') {
    const seconds = (report()?.seconds ?? 0).toLocaleString(lang(), { maximumFractionDigits: 1 });
    return tr('done', { seconds });
  }
  const idle: Record<Exclude<typeof s, 'training' | 'done'>, RetrainKey> = {
    idle: samples().length ? 'idle' : 'needSamples',
    cancelled: 'cancelled',
    error: 'failed',
  };
  return tr(idle[s]);
}

/** Epochs and learning rate, start and cancel, status and progress of a run. */
export function RetrainControls() {
  const training = () => status() === 'training';
  return (
    <div class="retrain__run">
      <fieldset class="retrain__settings" disabled={training()}>
        <legend class="visually-hidden">{tr('settings')}</legend>
        <label class="field retrain__layers">
          <span class="field__label">{tr('layers')}</span>
          <select
            data-testid="retrain-layers"
            value={trainedLayers()}
            onChange={(e) => setTrainedLayers(e.currentTarget.value as TrainedLayers)}
          >
            <option value="head">{tr('layersHead')}</option>
            <option value="all">{tr('layersAll')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">{tr('epochs')}</span>
          <input
            type="number"
            class="field__input"
            data-testid="retrain-epochs"
            min="1"
            max={MAX_EPOCHS}
            step="1"
            value={epochs()}
            onChange={(e) => {
              setEpochs(parseEpochs(e.currentTarget.value) ?? epochs());
              e.currentTarget.value = String(epochs()); // an invalid entry snaps back
            }}
          />
        </label>
        <label class="field">
          <span class="field__label">{tr('learningRate')}</span>
          <input
            type="text"
            class="field__input"
            inputmode="decimal"
            data-testid="retrain-lr"
            value={String(learningRate())}
            onChange={(e) => {
              setLearningRate(parseLearningRate(e.currentTarget.value) ?? learningRate());
              e.currentTarget.value = String(learningRate());
            }}
          />
        </label>
      </fieldset>
      <div class="retrain__buttons">
        <button
          type="button"
          class="btn btn--primary"
          data-testid="retrain-start"
          disabled={training() || samples().length === 0 || engineState() !== 'ready'}
          onClick={() => void startTraining()}
        >
          {tr('start')}
        </button>
        <button type="button" class="btn" data-testid="retrain-cancel" disabled={!training()} onClick={cancelTraining}>
          {tr('cancel')}
        </button>
      </div>
      <p
        class="retrain__status"
        data-testid="retrain-status"
        data-state={status()}
        data-seconds={status() === 'done' ? report()?.seconds?.toFixed(2) : undefined}
        role="status"
      >
        {statusText()}
      </p>
      <Show when={training()}>
        <progress
          class="retrain__progress"
          data-testid="retrain-progress"
          aria-label={tr('progress')}
          max={progress()?.total ?? 1}
          value={progress()?.done ?? 0}
        />
      </Show>
      <Show when={trainer()}>
        {(t) => (
          <p class="field__hint" data-testid="retrain-backend" data-backend={t().name} data-where={t().where}>
            {tr(training() ? 'trainingOn' : 'trainedOn', {
              backend: t().name,
              where: tr(t().where === 'worker' ? 'worker' : 'mainThread'),
            })}
          </p>
        )}
      </Show>
    </div>
  );
}
