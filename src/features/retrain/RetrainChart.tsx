import { createEffect } from 'solid-js';
import type { RetrainEpoch } from '../../ml/retrain/retrain';
import { format } from '../../app/format';
import { t, type StringKey } from '../../app/i18n';
import { history } from './training';
import { ChartLegend, ChartNumbers } from '../../ui/ChartParts';
import { axisStyle, mountChart } from '../../ui/uplot-chart';

interface Line {
  key: StringKey;
  pick: (e: RetrainEpoch) => number | null;
  color: string;
  scale: 'loss' | 'acc';
  dash?: boolean;
}

const LINES: Line[] = [
  { key: 'retrain.loss', pick: (e) => e.loss, color: '#c2553a', scale: 'loss' },
  { key: 'retrain.trainAccuracy', pick: (e) => e.accuracy, color: '#2f6b5a', scale: 'acc', dash: true },
  { key: 'retrain.userAccuracy', pick: (e) => e.user, color: '#1f6fd1', scale: 'acc' },
  { key: 'retrain.testAccuracy', pick: (e) => e.test, color: '#8a5cc2', scale: 'acc' },
];

const HEIGHT = 180;

/** Loss and accuracies after each epoch of the run, drawn live (uPlot), with a table of the numbers. */
export function RetrainChart() {
  let host!: HTMLDivElement;
  createEffect(() => {
    const epochs = history();
    const axis = axisStyle(host, 11);
    mountChart(
      host,
      HEIGHT,
      {
        scales: {
          acc: { range: [0, 1] },
          loss: { range: (_u, _min, max) => [0, Math.max(max, 0.1)] },
        },
        axes: [
          { ...axis, incrs: [1, 2, 5, 10] },
          { ...axis, scale: 'loss', size: 40 },
          {
            ...axis,
            scale: 'acc',
            side: 1,
            size: 44,
            grid: { show: false },
            values: (_u, s) => s.map((v) => format.percent(v, 0)),
          },
        ],
        series: [
          {},
          ...LINES.map((l) => ({ scale: l.scale, stroke: l.color, width: 2, dash: l.dash ? [6, 4] : undefined })),
        ],
      },
      [epochs.map((e) => e.epoch), ...LINES.map((l) => epochs.map(l.pick))],
    );
  });
  return (
    <figure class="rchart" data-testid="retrain-chart" data-epochs={history().length}>
      <figcaption class="rchart__title">{t('retrain.chartTitle')}</figcaption>
      <ChartLegend items={LINES.map((l) => ({ label: t(l.key), color: l.color, dash: l.dash }))} />
      <div class="rchart__plot" ref={(el) => (host = el)} role="img" aria-label={t('retrain.chartTitle')} />
      <ChartNumbers
        summary={t('retrain.numbers')}
        corner={t('retrain.epoch')}
        columns={LINES.map((l) => t(l.key))}
        rows={history().map((e) => ({
          head: format.number(e.epoch),
          cells: [format.number(e.loss, 3), format.percent(e.accuracy), format.percent(e.user), format.percent(e.test)],
        }))}
      />
    </figure>
  );
}
