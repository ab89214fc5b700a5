import { Show } from 'solid-js';
import { MAX_EPOCHS, parseEpochs, parseLearningRate, type TrainedLayers } from '../../core/retrain/retrain-settings';
import { format } from '../../app/format';
import { t, type StringKey } from '../../app/i18n';
import { engineState } from '../../app/state';
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
  saved,
} from './training';
import { trainingElsewhere } from './tabs';

function statusText(): string {
  const s = status();
  if (s === 'training') {
    return progress()
      ? t('retrain.training', { epoch: Math.min(epochs(), history().length + 1), epochs: epochs() })
      : t('retrain.preparing');
  }
  if (s === 'done') {
    return t(saved() ? 'retrain.done' : 'retrain.doneUnsaved', { seconds: format.number(report()?.seconds ?? 0, 1) });
  }
  const idle: Record<Exclude<typeof s, 'training' | 'done'>, StringKey> = {
    idle: samples().length ? 'retrain.idle' : 'retrain.needSamples',
    cancelled: 'retrain.cancelled',
    error: 'retrain.failed',
  };
  return t(idle[s]);
}

/** Epochs and learning rate, start and cancel, status and progress of a run. */
export function RetrainControls() {
  const training = () => status() === 'training';
  return (
    <div class="retrain__run">
      <fieldset class="retrain__settings" disabled={training()}>
        <legend class="visually-hidden">{t('retrain.settings')}</legend>
        <label class="field retrain__layers">
          <span class="field__label">{t('retrain.layers')}</span>
          <select
            data-testid="retrain-layers"
            value={trainedLayers()}
            onChange={(e) => setTrainedLayers(e.currentTarget.value as TrainedLayers)}
          >
            <option value="head">{t('retrain.layersHead')}</option>
            <option value="all">{t('retrain.layersAll')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('retrain.epochs')}</span>
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
          <span class="field__label">{t('retrain.learningRate')}</span>
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
          disabled={training() || trainingElsewhere() || samples().length === 0 || engineState() !== 'ready'}
          onClick={() => void startTraining()}
        >
          {t('retrain.start')}
        </button>
        <button type="button" class="btn" data-testid="retrain-cancel" disabled={!training()} onClick={cancelTraining}>
          {t('retrain.cancel')}
        </button>
      </div>
      <p
        class="retrain__status"
        data-testid="retrain-status"
        data-state={status()}
        data-saved={status() === 'done' ? String(saved()) : undefined}
        data-seconds={status() === 'done' ? report()?.seconds?.toFixed(2) : undefined}
        role="status"
      >
        {statusText()}
      </p>
      <Show when={training()}>
        <progress
          class="retrain__progress"
          data-testid="retrain-progress"
          aria-label={t('retrain.progress')}
          max={progress()?.total ?? 1}
          value={progress()?.done ?? 0}
        />
      </Show>
      <Show when={trainer()}>
        {(who) => (
          <p class="field__hint" data-testid="retrain-backend" data-backend={who().name} data-where={who().where}>
            {t(training() ? 'retrain.trainingOn' : 'retrain.trainedOn', {
              backend: who().name,
              where: t(who().where === 'worker' ? 'retrain.worker' : 'retrain.mainThread'),
            })}
          </p>
        )}
      </Show>
    </div>
  );
}
