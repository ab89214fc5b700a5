import { curve, type QuantityName } from '../../core/lab/experiment-stats';
import type { ExperimentResults } from '../../core/lab/experiments';
import { fmt, tl } from './strings';
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
      { label: tl('series', { h: s.hidden, set: tl('train') }), values: means(s, `train${kind}`), color: c.line },
      {
        label: tl('series', { h: s.hidden, set: tl('test') }),
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
      { label: tl('neurons', { h: s.hidden }), values: g.map((x) => x.mean * 100), color: c.line },
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
  const pct = (v: number) => `${fmt(v * 100, 1)} %`;
  const acc = () => trainTest(props.results, 'Accuracy');
  const loss = () => trainTest(props.results, 'Loss');
  const g = () => gap(props.results);
  return (
    <div class="charts">
      <CurvesChart
        testid="lab-chart-accuracy"
        title={tl('chartAccuracy')}
        note={tl('chartNote', { seeds: seeds() })}
        epochs={epochs()}
        series={acc().series}
        bands={acc().bands}
        format={pct}
        axisFormat={(v) => `${fmt(v * 100, 0)} %`}
      />
      <CurvesChart
        testid="lab-chart-loss"
        title={tl('chartLoss')}
        note={tl('chartNote', { seeds: seeds() })}
        epochs={epochs()}
        series={loss().series}
        bands={loss().bands}
        format={(v) => fmt(v, 3)}
        axisFormat={(v) => fmt(v, 2)}
      />
      <CurvesChart
        testid="lab-chart-gap"
        title={tl('chartGap')}
        note={tl('gapNote')}
        epochs={epochs()}
        series={g().series}
        bands={g().bands}
        format={(v) => fmt(v, 1)}
        axisFormat={(v) => fmt(v, 1)}
      />
    </div>
  );
}
