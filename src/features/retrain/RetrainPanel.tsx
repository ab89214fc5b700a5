import { Show, lazy, onMount } from 'solid-js';
import type { RgbaImage } from '../../core/preprocess';
import { t } from '../../app/i18n';
import { Soon } from '../../app/Later';
import { loadSamples } from './samples';
import { history } from './training';
import { refreshVersions } from './versions';
import { startSync } from './sync';
import { UnsavedNotice } from './UnsavedNotice';
import { RetrainControls } from './RetrainControls';
import { RetrainResult } from './RetrainResult';
import { ClassManager } from './ClassManager';
import { SampleAdder } from './SampleAdder';
import { SampleList } from './SampleList';
import { VersionList } from './VersionList';
import './retrain.css';

// uPlot loads only once a run has something to plot.
const RetrainChart = lazy(() => import('./RetrainChart').then((m) => ({ default: m.RetrainChart })));

/** Retraining: the user's samples, training with a live chart, before/after, and model versions. */
export function RetrainPanel(props: { thumbSource: () => RgbaImage | null }) {
  onMount(() => {
    void loadSamples();
    void refreshVersions();
    startSync();
  });
  return (
    <section class="card retrain" aria-labelledby="retrain-title">
      <h2 id="retrain-title" class="retrain__title">
        {t('retrain.retrainTitle')}
      </h2>
      <p class="retrain__intro">{t('retrain.retrainIntro')}</p>
      <ClassManager />
      {/* The card's first render in four slices (tasks), none of them long on a phone. */}
      <Soon name="retrain-samples">
        <SampleAdder thumbSource={props.thumbSource} />
        <SampleList />
      </Soon>
      <Soon name="retrain-controls">
        <RetrainControls />
        <UnsavedNotice />
      </Soon>
      <Soon name="retrain-versions">
        <Show when={history().length > 0}>
          <RetrainChart />
        </Show>
        <RetrainResult />
        <VersionList />
      </Soon>
    </section>
  );
}
