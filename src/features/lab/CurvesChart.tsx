import { createEffect } from 'solid-js';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { ChartLegend, ChartNumbers } from '../../ui/ChartParts';
import { axisStyle, mountChart, type ChartSpec } from '../../ui/uplot-chart';

/** One line of a chart; `hidden` series only bound a shaded band. */
export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  dash?: boolean;
  hidden?: boolean;
}

/** A shaded area between two series (indices into `series`). */
export interface ChartBand {
  upper: number;
  lower: number;
  fill: string;
}

/** Props of {@link CurvesChart}. */
export interface CurvesChartProps {
  testid: string;
  title: string;
  note: string;
  epochs: number[];
  series: ChartSeries[];
  bands?: ChartBand[];
  /** Table number format. */
  format: (v: number) => string;
  /** Axis tick format (coarser than the table's). */
  axisFormat: (v: number) => string;
}

const HEIGHT = 220;

/** A line chart per epoch (uPlot on canvas), with its legend and a table of the numbers for screen readers. */
export function CurvesChart(props: CurvesChartProps) {
  let host!: HTMLDivElement;
  createEffect(() => {
    const axis = axisStyle(host, 12);
    const spec: ChartSpec = {
      axes: [
        {
          ...axis,
          label: t('lab.epoch'),
          labelSize: 18,
          labelFont: '12px system-ui, sans-serif',
          incrs: [1, 2, 5, 10],
        },
        { ...axis, size: 50, values: (_u, splits) => splits.map((v) => props.axisFormat(v)) },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.hidden ? 'transparent' : s.color,
          width: s.hidden ? 0 : 2,
          dash: s.dash ? [6, 4] : undefined,
          points: { show: false },
        })),
      ],
      bands: (props.bands ?? []).map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: b.fill })),
    };
    mountChart(host, HEIGHT, spec, [props.epochs, ...props.series.map((s) => s.values)]);
  });
  const shown = () => props.series.filter((s) => !s.hidden);
  return (
    <figure class="chart" data-testid={props.testid}>
      <figcaption class="chart__title">{props.title}</figcaption>
      <ChartLegend items={shown()} />
      <div class="chart__plot" ref={(el) => (host = el)} role="img" aria-label={props.title} />
      <p class="chart__note">{props.note}</p>
      <ChartNumbers
        summary={t('lab.dataTable')}
        corner={t('lab.epoch')}
        columns={shown().map((s) => s.label)}
        rows={props.epochs.map((e, i) => ({
          head: format.number(e),
          cells: shown().map((s) => props.format(s.values[i]!)),
        }))}
      />
    </figure>
  );
}
