import { curve, type QuantityName } from '../../core/lab/experiment-stats';
import type { ExperimentResults } from '../../core/lab/experiments';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { CurvesChart, type ChartBand, type ChartSeries } from './CurvesChart';

/** Line colours per width: distinguishable in light and dark themes and for red–green colour blindness. */
const COLORS: Record<number, { line: string; fill: string }> = {
  128: { line: '#2a7fb8', fill: 'rgba(42, 127, 184, 0.16)' },
  500: { line: '#d06a1c', fill: 'rgba(208, 106, 28, 0.16)' },
};
const colorOf = (h: number) => COLORS[h] ?? { line: '#777777', fill: 'rgba(119, 119, 119, 0.16)' };

const means = (s: ExperimentResults['settings'][number], q: QuantityName) => curve(s, q).map((x) => x.mean);

/** Train and test curves of every width, with the gap between them shaded. */
function trainTest(
  results: ExperimentResults,
  kind: 'Accuracy' | 'Loss',
): { series: ChartSeries[]; bands: ChartBand[] } {
  const series: ChartSeries[] = [];
  const bands: ChartBand[] = [];
  for (const s of results.settings) {
    const c = colorOf(s.hidden);
    const at = series.length;
    series.push(
      {
        label: t('lab.series', { h: format.number(s.hidden), set: t('lab.train') }),
        values: means(s, `train${kind}`),
        color: c.line,
      },
      {
        label: t('lab.series', { h: format.number(s.hidden), set: t('lab.test') }),
        values: means(s, `test${kind}`),
        color: c.line,
        dash: true,
      },
    );
    // Accuracy: train above test; loss: test above train.
    bands.push(
      kind === 'Accuracy' ? { upper: at, lower: at + 1, fill: c.fill } : { upper: at + 1, lower: at, fill: c.fill },
    );
  }
  return { series, bands };
}

/** The gap (train − test accuracy) per width: mean line plus a min–max band over seeds. */
function gap(results: ExperimentResults): { series: ChartSeries[]; bands: ChartBand[] } {
  const series: ChartSeries[] = [];
  const bands: ChartBand[] = [];
  for (const s of results.settings) {
    const c = colorOf(s.hidden);
    const g = curve(s, 'accuracyGap');
    const at = series.length;
    series.push(
      { label: t('lab.neurons', { h: format.number(s.hidden) }), values: g.map((x) => x.mean * 100), color: c.line },
      { label: 'max', values: g.map((x) => x.max * 100), color: c.line, hidden: true },
      { label: 'min', values: g.map((x) => x.min * 100), color: c.line, hidden: true },
    );
    bands.push({ upper: at + 1, lower: at + 2, fill: c.fill });
  }
  return { series, bands };
}

/** The lab's three charts: accuracy, loss and the train–test gap over the epochs. */
export function LabCharts(props: { results: ExperimentResults }) {
  const epochs = () => Array.from({ length: props.results.recipe.epochs }, (_, i) => i + 1);
  const seeds = () => Math.min(...props.results.settings.map((s) => s.runs.length));
  const acc = () => trainTest(props.results, 'Accuracy');
  const loss = () => trainTest(props.results, 'Loss');
  const g = () => gap(props.results);
  return (
    <div class="charts">
      <CurvesChart
        testid="lab-chart-accuracy"
        title={t('lab.chartAccuracy')}
        note={t('lab.chartNote', { seeds: format.number(seeds()) })}
        epochs={epochs()}
        series={acc().series}
        bands={acc().bands}
        format={(v) => format.percent(v, 1)}
        axisFormat={(v) => format.percent(v, 0)}
      />
      <CurvesChart
        testid="lab-chart-loss"
        title={t('lab.chartLoss')}
        note={t('lab.chartNote', { seeds: format.number(seeds()) })}
        epochs={epochs()}
        series={loss().series}
        bands={loss().bands}
        format={(v) => format.number(v, 3)}
        axisFormat={(v) => format.number(v, 2)}
      />
      <CurvesChart
        testid="lab-chart-gap"
        title={t('lab.chartGap')}
        note={t('lab.gapNote')}
        epochs={epochs()}
        series={g().series}
        bands={g().bands}
        format={(v) => format.number(v, 1)}
        axisFormat={(v) => format.number(v, 1)}
      />
    </div>
  );
}
